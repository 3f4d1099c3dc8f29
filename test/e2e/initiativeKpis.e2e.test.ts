import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitiativeKpiReport, InitiativeReport, ReportModel } from '../../shared/report';
import { chartsDrawn, go, openApp, pct, seriousA11yViolations, shot, startApp } from './support';

let app: Awaited<ReturnType<typeof startApp>>;
let report: ReportModel;

beforeAll(async () => {
  app = await startApp();
  report = await app.report('FY2026-Q3');
});
afterAll(async () => {
  await app?.stop();
});

/** The value as the page writes it (en-US): ratios as percentages, counts whole, scores to one decimal. */
function shown(unit: InitiativeKpiReport['unit'], value: number | null): string {
  if (value === null) return '—';
  if (unit === 'ratio') {
    const digits = Math.abs(value) < 0.01 && value !== 0 ? 2 : 1;
    return new Intl.NumberFormat('en-US', {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  }
  if (unit === 'count' || unit === 'score')
    return new Intl.NumberFormat('en-US', { maximumFractionDigits: unit === 'count' ? 0 : 1 }).format(value);
  throw new Error(`no expectation for unit ${unit}`);
}

const STATUS_WORDS = { green: 'On track', amber: 'At risk', red: 'Off track', no_data: 'No data' };

describe("an initiative's KPIs in Chromium: rows equal the report model, explanations, accessibility", () => {
  it('the demo initiatives with KPIs show every KPI row with the model’s value, status and trend', async () => {
    const withKpis = report.initiatives.filter((i) => i.kpis.length > 0);
    // The demo shows the feature: several initiatives, all three statuses among their KPIs.
    expect(withKpis.length).toBeGreaterThanOrEqual(3);
    expect(new Set(withKpis.flatMap((i) => i.kpis.map((k) => k.status)))).toEqual(
      new Set(['green', 'amber', 'red']),
    );
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
    });
    for (const i of withKpis) {
      await go(page, `initiatives/${i.id}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe(i.name);
      const table = page.getByTestId('initiative-kpis');
      await table.waitFor();
      expect(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.kpi))).toEqual(
        i.kpis.map((k) => k.id),
      );
      for (const k of i.kpis) {
        expect(await page.getByTestId(`initiative-kpi-value-${k.id}`).textContent()).toBe(
          shown(k.unit, k.value),
        );
        const status = page.getByTestId(`initiative-kpi-status-${k.id}`);
        expect(await status.locator('[data-status]').getAttribute('data-status')).toBe(k.status);
        expect(await status.textContent()).toBe(STATUS_WORDS[k.status]);
        const row = table.locator(`tr[data-kpi="${k.id}"]`);
        expect(await row.locator('[data-trend]').getAttribute('data-trend')).toBe(k.trend);
        // The sparkline's text alternative lists the model's six quarters of history.
        const spark = (await row.locator('svg.sparkline').getAttribute('aria-label')) ?? '';
        expect(spark).toContain(`${k.name}, ${i.name}, last 6 quarters.`);
        expect(k.history).toHaveLength(6);
        for (const h of k.history)
          expect(spark).toContain(`${h.period}: ${h.value === null ? 'no data' : shown(k.unit, h.value)}`);
      }
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows a quarter switch on the detail: the rows become the other quarter’s', async () => {
    const earlier = await app.report('FY2025-Q4');
    const i = earlier.initiatives.find((x) => x.kpis.some((k) => k.value !== null))!;
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, `initiatives/${i.id}`);
    await page.getByTestId('initiative-kpis').waitFor();
    await page.getByLabel('Fiscal quarter').selectOption('FY2025-Q4');
    for (const k of i.kpis)
      await expect
        .poll(() => page.getByTestId(`initiative-kpi-value-${k.id}`).textContent())
        .toBe(shown(k.unit, k.value));
    expect(await page.getByTestId('initiative-kpis').locator('caption').textContent()).toContain('FY2025-Q4');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a KPI value’s explanation from the keyboard: formula, each observation, its batch', async () => {
    const i = report.initiatives.find((x) => x.kpis.some((k) => k.observationCount > 1))!;
    const k = i.kpis.find((x) => x.observationCount > 1)!;
    const e = report.explanations[k.explain]!;
    expect(k.explain).toBe(`initiative.${i.id}.kpi.${k.id}`);
    expect(e.result).toBe(k.value);
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, `initiatives/${i.id}`);
    const figure = page.locator(`button[data-explain="${k.explain}"]`);
    await figure.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('explain-drawer');
    await drawer.waitFor();
    if (k.unit === 'ratio') expect(await page.getByTestId('explain-result').textContent()).toBe(pct(k.value));
    const text = (await drawer.textContent()) ?? '';
    expect(text).toContain(e.label);
    expect(text).toContain(e.formula);
    for (const input of e.inputs) expect(text).toContain(input.label);
    expect(e.inputs).toHaveLength(k.observationCount);
    expect(text).toContain(report.batches[k.batchIds[0]!]!.fileName);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-explain'))).toBe(k.explain);
    await context.close();
  });

  it('looks right and passes axe in light and dark, with KPIs and with the empty state', async () => {
    const most = [...report.initiatives].sort((a, b) => b.kpis.length - a.kpis.length)[0]!;
    const none = report.initiatives.find((i) => i.kpis.length === 0)!;
    const cases: [InitiativeReport, string][] = [
      [most, 'ui-initiative-kpis'],
      [none, 'ui-initiative-kpis-empty'],
    ];
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
        bypassCSP: true,
        colorScheme,
      });
      for (const [i, name] of cases) {
        await go(page, `initiatives/${i.id}`);
        await expect.poll(() => page.locator('h1').textContent()).toBe(i.name);
        if (i.kpis.length > 0) await page.getByTestId('initiative-kpis').waitFor();
        else
          expect(await page.getByRole('note').textContent()).toContain(
            'Import KPI values with an Initiative column',
          );
        await chartsDrawn(page);
        await shot(page, colorScheme === 'dark' ? `${name}-dark` : name);
        expect({ name, colorScheme, v: await seriousA11yViolations(page) }).toEqual({
          name,
          colorScheme,
          v: [],
        });
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
