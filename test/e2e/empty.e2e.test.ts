import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutProblems } from './layout';
import { go, openApp, seriousA11yViolations, shot, startApp } from './support';

let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp({ demo: false });
});
afterAll(async () => {
  await app?.stop();
});

describe('a new, empty workspace in Chromium', () => {
  it('every screen says what to import instead of showing blank or zero figures', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
    });
    const expectations: [string, RegExp][] = [
      ['dashboard', /Import a spend export/],
      ['scorecard', /Import KPI values/],
      ['initiatives', /Import an initiative register/],
      ['budget', /Import a budget/],
      ['narrative', /Import data first/],
      ['import', /Drop a CSV or Excel file here/],
    ];
    for (const [screen, text] of expectations) {
      await go(page, screen);
      await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toMatch(text);
      await shot(page, `ui-empty-${screen}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in the dark scheme at 1024×768, every screen still passes axe and nothing overflows', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
      colorScheme: 'dark',
      width: 1024,
      height: 768,
    });
    const screens: [string, RegExp][] = [
      ['dashboard', /Import a spend export/],
      ['import', /Drop a CSV or Excel file here/],
      ['scorecard', /Import KPI values/],
      ['initiatives', /Import an initiative register/],
      ['budget', /Import a budget/],
      ['narrative', /Import data first/],
      ['pack', /Import spend data to prepare a briefing pack/],
      ['settings', /Save settings/],
    ];
    for (const [screen, text] of screens) {
      await go(page, screen);
      await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toMatch(text);
      await shot(page, `ui-empty-dark-1024-${screen}`);
      expect({ screen, v: await seriousA11yViolations(page) }).toEqual({ screen, v: [] });
      expect({ screen, p: await layoutProblems(page) }).toEqual({ screen, p: [] });
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
