import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
