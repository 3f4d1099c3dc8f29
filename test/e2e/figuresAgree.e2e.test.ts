import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_LABEL, STATUS_LABEL, TREND_LABEL } from '../../shared/labels';
import { kpiTarget, kpiValue } from '../../shared/format/kpi';
import { boardMoney, boardSignedMoney } from '../../shared/export/format';
import { budgetStatusView } from '../../shared/format/budgetStatus';
import { compactMoney, money, signedMoney } from '../../shared/format/money';
import { TORNADO_MAX } from '../../shared/export/tornado';
import { pct, signedPct } from '../../shared/format/number';
import { irrPct, irrPhrase, payback } from '../../shared/format/returns';
import { microToCents, type Micro } from '../../shared/money';
import { printPath } from '../../electron/pack/pdfOptions';
import type { ExplainKey, ReportModel } from '../../shared/report';
import { exportPack } from '../../electron/pack/export';
import { pdfText } from '../electron/pack/helpers';
import { cellMicro, shownOf } from '../electron/pack/workbookHelpers';
import { go, openApp, startApp } from './support';

/**
 * The check that the screens, the PDF and the workbook are one kit: every headline figure, KPI
 * row, initiative and budget line of the report model is written once here with the kit's own formatters
 * (shared/format/), and each string must be what the screens show (real Chromium over the bridge) and
 * what the exported PDF prints (pdftotext of a real pack); the exported workbook must hold the model's
 * exact values (money to the micro-unit, ratios as the model's numbers) and the same status words.
 */

const PERIOD = 'FY2026-Q3';

let app: Awaited<ReturnType<typeof startApp>>;
let report: ReportModel;
let pdf: string;
let workbook: ExcelJS.Workbook;
/** What each explained figure reads on the screens, by explain key (a key can be shown more than once). */
const onScreen = new Map<string, string[]>();
/** What each chart drew (its Chart.js data: labels, series labels and values), on screen and in the print view. */
interface Figures {
  labels: unknown[];
  datasets: { label: string; data: (number | null)[] }[];
}
const screenCharts = new Map<string, Figures>();
/** The dashboard's NPV swing table (the tornado's figures), its cells' visible text. */
let swingOnScreen: string[][] = [];
const printCharts = new Map<string, Figures>();

/** The figures of every drawn chart on the page, by the attribute that names it. */
async function chartsOn(page: Page, by: 'data-testid' | 'data-chart-id', into: Map<string, Figures>) {
  const found = await page
    .locator(`canvas[${by}][data-chart-drawn="true"]`)
    .evaluateAll(
      (canvases, attr) =>
        canvases.map((c) => [c.getAttribute(attr)!, (c as HTMLElement).dataset.chartFigures ?? '']),
      by,
    );
  for (const [id, json] of found) into.set(id!, JSON.parse(json!) as Figures);
}

/** Whitespace runs collapsed: pdftotext's layout spacing is not part of what is printed. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The visible text of each cell of a row (the explain buttons' screen-reader words left out). */
async function rowCells(page: Page, selector: string): Promise<string[][]> {
  return page.locator(selector).evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.children).map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.sr-only').forEach((n) => n.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    ),
  );
}

async function collectFigures(page: Page): Promise<void> {
  const found = await page
    .locator('button[data-explain]')
    .evaluateAll((buttons) =>
      buttons.map((b) => [
        (b as HTMLElement).dataset.explain!,
        (b.querySelector('.figure-value')?.textContent ?? '').trim(),
      ]),
    );
  for (const [key, text] of found) onScreen.set(key!, [...(onScreen.get(key!) ?? []), text!]);
}

beforeAll(async () => {
  app = await startApp();
  report = await app.report(PERIOD);
  // The one export path, with the bridge's printer (headless Chromium handed the pack data).
  const result = await exportPack(
    app.ws,
    {
      period: PERIOD,
      pdf: true,
      xlsx: true,
      allowUncommentedRed: true,
      outDir: path.join(app.ws.dir, 'packs'),
      packDate: '2026-10-12',
    },
    app.ctx.service.ctx.renderer,
  );
  pdf = squash(pdfText(result.files.find((f) => f.kind === 'pdf')!.path));
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(result.files.find((f) => f.kind === 'xlsx')!.path);

  const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
  for (const [screen, ready] of [
    ['dashboard', 'tile-roi'],
    ['budget', 'budget-categories'],
    ['initiatives', 'initiatives-table'],
    ['scorecard', `kpi-value-${report.kpis[0]!.id}`],
  ] as const) {
    await go(page, screen);
    await page.getByTestId(ready).first().waitFor();
    await collectFigures(page);
    if (screen === 'dashboard') {
      for (const id of ['chart-budget', 'chart-cumulative', 'chart-roi', 'chart-tornado'])
        await page.locator(`canvas[data-testid="${id}"][data-chart-drawn="true"]`).waitFor();
      await chartsOn(page, 'data-testid', screenCharts);
      swingOnScreen = await rowCells(page, 'table[aria-label="NPV swing by assumption"] tbody tr');
    }
  }
  // The print view the pack prints, its charts read as the export collects them (canvas[data-chart-id]).
  await page.goto(app.ctx.bridge.pageUrl(printPath(PERIOD, '2026-10-12')));
  await page.locator('body[data-ready="true"]').waitFor();
  await chartsOn(page, 'data-chart-id', printCharts);
  await context.close();
}, 240_000);

afterAll(async () => {
  await app?.stop();
});

/** A sheet's rows as objects keyed by the header row's words (cells as shown: a formula's result). */
function sheetRows(name: string, headerRow = 1): Record<string, unknown>[] {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const headers = (ws.getRow(headerRow).values as unknown[]).map((h) => String(h ?? ''));
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n <= headerRow) return;
    const o: Record<string, unknown> = {};
    headers.forEach((h, c) => h && (o[h] = shownOf(row.getCell(c))));
    rows.push(o);
  });
  return rows;
}

/** Every row of a sheet as its cells' shown values (column A first), for sheets of several tables. */
function sheetCells(name: string): unknown[][] {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(shownOf(row.getCell(c)));
    rows.push(cells);
  });
  return rows;
}

const micro = (v: unknown) => cellMicro(v);
/** A ratio cell read back: its number, or null where it holds none (the workbook's IF(…=0,"",…)). */
const ratio = (v: unknown) => (v === undefined || v === null || v === '' ? null : v);

interface Headline {
  what: string;
  explain: ExplainKey;
  /** As the screens write it. */
  screen: string;
  /** As the PDF prints it (the same string unless the page's form of the figure differs). */
  pdf: string;
}

function headlines(r: ReportModel): Headline[] {
  const c = r.currency;
  const p = r.portfolio;
  const b = r.budget;
  const same = (what: string, fig: { explain: ExplainKey }, text: string): Headline => ({
    what,
    explain: fig.explain,
    screen: text,
    pdf: text,
  });
  // Money: to the cent on the screens, in whole units on the PDF's board pages.
  const cash = (what: string, fig: { explain: ExplainKey; micro: number }, signed = false): Headline => ({
    what,
    explain: fig.explain,
    screen: (signed ? signedMoney : money)(fig.micro, c),
    pdf: (signed ? boardSignedMoney : boardMoney)(fig.micro, c),
  });
  return [
    cash('portfolio cost', p.cost),
    cash('realized benefit', p.benefit),
    same('portfolio ROI', p.roi, pct(p.roi.value)),
    same('cumulative ROI', p.cumulativeRoi, pct(p.cumulativeRoi.value)),
    cash('NPV', p.npv),
    // The screens say the rate in words ("206.3% a year"), the PDF's tile is headed "IRR (annual)".
    { what: 'IRR', explain: p.irr.explain, screen: irrPhrase(p.irr.value), pdf: irrPct(p.irr.value) },
    cash('shared platform cost', p.sharedPlatformCost),
    cash('quarter budget', b.budget),
    cash('quarter actual', b.actual),
    cash('quarter variance', b.variance, true),
    same('quarter variance %', b.variancePct, signedPct(b.variancePct.value)),
    cash('year-end forecast', b.forecastYearEnd),
    cash('annual budget', b.annualBudget),
    same('forecast variance %', b.forecastVariancePct, signedPct(b.forecastVariancePct.value)),
    cash('monthly burn', r.runRate.portfolio.monthlyBurn),
  ];
}

describe('every figure of the report model reads the same on screen, in the PDF and in the workbook', () => {
  it('headline figures: the screens and the PDF write each the same way', () => {
    for (const h of headlines(report)) {
      const shown = onScreen.get(h.explain) ?? [];
      expect(shown, `${h.what} on screen`).toContain(h.screen);
      expect(pdf, `${h.what} in the PDF`).toContain(h.pdf);
    }
  });

  it('every KPI row: value, target and status word on the scorecard screen and in the PDF', async () => {
    const c = report.currency;
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, 'scorecard');
    await page.getByTestId(`kpi-value-${report.kpis[0]!.id}`).waitFor();
    expect(report.kpis.length).toBeGreaterThan(20);
    for (const k of report.kpis) {
      const value = kpiValue(k.value, k, c);
      const status = STATUS_LABEL[k.status];
      const trend = TREND_LABEL[k.trend];
      expect(await page.getByTestId(`kpi-value-${k.id}`).textContent(), k.name).toBe(value);
      // The screens name a target's direction by symbol; the PDF's typeface has no ≥ ≤, so it says min/max.
      expect(await page.getByTestId(`kpi-target-${k.id}`).textContent(), k.name).toBe(
        kpiTarget(k, c, { comparator: 'symbol' }),
      );
      expect(await page.getByTestId(`kpi-status-${k.id}`).textContent(), k.name).toBe(status);
      const row = page.locator(`tr[data-kpi="${k.id}"]`);
      expect(squash((await row.locator('[data-trend]').textContent()) ?? ''), k.name).toMatch(
        new RegExp(`^[↑↓–·] ${trend}$`),
      );
      // One PDF table row: value, target, status word and trend, in that order.
      expect(pdf, `${k.name} in the PDF`).toMatch(
        new RegExp(`${escape(value)} ${escape(kpiTarget(k, c))} ${escape(status)} [↑↓–·] ${trend}`),
      );
    }
    await context.close();
  });

  it('every initiative: cost, benefit, ROI, cumulative ROI, payback and NPV on screen and in the PDF', async () => {
    const c = report.currency;
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, 'initiatives');
    await page.getByTestId('initiatives-table').waitFor();
    const rows = await rowCells(page, '[data-testid="initiatives-table"] tbody tr');
    expect(rows).toHaveLength(report.initiatives.length);
    for (const [n, i] of report.initiatives.entries()) {
      const figures = [
        money(i.cost.micro, c),
        money(i.benefit.micro, c),
        pct(i.roi.value),
        pct(i.cumulativeRoi.value),
        payback(i.paybackMonths.value, i.stage),
        money(i.npv.micro, c),
      ];
      // The PDF's board pages in whole units.
      const printed = [
        boardMoney(i.cost.micro, c),
        boardMoney(i.benefit.micro, c),
        ...figures.slice(2, 5),
        boardMoney(i.npv.micro, c),
      ];
      expect(rows[n]![0], 'rows in the model’s order').toContain(i.name);
      expect(rows[n]!.slice(3), i.name).toEqual(figures);
      expect(pdf, `${i.name} in the PDF`).toContain(`${i.name} ${cap(i.stage)} ${printed.join(' ')}`);
    }
    await context.close();
  });

  it('budget vs actual by category and in total: the same figures and status words on screen and in the PDF', async () => {
    const c = report.currency;
    const b = report.budget;
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, 'budget');
    await page.getByTestId('budget-categories').waitFor();
    const body = await rowCells(page, '[data-testid="budget-categories"] tbody tr');
    const foot = await rowCells(page, '[data-testid="budget-categories"] tfoot tr');
    const lines = [...b.byCategory.map((row) => ({ ...row, label: row.label })), { ...b, label: 'Total' }];
    const screenRows = [...body, ...foot];
    expect(screenRows).toHaveLength(lines.length);
    for (const [n, line] of lines.entries()) {
      const figures = [
        money(line.budget.micro, c),
        money(line.actual.micro, c),
        signedMoney(line.variance.micro, c),
        signedPct(line.variancePct.value),
        budgetStatusView(line.status, line.variance.micro).label,
      ];
      expect(screenRows[n]!.slice(0, 6), line.label).toEqual([line.label, ...figures]);
      const printed = [
        boardMoney(line.budget.micro, c),
        boardMoney(line.actual.micro, c),
        boardSignedMoney(line.variance.micro, c),
        ...figures.slice(3),
      ];
      expect(pdf, `${line.label} in the PDF`).toContain(`${line.label} ${printed.join(' ')}`);
    }
    // The year-end forecast tile: against the annual budget, with its status word.
    const tile = page.locator('.tile', { has: page.getByTestId('budget-forecast') });
    expect(await page.getByTestId('budget-forecast').textContent()).toBe(money(b.forecastYearEnd.micro, c));
    expect(await tile.locator('.tile-head .status').textContent()).toBe(
      budgetStatusView(b.forecastStatus, b.forecastVariance.micro).label,
    );
    expect(pdf).toContain(
      `vs ${boardMoney(b.annualBudget.micro, c)} (${signedPct(b.forecastVariancePct.value)})`,
    );
    await context.close();
  });

  it('each import kind has one name: the import screen, the PDF appendix and the workbook say the same', async () => {
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, 'import');
    await page.getByTestId('batches').waitFor();
    const screenKinds = new Set((await rowCells(page, '[data-testid="batches"] tbody tr')).flat());
    const sources = sheetRows('Sources');
    const kinds = [...new Set(Object.values(report.batches).map((b) => b.kind))];
    expect(kinds).toContain('kpis');
    for (const kind of kinds) {
      const word = KIND_LABEL[kind as keyof typeof KIND_LABEL];
      expect(word, kind).toBeTruthy();
      expect(screenKinds, `${kind} on the import screen`).toContain(word);
      expect(pdf, `${kind} in the PDF`).toContain(word);
      expect(
        sources.map((r) => r['Kind']),
        `${kind} in the workbook`,
      ).toContain(word);
    }
    await context.close();
  });

  it('the workbook holds the model’s exact values and the same status words', () => {
    const p = report.portfolio;
    const b = report.budget;
    // Summary: label → value.
    const summary = new Map<string, unknown>();
    workbook.getWorksheet('Summary')!.eachRow((row) => {
      summary.set(String(row.getCell(1).value ?? ''), shownOf(row.getCell(2)));
    });
    const moneyRows: [string, Micro][] = [
      ['Portfolio cost (quarter)', p.cost.micro],
      ['Realized benefit (quarter)', p.benefit.micro],
      ['NPV to date', p.npv.micro],
      ['Budget (quarter)', b.budget.micro],
      ['Actual spend (quarter)', b.actual.micro],
      ['Variance (actual − budget)', b.variance.micro],
      ['Year-end forecast', b.forecastYearEnd.micro],
      [`Annual budget FY${report.period.fiscalYear}`, b.annualBudget.micro],
    ];
    for (const [label, m] of moneyRows) expect(micro(summary.get(label)), label).toBe(BigInt(m));
    expect(ratio(summary.get('Portfolio ROI (quarter)'))).toBe(p.roi.value);
    expect(ratio(summary.get('Cumulative ROI'))).toBe(p.cumulativeRoi.value);
    expect(ratio(summary.get('Variance %'))).toBe(b.variancePct.value);
    expect(ratio(summary.get('Forecast variance %'))).toBe(b.forecastVariancePct.value);
    expect(summary.get('Budget status')).toBe(STATUS_LABEL[b.status]);
    expect(summary.get('Forecast status')).toBe(STATUS_LABEL[b.forecastStatus]);

    const scorecard = sheetRows('Scorecard');
    for (const k of report.kpis) {
      const row = scorecard.find((r) => r['KPI'] === k.name);
      expect(row, k.name).toBeDefined();
      expect(row!['Value'] ?? null, k.name).toBe(k.value);
      expect(row!['Target'], k.name).toBe(k.target);
      expect(row!['Status'], k.name).toBe(STATUS_LABEL[k.status]);
      expect(row!['Trend'], k.name).toBe(TREND_LABEL[k.trend]);
    }

    const initiatives = sheetRows('Initiatives');
    for (const i of report.initiatives) {
      const row = initiatives.find((r) => r['Initiative'] === i.name)!;
      expect(row, i.name).toBeDefined();
      expect(micro(row['Cost']), i.name).toBe(BigInt(i.cost.micro));
      expect(micro(row['Realized benefit']), i.name).toBe(BigInt(i.benefit.micro));
      expect(ratio(row['ROI']), i.name).toBe(i.roi.value);
      expect(ratio(row['Cumulative ROI']), i.name).toBe(i.cumulativeRoi.value);
      expect(row['Payback (months)'] ?? null, i.name).toBe(i.paybackMonths.value);
      expect(micro(row['NPV']), i.name).toBe(BigInt(i.npv.micro));
    }

    const budget = sheetRows('Budget vs Actual');
    const category = `Category (${report.period.label})`;
    for (const line of [...b.byCategory, { ...b, label: 'Total' }]) {
      const row = budget.find((r) => r[category] === line.label)!;
      expect(row, line.label).toBeDefined();
      expect(micro(row['Budget']), line.label).toBe(BigInt(line.budget.micro));
      expect(micro(row['Actual']), line.label).toBe(BigInt(line.actual.micro));
      expect(micro(row['Variance']), line.label).toBe(BigInt(line.variance.micro));
      expect(ratio(row['Variance %']), line.label).toBe(line.variancePct.value);
      expect(row['Status'], line.label).toBe(STATUS_LABEL[line.status]);
    }
    // The forecast table's row keeps the columns: Budget = annual budget, Actual = the forecast.
    const forecast = budget.find((r) => r[category] === 'Full fiscal year')!;
    expect(micro(forecast['Budget'])).toBe(BigInt(b.annualBudget.micro));
    expect(micro(forecast['Actual'])).toBe(BigInt(b.forecastYearEnd.micro));
    expect(forecast['Status']).toBe(STATUS_LABEL[b.forecastStatus]);
  });
});

/** Money in micro-units as a chart value: whole cents, in major units. */
const cents = (m: Micro | null) => (m === null ? null : Number(microToCents(m)) / 100);

describe('every chart draws the same labels and values on screen and in the PDF', () => {
  const series = (f: Figures | undefined, label: string) => f?.datasets.find((d) => d.label === label)?.data;

  it('budget vs actual by month: the same months, actual and budget to the cent', () => {
    const screen = screenCharts.get('chart-budget')!;
    const print = printCharts.get('budgetMonthly')!;
    expect(screen).toBeDefined();
    expect(print).toEqual(screen);
    const m = report.budget.monthly;
    expect(screen.labels.flat().filter((l) => /^[A-Z][a-z]{2}$/.test(String(l)))).toHaveLength(m.length);
    expect(series(screen, 'Actual')).toEqual(m.map((x) => cents(x.actual)));
    expect(series(screen, 'Budget')).toEqual(m.map((x) => cents(x.budget)));
    // The printed chart's legend is in the PDF's text.
    for (const d of print.datasets) expect(pdf).toContain(d.label);
  });

  it('cumulative benefit vs cost: the same months and running totals', () => {
    const screen = screenCharts.get('chart-cumulative')!;
    const print = printCharts.get('cumulative')!;
    expect(screen).toBeDefined();
    expect(print).toEqual(screen);
    const pts = report.cumulative;
    expect(series(screen, 'Cumulative cost')).toEqual(pts.map((p) => cents(p.cumulativeCost)));
    expect(series(screen, 'Cumulative realized benefit')).toEqual(pts.map((p) => cents(p.cumulativeBenefit)));
    for (const d of print.datasets) expect(pdf).toContain(d.label);
  });

  it('ROI by initiative: every initiative charted on both has the same quarter ROI, the model’s ratio', () => {
    const screen = screenCharts.get('chart-roi')!;
    const print = printCharts.get('roiByInitiative')!;
    const quarter = (f: Figures) =>
      new Map(f.labels.map((l, i) => [String(l), series(f, 'Quarter ROI')![i] ?? null]));
    const onScreenRoi = quarter(screen);
    const printedRoi = quarter(print);
    const both = [...printedRoi.keys()].filter((n) => onScreenRoi.has(n));
    expect(both.length).toBeGreaterThan(0);
    for (const name of both) {
      expect(printedRoi.get(name), name).toBe(onScreenRoi.get(name));
      expect(printedRoi.get(name), name).toBe(report.initiatives.find((i) => i.name === name)!.roi.value);
    }
  });

  it('variance by category: the printed bars are the model’s variances to the cent, the table’s categories', () => {
    const print = printCharts.get('varianceByCategory')!;
    const rows = report.budget.byCategory;
    expect(print.labels).toEqual(rows.map((c) => c.label));
    expect(print.datasets[0]!.data).toEqual(rows.map((c) => cents(c.variance.micro)));
  });
});

describe('the sensitivity section reads the same on screen, in the PDF and in the workbook', () => {
  /** The screens write the bands and swings compactly ("$1.7M"), from the cents like every figure. */
  const compact = (m: Micro) => compactMoney(Number(microToCents(m)) / 100, report.currency);

  it('the bands: NPV and cumulative ROI at the 10th percentile, median and 90th percentile', () => {
    const s = report.sensitivity;
    const c = report.currency;
    expect(s.rangedLines).toBeGreaterThan(0);
    for (const [what, fig] of [
      ['NPV p10', s.npv.p10],
      ['NPV p50', s.npv.p50],
      ['NPV p90', s.npv.p90],
    ] as const)
      expect(onScreen.get(fig.explain), `${what} on screen`).toContain(compact(fig.micro));
    for (const [what, fig] of [
      ['ROI p10', s.cumulativeRoi.p10],
      ['ROI p50', s.cumulativeRoi.p50],
      ['ROI p90', s.cumulativeRoi.p90],
    ] as const)
      expect(onScreen.get(fig.explain), `${what} on screen`).toContain(pct(fig.value));
    // The PDF's tiles: the band to the cent, its median under it (tiles side by side: read apart).
    expect(pdf).toContain(`${boardMoney(s.npv.p10.micro, c)} – ${boardMoney(s.npv.p90.micro, c)}`);
    expect(pdf).toContain(`Median ${boardMoney(s.npv.p50.micro, c)}`);
    expect(pdf).toContain(`${pct(s.cumulativeRoi.p10.value)} – ${pct(s.cumulativeRoi.p90.value)}`);
    expect(pdf).toContain(`Median ${pct(s.cumulativeRoi.p50.value)}`);
    // The workbook's band rows: as stated, p10, median, p90 — exact.
    const rows = sheetCells('Assumptions');
    const npv = rows.find((r) => r[0] === 'Portfolio NPV to date')!;
    expect(npv, 'NPV band row').toBeDefined();
    expect(npv.slice(1, 5).map(micro)).toEqual(
      [report.portfolio.npv, s.npv.p10, s.npv.p50, s.npv.p90].map((f) => BigInt(f.micro)),
    );
    const roi = rows.find((r) => r[0] === 'Cumulative portfolio ROI')!;
    expect(roi, 'ROI band row').toBeDefined();
    expect(roi.slice(1, 5).map(ratio)).toEqual(
      [report.portfolio.cumulativeRoi, s.cumulativeRoi.p10, s.cumulativeRoi.p50, s.cumulativeRoi.p90].map(
        (f) => f.value,
      ),
    );
  });

  it('the tornado: each driver’s assumption, NPV at its low and at its high', () => {
    const s = report.sensitivity;
    const c = report.currency;
    const shown = s.drivers.slice(0, TORNADO_MAX);
    expect(shown.length).toBeGreaterThan(1);
    // The chart: the dashboard and the print view draw the same bars, the model's drivers to the cent.
    const screen = screenCharts.get('chart-tornado')!;
    const print = printCharts.get('tornado')!;
    expect(screen).toBeDefined();
    expect(print).toEqual(screen);
    expect(screen.labels).toEqual(shown.map((d) => d.assumption));
    const point = cents(report.portfolio.npv.micro);
    const [low, high] = screen.datasets;
    expect(low!.data).toEqual(shown.map((d) => [point, cents(d.npvLow.micro)]));
    expect(high!.data).toEqual(shown.map((d) => [point, cents(d.npvHigh.micro)]));
    for (const d of print.datasets) expect(pdf).toContain(d.label);
    // The dashboard's swing table: one row per charted driver, in the model's order.
    expect(swingOnScreen).toHaveLength(shown.length);
    for (const [n, d] of shown.entries()) {
      expect(swingOnScreen[n]![0], d.assumption).toBe(
        `${d.assumption}${d.initiative ?? d.initiatives.join(', ')}`,
      );
      expect(swingOnScreen[n]!.slice(1), d.assumption).toEqual([
        compact(d.npvLow.micro),
        compact(d.npvHigh.micro),
      ]);
      expect(onScreen.get(d.npvLow.explain), d.assumption).toContain(compact(d.npvLow.micro));
      expect(onScreen.get(d.npvHigh.explain), d.assumption).toContain(compact(d.npvHigh.micro));
    }
    // The PDF's swing table (whole units, as its board pages) and the workbook's tornado rows (exact).
    const rows = sheetCells('Assumptions');
    const header = rows.findIndex((r) => r[0] === 'Assumption (tornado)');
    expect(header).toBeGreaterThan(0);
    const tornadoRows = rows.slice(header + 1, header + 1 + s.drivers.length);
    for (const [n, d] of s.drivers.entries()) {
      const who = d.initiative ?? d.initiatives.join(', ');
      expect(pdf, `${d.assumption} in the PDF`).toContain(
        `${d.assumption} ${who} ${boardMoney(d.npvLow.micro, c)} ${boardMoney(d.npvHigh.micro, c)}`,
      );
      const row = tornadoRows[n]!;
      expect(row.slice(0, 2), d.assumption).toEqual([d.assumption, who]);
      expect(row.slice(2, 4).map(micro), d.assumption).toEqual([
        BigInt(d.npvLow.micro),
        BigInt(d.npvHigh.micro),
      ]);
    }
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
