import {
  boardMoney as money,
  money as exactMoney,
  boardSignedMoney as signedMoney,
  pct,
  shortMonth,
  signedPct,
  wholeUnitsNote,
} from '../../../../shared/export/format';
import { EXHAUSTION_LABEL, EXHAUSTION_TILE_LABEL } from '../../../../shared/labels';
import type { RunRateLine } from '../../../../shared/report';
import type { DeckContext } from '../deckContext';
import { Flow } from '../flow';
import { explainNotes, type NoteFigure } from '../notes';
import {
  addBarChart,
  addLineChart,
  addTiles,
  budgetStatusCell,
  budgetStatusHex,
  chartMoney,
  moneyAxisFormat,
  TILE_H,
  type Tile,
} from '../parts';
import { COLOURS, CONTENT_W, MARGIN } from '../theme';

/** The month-by-month series both spend charts draw, as lines of the monthly explanation. */
function monthlyFigure(d: DeckContext): NoteFigure {
  const b = d.data.report.budget;
  const c = d.currency;
  return {
    key: b.monthlyExplain,
    shown: `${b.monthly.length} months`,
    lines: [
      'By month (as charted; months not yet reported have no actual):',
      ...b.monthly.map(
        (m) =>
          `  ${shortMonth(m.month)}: budget ${exactMoney(m.budget, c)}, actual ${m.actual === null ? 'not yet reported' : exactMoney(m.actual, c)}; cumulative budget ${exactMoney(m.cumulativeBudget, c)}, cumulative actual ${m.cumulativeActual === null ? '—' : exactMoney(m.cumulativeActual, c)}`,
      ),
    ],
  };
}

/** Spend vs budget by month (native column chart) with the quarter's tiles. */
export function spendByMonthSlide(d: DeckContext): void {
  const r = d.data.report;
  const c = d.currency;
  const b = r.budget;
  const tiles: Tile[] = [
    {
      label: `Actual vs budget, ${r.period.label}`,
      value: money(b.actual.micro, c),
      detail: `Budget ${money(b.budget.micro, c)}`,
      status: b.status,
      budgetVariance: b.variance.micro,
    },
    {
      label: 'Variance (quarter)',
      value: signedMoney(b.variance.micro, c),
      detail:
        b.variancePct.value === null
          ? 'No budget recorded for the quarter'
          : `${signedPct(b.variancePct.value)} of budget; + is over-spend`,
    },
    {
      label: `Year-to-date actual FY${r.period.fiscalYear}`,
      value: money(b.ytdActual.micro, c),
      detail: `Budget to date ${money(b.ytdBudget.micro, c)}`,
    },
  ];
  const notes = explainNotes(
    d.data,
    [
      b.actual.explain,
      b.budget.explain,
      b.variance.explain,
      b.variancePct.explain,
      b.ytdActual.explain,
      b.ytdBudget.explain,
      monthlyFigure(d),
    ],
    `Budget vs actual by month, FY${r.period.fiscalYear}: the chart's values are listed under its explanation below; months not yet reported have no actual bar. The chart's data is embedded (Edit data).`,
  );
  const flow = new Flow(
    d,
    'Spend vs budget by month',
    notes,
    `FY${r.period.fiscalYear} · budget against actual spend`,
  );
  flow.block(TILE_H, (slide, y) => addTiles(slide, tiles, y), 0.2);
  const h = flow.room();
  flow.block(h, (slide, y) =>
    addBarChart(
      d,
      slide,
      { x: MARGIN, y, w: CONTENT_W, h },
      {
        title: `Budget vs actual by month, FY${r.period.fiscalYear}`,
        labels: b.monthly.map((m) => shortMonth(m.month)),
        series: [
          { name: 'Budget', values: b.monthly.map((m) => chartMoney(m.budget)), colour: COLOURS.budget },
          { name: 'Actual', values: b.monthly.map((m) => chartMoney(m.actual)), colour: COLOURS.cost },
        ],
        horizontal: false,
        valueFormat: moneyAxisFormat(c),
        fromZero: true,
      },
    ),
  );
}

/** Spend vs budget by category: the PDF's variance table and a native chart of the variance. */
export function spendByCategorySlide(d: DeckContext): void {
  const r = d.data.report;
  const c = d.currency;
  const b = r.budget;
  const notes = explainNotes(
    d.data,
    [
      ...b.byCategory.flatMap((row) => [
        row.budget.explain,
        row.actual.explain,
        row.variance.explain,
        row.variancePct.explain,
      ]),
      b.budget.explain,
      b.actual.explain,
      b.variance.explain,
      b.variancePct.explain,
    ],
    `Variance = actual − budget; + is over-spend. Status: on budget within ±${pct(r.assumptions.varianceGreen)}, slightly over or under within ±${pct(r.assumptions.varianceAmber)}, else over or under budget (thresholds in Settings). ${wholeUnitsNote(c)}`,
  );
  const flow = new Flow(
    d,
    'Spend vs budget by category',
    notes,
    `${r.period.label} · variance by spend category`,
  );
  const tableW = 7.6;
  const top = flow.top;
  const chartX = MARGIN + tableW + 0.3;
  flow.current();
  addBarChart(
    d,
    flow.current(),
    { x: chartX, y: top, w: CONTENT_W - tableW - 0.3, h: Math.min(4.6, flow.room()) },
    {
      title: `Variance by category, ${r.period.label}`,
      labels: b.byCategory.map((row) => row.label),
      series: [
        {
          name: 'Variance (actual − budget)',
          values: b.byCategory.map((row) => chartMoney(row.variance.micro)),
          colour: COLOURS.cost,
          // Each bar in its category's status colour, as the PDF's chart; the table beside gives shape and word.
          pointColours: b.byCategory.map((row) => budgetStatusHex(row.status, row.variance.micro)),
        },
      ],
      horizontal: true,
      valueFormat: moneyAxisFormat(c),
      dataLabels: false,
    },
  );
  flow.table(
    [
      { header: 'Category', w: 1.7 },
      { header: 'Budget', w: 1.35, align: 'right' },
      { header: 'Actual', w: 1.35, align: 'right' },
      { header: 'Variance', w: 1.3, align: 'right' },
      { header: 'Var. %', w: 0.8, align: 'right' },
      { header: 'Status', w: 1.1 },
    ],
    b.byCategory.map((row) => [
      row.label,
      money(row.budget.micro, c),
      money(row.actual.micro, c),
      signedMoney(row.variance.micro, c),
      signedPct(row.variancePct.value),
      budgetStatusCell(row.status, row.variance.micro),
    ]),
    {
      fontPt: 10,
      footRows: [
        [
          'Total',
          money(b.budget.micro, c),
          money(b.actual.micro, c),
          signedMoney(b.variance.micro, c),
          signedPct(b.variancePct.value),
          budgetStatusCell(b.status, b.variance.micro),
        ],
      ],
      caption: wholeUnitsNote(c),
    },
  );
}

/** Year-end forecast and run-rate: the forecast tiles, the cumulative line chart, the run-rate table. */
export function forecastSlide(d: DeckContext): void {
  const r = d.data.report;
  const c = d.currency;
  const b = r.budget;
  const rr = r.runRate.portfolio;
  const tiles: Tile[] = [
    {
      label: `Year-end forecast FY${r.period.fiscalYear}`,
      value: money(b.forecastYearEnd.micro, c),
      detail:
        `vs ${money(b.annualBudget.micro, c)} (${signedPct(b.forecastVariancePct.value)})` +
        (b.forecastRange
          ? `; 80% range ${money(b.forecastRange.low.micro, c)} – ${money(b.forecastRange.high.micro, c)}`
          : ''),
      status: b.forecastStatus,
      budgetVariance: b.forecastVariance.micro,
    },
    {
      label: 'Forecast variance',
      value: signedMoney(b.forecastVariance.micro, c),
      detail: `${b.monthsLeftInYear} month${b.monthsLeftInYear === 1 ? '' : 's'} left in the year`,
    },
    {
      label: 'Budget exhaustion at current burn',
      value: rr.exhaustionMonth ? shortMonth(rr.exhaustionMonth) : '—',
      detail: `${EXHAUSTION_TILE_LABEL[rr.exhaustionStatus]}; burn ${money(rr.monthlyBurn.micro, c)}/month`,
    },
  ];
  const lines = [...r.runRate.byCategory, rr];
  const notes = explainNotes(
    d.data,
    [
      b.forecastYearEnd.explain,
      ...(b.forecastRange ? [b.forecastRange.low.explain, b.forecastRange.high.explain] : []),
      b.forecastVariance.explain,
      b.forecastVariancePct.explain,
      b.annualBudget.explain,
      ...lines.map((l) => l.explain),
      ...lines.flatMap((l) => [l.monthlyBurn.explain, l.annualBudget.explain, l.ytdActual.explain]),
      monthlyFigure(d),
    ],
    `Year-end forecast = fiscal-year-to-date actual + mean monthly actual of the last 3 complete months × months left. Monthly burn = mean of ${r.runRate.months.map(shortMonth).join(', ') || 'no complete months'}. ${wholeUnitsNote(c)}`,
  );
  const runRateRow = (l: RunRateLine) => [
    l.label,
    money(l.monthlyBurn.micro, c),
    money(l.annualBudget.micro, c),
    money(l.ytdActual.micro, c),
    `${l.exhaustionMonth ? `${shortMonth(l.exhaustionMonth)} — ` : ''}${EXHAUSTION_LABEL[l.exhaustionStatus]}`,
  ];
  const flow = new Flow(
    d,
    'Year-end forecast and run-rate',
    notes,
    `FY${r.period.fiscalYear} · as of ${r.period.end}`,
  );
  flow.block(TILE_H, (slide, y) => addTiles(slide, tiles, y), 0.2);
  const tableW = 7.7;
  const top = flow.top;
  addLineChart(
    d,
    flow.current(),
    { x: MARGIN + tableW + 0.3, y: top, w: CONTENT_W - tableW - 0.3, h: flow.room() },
    {
      title: 'Cumulative spend vs budget',
      labels: b.monthly.map((m) => shortMonth(m.month)),
      series: [
        {
          name: 'Cumulative budget',
          values: b.monthly.map((m) => chartMoney(m.cumulativeBudget)),
          colour: COLOURS.budget,
        },
        {
          name: 'Cumulative actual',
          values: b.monthly.map((m) => chartMoney(m.cumulativeActual)),
          colour: COLOURS.cost,
        },
      ],
      valueFormat: moneyAxisFormat(c),
    },
  );
  flow.table(
    [
      { header: 'Category', w: 1.3 },
      { header: 'Monthly burn', w: 1.3, align: 'right' },
      { header: 'Annual budget', w: 1.4, align: 'right' },
      { header: 'Year to date', w: 1.4, align: 'right' },
      { header: 'Budget runs out', w: 2.3 },
    ],
    r.runRate.byCategory.map(runRateRow),
    {
      fontPt: 10,
      footRows: [runRateRow(rr)],
      caption: `Monthly burn = mean of ${r.runRate.months.map(shortMonth).join(', ') || 'no complete months'}. ${wholeUnitsNote(c)}`,
    },
  );
}
