import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../shared/report';
import { chartsDrawn, go, openApp, pct, seriousA11yViolations, shot, startApp, usd } from './support';

let app: Awaited<ReturnType<typeof startApp>>;
let report: ReportModel;

beforeAll(async () => {
  app = await startApp();
  report = await app.report('FY2026-Q3');
});
afterAll(async () => {
  await app?.stop();
});

const SCREENS = [
  'dashboard',
  'import',
  'scorecard',
  'initiatives',
  'budget',
  'narrative',
  'settings',
] as const;

describe('every screen in Chromium: key numbers equal the report model, screenshots, accessibility', () => {
  it('screens show the report model figures and pass axe-core without serious violations', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
    });
    const violations: Record<string, unknown> = {};

    // Dashboard: headline tiles are the report model's figures.
    await expect
      .poll(() => page.getByTestId('period-spend').textContent())
      .toBe(usd(report.portfolio.cost.micro));
    expect(await page.getByTestId('tile-roi').textContent()).toBe(pct(report.portfolio.roi.value));
    expect(await page.getByTestId('tile-cumulative-roi').textContent()).toBe(
      pct(report.portfolio.cumulativeRoi.value),
    );
    expect(await page.getByTestId('tile-benefit').textContent()).toBe(usd(report.portfolio.benefit.micro));
    expect(await page.getByTestId('tile-npv').textContent()).toBe(usd(report.portfolio.npv.micro));
    expect(await page.getByTestId('tile-variance').textContent()).toBe(
      new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: 'USD',
        signDisplay: 'exceptZero',
      }).format(Math.round(report.budget.variance.micro / 10_000) / 100),
    );
    expect(await page.getByTestId('tile-budget').textContent()).toBe(usd(report.budget.budget.micro));
    expect(await page.getByTestId('tile-forecast').textContent()).toBe(
      usd(report.budget.forecastYearEnd.micro),
    );
    expect(await page.getByTestId('tile-anomalies').textContent()).toBe(String(report.anomalies.length));
    const green = report.kpis.filter((k) => k.status === 'green').length;
    expect(await page.getByTestId('tile-kpis-on-track').textContent()).toBe(
      `${green} of ${report.kpis.length}`,
    );
    await chartsDrawn(page);
    await shot(page, 'ui-dashboard');
    violations.dashboard = await seriousA11yViolations(page);

    // "Where does this number come from?": the drawer lists inputs, line counts, batches with file and SHA-256, and the formula.
    await page.locator('button[data-explain="portfolio.cost"]').click();
    const drawer = page.getByTestId('explain-drawer');
    await drawer.waitFor();
    const e = report.explanations['portfolio.cost']!;
    expect(await page.getByTestId('explain-result').textContent()).toBe(usd(report.portfolio.cost.micro));
    const text = (await drawer.textContent()) ?? '';
    expect(text).toContain(e.formula);
    expect(text).toContain(String(e.inputs[0]!.lineCount));
    const batch = report.batches[e.inputs[0]!.batchIds[0]!]!;
    expect(text).toContain(batch.fileName);
    expect(text).toContain(batch.fileSha256);
    await page.screenshot({
      path: (await import('../helpers/browser')).outputPath('e2e', 'ui-explain-drawer.png'),
    });
    violations.drawer = await seriousA11yViolations(page);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    // Focus returns to the figure that opened the drawer.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-explain'))).toBe(
      'portfolio.cost',
    );

    // Scorecard: one row per KPI with the model's status.
    await go(page, 'scorecard');
    await page.getByTestId('scorecard').waitFor();
    for (const k of report.kpis) {
      expect(
        await page.getByTestId(`kpi-status-${k.id}`).locator('[data-status]').getAttribute('data-status'),
      ).toBe(k.status);
    }
    await chartsDrawn(page);
    await shot(page, 'ui-scorecard');
    violations.scorecard = await seriousA11yViolations(page);

    // Initiatives: the portfolio total and each initiative's cost.
    await go(page, 'initiatives');
    await page.getByTestId('initiatives-table').waitFor();
    expect(await page.getByTestId('initiatives-total-cost').textContent()).toBe(
      usd(report.portfolio.cost.micro),
    );
    const tableText = (await page.getByTestId('initiatives-table').textContent()) ?? '';
    for (const i of report.initiatives) expect(tableText).toContain(usd(i.cost.micro));
    await shot(page, 'ui-initiatives');
    violations.initiatives = await seriousA11yViolations(page);

    const first = report.initiatives[0]!;
    await go(page, `initiatives/${first.id}`);
    await expect.poll(() => page.getByTestId('initiative-cost').textContent()).toBe(usd(first.cost.micro));
    await page.getByTestId('chart-initiative').waitFor();
    await chartsDrawn(page);
    await shot(page, 'ui-initiative-detail');
    violations.initiativeDetail = await seriousA11yViolations(page);

    // Budget: quarter actual, variance, forecast and each category.
    await go(page, 'budget');
    await page.getByTestId('budget').waitFor();
    expect(await page.getByTestId('budget-actual').textContent()).toBe(usd(report.budget.actual.micro));
    expect(await page.getByTestId('budget-forecast').textContent()).toBe(
      usd(report.budget.forecastYearEnd.micro),
    );
    const cats = (await page.getByTestId('budget-categories').textContent()) ?? '';
    for (const c of report.budget.byCategory) expect(cats).toContain(usd(c.actual.micro));
    await chartsDrawn(page);
    await shot(page, 'ui-budget');
    violations.budget = await seriousA11yViolations(page);

    // Narrative, import, settings render and are accessible.
    await go(page, 'narrative');
    await page.getByTestId('narrative').waitFor();
    await shot(page, 'ui-narrative');
    violations.narrative = await seriousA11yViolations(page);

    await go(page, 'import');
    await page.getByTestId('batches').waitFor();
    await shot(page, 'ui-import');
    violations.import = await seriousA11yViolations(page);

    await go(page, 'settings');
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    await shot(page, 'ui-settings');
    violations.settings = await seriousA11yViolations(page);

    if (process.env.DUMP_AXE)
      (await import('node:fs')).writeFileSync('/tmp/ui/axe.json', JSON.stringify(violations, null, 1));
    for (const [screen, v] of Object.entries(violations)) expect({ screen, v }).toEqual({ screen, v: [] });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an anomaly in spend that was mostly absent before reads as new, not as a spike against "usual $0.00"', async () => {
    const q1 = await app.report('FY2026-Q1');
    const fresh = q1.anomalies.filter((a) => a.direction === 'spike' && a.baselineMedian === 0);
    const usual = q1.anomalies.filter((a) => a.baselineMedian !== 0);
    expect(fresh.length).toBeGreaterThan(0); // the demo's Marketing Content Studio starts in FY2026-Q1
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await page.getByLabel('Fiscal quarter').selectOption('FY2026-Q1');
    const list = page.getByRole('list', { name: 'Spend anomalies' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(q1.anomalies.length);
    const items = await list.getByRole('listitem').allTextContents();
    for (const a of fresh) {
      const item = items.find((t) => t.includes(a.label))!;
      expect(item).toMatch(/^▲ New/);
      expect(item).toContain('where most of the previous 6 months had none');
      expect(item).not.toContain('usual $0.00');
    }
    for (const a of usual) expect(items.find((t) => t.includes(a.label))).toContain('vs usual');
    await context.close();
  });

  it('follows the dark theme and stays accessible', async () => {
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
      colorScheme: 'dark',
    });
    for (const s of ['dashboard', 'scorecard'] as const) {
      await go(page, s);
      await page.getByTestId(s).waitFor();
      await chartsDrawn(page);
      await shot(page, `ui-${s}-dark`);
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(243, 245, 248)');
    await context.close();
  });

  it('is usable from the keyboard: skip to sections, visible focus, figures open with Enter', async () => {
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await page.getByTestId('dashboard').waitFor();
    await page.keyboard.press('Tab');
    const firstFocus = await page.evaluate(() => document.activeElement?.textContent);
    expect(firstFocus).toBeTruthy();
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.locator('button[data-explain="portfolio.roi"]').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('explain-drawer').waitFor();
    expect(await page.getByTestId('explain-result').textContent()).toBe(pct(report.portfolio.roi.value));
    await page.keyboard.press('Escape');
    await context.close();
  });

  it.each(SCREENS)('%s has exactly one h1 and a labelled main region', async (screen) => {
    const { page, context } = await openApp(app.browser, `${app.ctx.bridge.launchUrl}`);
    await go(page, screen);
    await expect.poll(() => page.locator('h1').count()).toBe(1);
    await context.close();
  });
});
