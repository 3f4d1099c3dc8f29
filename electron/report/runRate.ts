import { SPEND_CATEGORIES, type SpendCategory } from '../../shared/domain';
import { monthRange } from '../../shared/fiscal';
import { budgetExhaustion, monthlyBurn } from '../../shared/metrics/runRate';
import type { Tally } from '../../shared/metrics/tally';
import type { RunRateLine, RunRateReport } from '../../shared/report';
import { CATEGORY_LABEL } from '../../shared/labels';
import type { ReportContext } from './context';
import { figureInput, tallyInput, valueInput } from './explanations';
import type { MonthlySeries } from './series';

function runRateLine<K>(
  ctx: ReportContext,
  category: SpendCategory | null,
  spend: MonthlySeries<K>,
  spendKey: K,
  budgetTally: Tally,
): RunRateLine {
  const { book, quarter: q, fiscalYearStart: fyStart, fiscalYearEnd: fyEnd, asOf } = ctx;
  const label = category === null ? 'Portfolio' : CATEGORY_LABEL[category];
  const key = `runRate.${category ?? 'portfolio'}`;
  const burnTallies = ctx.lastThreeMonths.map((m) => spend.sum(spendKey, m, m));
  const burnMicros = burnTallies.map((t) => t.micro);
  const monthlyBurnFigure = book.money(`${key}.monthlyBurn`, monthlyBurn(burnMicros), {
    label: `Monthly burn, ${label}, as of ${q.end}`,
    formula: 'Mean monthly spend of the last 3 complete months (sum ÷ 3, rounded to the micro-unit).',
    inputs: burnTallies.map((t, i) => tallyInput(`Spend ${ctx.lastThreeMonths[i]}`, 'spend', t)),
  });
  const annualBudget = book.sum(`${key}.annualBudget`, budgetTally, 'budget', {
    label: `Annual budget, ${label}, FY${q.fiscalYear}`,
    formula: `Sum of budget lines for ${fyStart} to ${fyEnd}${category === null ? '' : ' with this category'}.`,
  });
  const ytdActual = book.sum(`${key}.ytdActual`, spend.sum(spendKey, fyStart, asOf), 'spend', {
    label: `Fiscal-YTD actual, ${label}, to ${q.end}`,
    formula: `Sum of spend lines dated ${fyStart}-01 to ${q.end}.`,
  });
  const ex = budgetExhaustion({
    annualBudget: annualBudget.micro,
    ytd: monthRange(fyStart, asOf).map((month) => ({ month, actual: spend.month(spendKey, month) })),
    burnMonths: burnMicros,
    asOfMonth: asOf,
    fiscalYearEnd: fyEnd,
  });
  const explain = book.other(`${key}.exhaustion`, 'month', ex.month, {
    label: `Budget exhaustion month, ${label}, FY${q.fiscalYear}`,
    formula:
      'The month in which cumulative fiscal-year spend reaches the annual budget: a past month if it already has; ' +
      'otherwise the period’s last month + ⌈(annual budget − fiscal-YTD actual) ÷ monthly burn⌉.',
    inputs: [
      figureInput('Annual budget', annualBudget),
      figureInput('Fiscal-YTD actual', ytdActual),
      figureInput('Monthly burn', monthlyBurnFigure),
      valueInput('Fiscal year end', 'settings', fyEnd),
    ],
    notes: [`Status: ${ex.status.replace(/_/g, ' ')}.`],
  });
  return {
    category,
    label,
    monthlyBurn: monthlyBurnFigure,
    annualBudget,
    ytdActual,
    exhaustionMonth: ex.month,
    exhaustionStatus: ex.status,
    explain,
  };
}

export function buildRunRate(ctx: ReportContext): RunRateReport {
  const { facts, fiscalYearStart: fyStart, fiscalYearEnd: fyEnd } = ctx;
  const portfolio = runRateLine(
    ctx,
    null,
    facts.spendTotal,
    'all',
    facts.budgetTotal.sum('all', fyStart, fyEnd),
  );
  const byCategory = SPEND_CATEGORIES.filter(
    (c) => facts.spendByCategory.has(c) || facts.budgetByCategory.has(c),
  ).map((c) => runRateLine(ctx, c, facts.spendByCategory, c, facts.budgetByCategory.sum(c, fyStart, fyEnd)));
  return { months: [...ctx.lastThreeMonths], portfolio, byCategory };
}
