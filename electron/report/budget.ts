import { SPEND_CATEGORIES, type SpendCategory } from '../../shared/domain';
import { compareText } from '../../shared/metrics/order';
import { monthRange, type Month } from '../../shared/fiscal';
import { budgetVariance } from '../../shared/metrics/budget';
import { Tally } from '../../shared/metrics/tally';
import type {
  BudgetMonth,
  BudgetReport,
  BudgetSlice,
  CategoryBudget,
  VendorSpend,
} from '../../shared/report';
import { notReportedNote, spendReportedFor, type ReportContext } from './context';
import { figureInput, percentText, tallyInput } from './explanations';
import { buildForecast, buildForecastRange, buildForecastTrackRecord } from './forecast';
import { NO_CATEGORY } from './facts';
import { CATEGORY_LABEL } from '../../shared/labels';

const VARIANCE_FORMULA = 'Actual − budget (positive = over-spend).';
const VARIANCE_PCT_FORMULA = 'Variance ÷ budget; blank when the budget is 0.';

/** Variance, variance % and status of one slice, with explanations under `key`. */
export function budgetSlice(
  ctx: ReportContext,
  key: string,
  subject: string,
  budgetTally: Tally,
  actualTally: Tally,
  budgetLabel: string,
  actualLabel: string,
): BudgetSlice {
  const { book } = ctx;
  const budget = book.sum(`${key}.budget`, budgetTally, 'budget', {
    label: `Budget, ${subject}`,
    formula: 'Sum of budget lines for the months in scope.',
    inputLabel: budgetLabel,
  });
  const actual = book.sum(`${key}.actual`, actualTally, 'spend', {
    label: `Actual spend, ${subject}`,
    formula: 'Sum of spend lines dated in the months in scope.',
    inputLabel: actualLabel,
  });
  const v = budgetVariance(actual.micro, budget.micro, ctx.thresholds);
  const reported = spendReportedFor(ctx, ctx.quarter);
  const variance = book.money(`${key}.variance`, v.variance, {
    label: `Budget variance, ${subject}`,
    formula: VARIANCE_FORMULA,
    inputs: [figureInput('Actual', actual), figureInput('Budget', budget)],
  });
  const variancePct = book.number(`${key}.variancePct`, 'ratio', v.variancePct, {
    label: `Budget variance %, ${subject}`,
    formula: VARIANCE_PCT_FORMULA,
    inputs: [figureInput('Variance', variance), figureInput('Budget', budget)],
    notes: [statusNote(ctx), ...(reported ? [] : [notReportedNote(ctx, ctx.quarter)])],
  });
  return { budget, actual, variance, variancePct, status: reported ? v.status : 'no_data' };
}

function statusNote(ctx: ReportContext): string {
  const { green, amber } = ctx.thresholds;
  return (
    `Status: |variance %| ≤ ${percentText(green)} green, ≤ ${percentText(amber)} amber, else red (workspace settings). ` +
    'With no budget, any spend is red and no spend is "no data".'
  );
}

export function buildBudget(ctx: ReportContext): BudgetReport {
  const { facts, quarter: q, asOf, book, fiscalYearStart: fyStart, fiscalYearEnd: fyEnd } = ctx;
  const [from, , to] = q.months;
  const whole = budgetSlice(
    ctx,
    'budget',
    q.label,
    facts.budgetTotal.sum('all', from, to),
    facts.spendTotal.sum('all', from, to),
    `Budget lines ${from} to ${to}`,
    `Spend lines ${from} to ${to}`,
  );

  const byCategory: CategoryBudget[] = [];
  for (const category of [...SPEND_CATEGORIES, null] as (SpendCategory | null)[]) {
    const b = facts.budgetByCategory.sum(category ?? NO_CATEGORY, from, to);
    const a = category === null ? null : facts.spendByCategory.sum(category, from, to);
    if (b.lines === 0 && (a === null || a.lines === 0)) continue;
    const label = category === null ? 'Budget without a category' : CATEGORY_LABEL[category];
    const slice = budgetSlice(
      ctx,
      `budget.category.${category ?? NO_CATEGORY}`,
      `${label}, ${q.label}`,
      b,
      a ?? new Tally(),
      `Budget lines (${label}) ${from} to ${to}`,
      category === null ? 'No spend line lacks a category' : `Spend lines (${label}) ${from} to ${to}`,
    );
    byCategory.push({ category, label, ...slice });
  }

  const byVendor: VendorSpend[] = facts.spendByVendor
    .keys()
    .map((vendor) => ({ vendor, t: facts.spendByVendor.sum(vendor, from, to) }))
    .filter((x) => x.t.lines > 0)
    .sort((a, b) => b.t.micro - a.t.micro || compareText(a.vendor, b.vendor))
    .map(({ vendor, t }) => {
      const label = vendor === '' ? '(no vendor)' : vendor;
      return {
        vendor,
        label,
        lineCount: t.lines,
        actual: book.sum(`budget.vendor.${vendor}`, t, 'spend', {
          label: `Spend with ${label}, ${q.label}`,
          formula: 'Sum of spend lines for the vendor dated in the quarter.',
        }),
      };
    });

  const annualBudget = book.sum('budget.annual', facts.budgetTotal.sum('all', fyStart, fyEnd), 'budget', {
    label: `Annual budget, FY${q.fiscalYear}`,
    formula: `Sum of budget lines for ${fyStart} to ${fyEnd}.`,
  });
  const ytdBudget = book.sum('budget.ytdBudget', facts.budgetTotal.sum('all', fyStart, asOf), 'budget', {
    label: `Fiscal-YTD budget to ${q.end}`,
    formula: `Sum of budget lines for ${fyStart} to ${asOf}.`,
  });
  const ytdActual = book.sum('budget.ytdActual', facts.spendTotal.sum('all', fyStart, asOf), 'spend', {
    label: `Fiscal-YTD actual to ${q.end}`,
    formula: `Sum of spend lines dated ${fyStart}-01 to ${q.end}.`,
  });
  const { forecast: forecastYearEnd, monthsLeft } = buildForecast(ctx, ytdActual);
  const forecastRange = buildForecastRange(ctx, forecastYearEnd, ytdActual, monthsLeft);
  const forecastTrackRecord = buildForecastTrackRecord(ctx);
  const fv = budgetVariance(forecastYearEnd.micro, annualBudget.micro, ctx.thresholds);
  const reported = spendReportedFor(ctx, q);
  const forecastVariance = book.money('budget.forecastVariance', fv.variance, {
    label: `Forecast variance vs annual budget, FY${q.fiscalYear}`,
    formula: 'Year-end forecast − annual budget.',
    inputs: [figureInput('Year-end forecast', forecastYearEnd), figureInput('Annual budget', annualBudget)],
  });
  const forecastVariancePct = book.number('budget.forecastVariancePct', 'ratio', fv.variancePct, {
    label: `Forecast variance %, FY${q.fiscalYear}`,
    formula: 'Forecast variance ÷ annual budget; blank when the annual budget is 0.',
    inputs: [figureInput('Forecast variance', forecastVariance), figureInput('Annual budget', annualBudget)],
    notes: [statusNote(ctx), ...(reported ? [] : [notReportedNote(ctx, q)])],
  });

  const monthly = fiscalYearMonths(ctx, fyStart, fyEnd);
  const monthlyExplain = book.other('budget.monthly', 'money', null, {
    label: `Budget vs actual by month, FY${q.fiscalYear}`,
    formula:
      'Per month: sum of budget lines for the month and sum of spend lines dated in it; running totals from the fiscal year start.',
    inputs: [
      tallyInput(
        `Budget lines ${fyStart} to ${fyEnd}`,
        'budget',
        facts.budgetTotal.sum('all', fyStart, fyEnd),
      ),
      tallyInput(`Spend lines ${fyStart} to ${asOf}`, 'spend', facts.spendTotal.sum('all', fyStart, asOf)),
    ],
    notes: [`Actuals after ${asOf} are not shown: figures are as of ${q.end}.`],
  });

  return {
    ...whole,
    thresholds: { ...ctx.thresholds },
    annualBudget,
    ytdBudget,
    ytdActual,
    forecastYearEnd,
    forecastVariance,
    forecastVariancePct,
    forecastStatus: reported ? fv.status : 'no_data',
    monthsLeftInYear: monthsLeft,
    forecastRange,
    forecastTrackRecord,
    byCategory,
    byVendor,
    monthly,
    monthlyExplain,
  };
}

function fiscalYearMonths(ctx: ReportContext, fyStart: Month, fyEnd: Month): BudgetMonth[] {
  const { facts, asOf } = ctx;
  let cumBudget = 0;
  let cumActual = 0;
  return monthRange(fyStart, fyEnd).map((month) => {
    const budget = facts.budgetTotal.month('all', month);
    cumBudget += budget;
    const reported = month <= asOf;
    const actual = reported ? facts.spendTotal.month('all', month) : null;
    if (actual !== null) cumActual += actual;
    return {
      month,
      budget,
      actual,
      cumulativeBudget: cumBudget,
      cumulativeActual: reported ? cumActual : null,
    };
  });
}
