import type { Initiative } from '../../shared/domain';
import { addMonths, monthRange, type Month } from '../../shared/fiscal';
import { paybackMonths, roi, type MonthlyFlow } from '../../shared/metrics/roi';
import { breakEven } from '../../shared/metrics/sensitivity';
import { microToCentsString } from '../../shared/money';
import type {
  InitiativeMonth,
  InitiativeReport,
  MoneyFigure,
  NumberFigure,
  PortfolioHeadline,
} from '../../shared/report';
import { discountedFigures, monthlyFlows, npvFigure } from './cashflows';
import { earliest, type ReportContext } from './context';
import { figureInput } from './explanations';
import { benefitKey } from './facts';
import { buildInitiativeKpis } from './initiativeKpis';

const ROI_FORMULA =
  '(Realized benefit − cost) ÷ cost; blank when cost is 0. Projected benefits are not included.';

function roiFigure(
  ctx: ReportContext,
  key: string,
  label: string,
  benefit: MoneyFigure,
  cost: MoneyFigure,
): NumberFigure {
  return ctx.book.number(key, 'ratio', roi(benefit.micro, cost.micro), {
    label,
    formula: ROI_FORMULA,
    inputs: [figureInput('Realized benefit', benefit), figureInput('Cost', cost)],
  });
}

export function buildPortfolio(ctx: ReportContext): PortfolioHeadline {
  const { facts, quarter: q, asOf, book } = ctx;
  const [from, , to] = q.months;
  const p = 'portfolio';
  const cost = book.sum(`${p}.cost`, facts.spendTotal.sum('all', from, to), 'spend', {
    label: `Portfolio cost, ${q.label}`,
    formula: 'Sum of all spend lines dated in the quarter, shared platform spend included.',
    inputLabel: `Spend lines ${from} to ${to}`,
  });
  const sharedPlatformCost = book.sum(
    `${p}.sharedPlatformCost`,
    facts.spendByInitiative.sum(0, from, to),
    'spend',
    {
      label: `Shared platform cost, ${q.label}`,
      formula:
        'Sum of spend lines with no initiative dated in the quarter (in portfolio cost, not allocated to initiatives).',
      inputLabel: `Spend lines without an initiative, ${from} to ${to}`,
    },
  );
  const benefit = book.sum(`${p}.benefit`, facts.benefitTotal.sum('realized', from, to), 'benefits', {
    label: `Realized benefit, ${q.label}`,
    formula: 'Sum of realized benefit lines dated in the quarter.',
    inputLabel: `Realized benefit lines ${from} to ${to}`,
  });
  const projectedBenefit = book.sum(
    `${p}.projectedBenefit`,
    facts.benefitTotal.sum('projected', from, to),
    'benefits',
    {
      label: `Projected benefit, ${q.label}`,
      formula:
        'Sum of projected (not yet realized) benefit lines dated in the quarter; shown apart, never in ROI.',
      inputLabel: `Projected benefit lines ${from} to ${to}`,
    },
  );
  const cumulativeCost = book.sum(`${p}.cumulativeCost`, facts.spendTotal.sum('all', null, asOf), 'spend', {
    label: `Cumulative portfolio cost to ${q.end}`,
    formula: 'Sum of all spend lines dated on or before the period end, shared platform included.',
  });
  const cumulativeBenefit = book.sum(
    `${p}.cumulativeBenefit`,
    facts.benefitTotal.sum('realized', null, asOf),
    'benefits',
    {
      label: `Cumulative realized benefit to ${q.end}`,
      formula: 'Sum of realized benefit lines dated on or before the period end.',
    },
  );
  const cumulativeProjectedBenefit = book.sum(
    `${p}.cumulativeProjectedBenefit`,
    facts.benefitTotal.sum('projected', null, asOf),
    'benefits',
    {
      label: `Cumulative projected benefit to ${q.end}`,
      formula: 'Sum of projected benefit lines dated on or before the period end; shown apart, never in ROI.',
    },
  );
  // Cash flows start with the first month with spend or realized benefit (projected benefit is not a flow):
  // the report's discount base.
  const { months, flows, sources } = monthlyFlows(ctx.discountBase, asOf, {
    cost: facts.spendTotal,
    costKey: 'all',
    benefit: facts.benefitTotal,
    benefitKey: 'realized',
  });
  // Spend with no initiative: costs only (benefits always name an initiative; key 0 has none).
  const shared = monthlyFlows(facts.spendByInitiative.firstMonthWithLines(0, asOf), asOf, {
    cost: facts.spendByInitiative,
    costKey: 0,
    benefit: facts.benefitByInitiative,
    benefitKey: benefitKey(0, true),
  });
  return {
    cost,
    sharedPlatformCost,
    benefit,
    projectedBenefit,
    roi: roiFigure(ctx, `${p}.roi`, `Portfolio ROI, ${q.label}`, benefit, cost),
    cumulativeCost,
    cumulativeBenefit,
    cumulativeProjectedBenefit,
    cumulativeRoi: roiFigure(
      ctx,
      `${p}.cumulativeRoi`,
      `Cumulative portfolio ROI to ${q.end}`,
      cumulativeBenefit,
      cumulativeCost,
    ),
    ...discountedFigures(ctx, p, 'portfolio', months, flows, sources),
    sharedPlatformNpv: npvFigure(
      ctx,
      `${p}.sharedPlatformNpv`,
      'shared platform',
      shared.months,
      shared.flows,
      shared.sources,
    ).figure,
    initiativeCount: facts.initiatives.length,
  };
}

/** The initiative's months for its chart: at most the 18 ending with the period, none before its first data. */
function initiativeMonths(ctx: ReportContext, id: number, first: Month | null): InitiativeMonth[] {
  if (first === null) return [];
  const { facts, asOf } = ctx;
  const from = first > addMonths(asOf, -17) ? first : addMonths(asOf, -17);
  // Whole columns (one key lookup each) rather than a lookup per month and series.
  const cost = facts.spendByInitiative.amounts(id, from, asOf);
  const benefit = facts.benefitByInitiative.amounts(benefitKey(id, true), from, asOf);
  const projected = facts.benefitByInitiative.amounts(benefitKey(id, false), from, asOf);
  return monthRange(from, asOf).map((month, i) => ({
    month,
    cost: cost[i]!,
    benefit: benefit[i]!,
    projectedBenefit: projected[i]!,
  }));
}

/** "Paid back in month 5 (2025-05): to then, cumulative cost $X, cumulative realized benefit $Y." */
function paidBackNote(
  ctx: ReportContext,
  months: Month[],
  flows: MonthlyFlow[],
  month: Month,
  payback: number,
): string {
  const end = months.indexOf(month);
  let cost = 0;
  let benefit = 0;
  for (let i = 0; i <= end; i++) {
    cost += flows[i]!.cost;
    benefit += flows[i]!.benefit;
  }
  const c = ctx.facts.settings.currency;
  return (
    `Paid back in month ${payback} (${month}): to the end of ${month}, cumulative cost ${c} ${microToCentsString(cost)}, ` +
    `cumulative realized benefit ${c} ${microToCentsString(benefit)}.`
  );
}

/** One initiative's figures; its KPI rows only `withKpis` (else `kpis` is empty). */
export function buildInitiative(ctx: ReportContext, i: Initiative, withKpis = true): InitiativeReport {
  const { facts, quarter: q, asOf, book } = ctx;
  const [from, , to] = q.months;
  const p = `initiative.${i.id}`;
  const realizedKey = benefitKey(i.id, true);
  const projectedKey = benefitKey(i.id, false);
  const cost = book.sum(`${p}.cost`, facts.spendByInitiative.sum(i.id, from, to), 'spend', {
    label: `Cost of ${i.name}, ${q.label}`,
    formula: 'Sum of the initiative’s spend lines dated in the quarter.',
    inputLabel: `Spend lines for ${i.name}, ${from} to ${to}`,
  });
  const benefit = book.sum(`${p}.benefit`, facts.benefitByInitiative.sum(realizedKey, from, to), 'benefits', {
    label: `Realized benefit of ${i.name}, ${q.label}`,
    formula: 'Sum of the initiative’s realized benefit lines dated in the quarter.',
    inputLabel: `Realized benefit lines for ${i.name}, ${from} to ${to}`,
  });
  const projectedBenefit = book.sum(
    `${p}.projectedBenefit`,
    facts.benefitByInitiative.sum(projectedKey, from, to),
    'benefits',
    {
      label: `Projected benefit of ${i.name}, ${q.label}`,
      formula:
        'Sum of the initiative’s projected benefit lines dated in the quarter; shown apart, never in ROI.',
    },
  );
  const cumulativeCost = book.sum(
    `${p}.cumulativeCost`,
    facts.spendByInitiative.sum(i.id, null, asOf),
    'spend',
    {
      label: `Cumulative cost of ${i.name} to ${q.end}`,
      formula: 'Sum of the initiative’s spend lines dated on or before the period end.',
    },
  );
  const cumulativeBenefit = book.sum(
    `${p}.cumulativeBenefit`,
    facts.benefitByInitiative.sum(realizedKey, null, asOf),
    'benefits',
    {
      label: `Cumulative realized benefit of ${i.name} to ${q.end}`,
      formula: 'Sum of the initiative’s realized benefit lines dated on or before the period end.',
    },
  );
  const cumulativeProjectedBenefit = book.sum(
    `${p}.cumulativeProjectedBenefit`,
    facts.benefitByInitiative.sum(projectedKey, null, asOf),
    'benefits',
    {
      label: `Cumulative projected benefit of ${i.name} to ${q.end}`,
      formula:
        'Sum of the initiative’s projected benefit lines dated on or before the period end; never in ROI.',
    },
  );
  const firstSpendMonth = facts.spendByInitiative.firstMonthWithLines(i.id, asOf);
  const firstDataMonth = earliest(
    firstSpendMonth,
    facts.benefitByInitiative.firstMonthWithLines(realizedKey, asOf),
  );
  const { months, flows, sources } = monthlyFlows(firstDataMonth, asOf, {
    cost: facts.spendByInitiative,
    costKey: i.id,
    benefit: facts.benefitByInitiative,
    benefitKey: realizedKey,
  });
  const payback = paybackMonths(flows);
  const paybackMonthsFigure = book.number(`${p}.paybackMonths`, 'months', payback, {
    label: `Payback months of ${i.name}, as of ${q.end}`,
    formula:
      'Months from the first month with spend (counted as 1) to the first month in which cumulative realized benefit ≥ ' +
      'cumulative cost; blank if not reached by the period end.',
    inputs: [
      figureInput('Cumulative cost', cumulativeCost),
      figureInput('Cumulative realized benefit', cumulativeBenefit),
    ],
    notes: [
      firstSpendMonth
        ? `First month with spend: ${firstSpendMonth}.`
        : 'No spend recorded for this initiative.',
      payback !== null && firstSpendMonth
        ? paidBackNote(ctx, months, flows, addMonths(firstSpendMonth, payback - 1), payback)
        : 'Cumulative realized benefit has not reached cumulative cost.',
    ],
  });
  return {
    id: i.id,
    name: i.name,
    owner: i.owner,
    businessUnit: i.businessUnit,
    stage: i.stage,
    riskTier: i.riskTier,
    cost,
    benefit,
    projectedBenefit,
    roi: roiFigure(ctx, `${p}.roi`, `ROI of ${i.name}, ${q.label}`, benefit, cost),
    cumulativeCost,
    cumulativeBenefit,
    cumulativeProjectedBenefit,
    cumulativeRoi: roiFigure(
      ctx,
      `${p}.cumulativeRoi`,
      `Cumulative ROI of ${i.name} to ${q.end}`,
      cumulativeBenefit,
      cumulativeCost,
    ),
    paybackMonths: paybackMonthsFigure,
    firstSpendMonth,
    monthly: initiativeMonths(
      ctx,
      i.id,
      earliest(firstDataMonth, facts.benefitByInitiative.firstMonthWithLines(projectedKey, asOf)),
    ),
    ...discountedFigures(ctx, p, i.name, months, flows, sources),
    kpis: withKpis ? buildInitiativeKpis(ctx, i) : [],
    breakEven: breakEvenFigures(ctx, p, i.name, cumulativeBenefit, cumulativeCost),
  };
}

/** How far the initiative's cumulative realized benefit could fall before its cumulative ROI is zero. */
function breakEvenFigures(
  ctx: ReportContext,
  p: string,
  name: string,
  benefit: MoneyFigure,
  cost: MoneyFigure,
): InitiativeReport['breakEven'] {
  const { margin, share } = breakEven(benefit.micro, cost.micro);
  const inputs = [figureInput('Cumulative realized benefit', benefit), figureInput('Cumulative cost', cost)];
  const notes = [
    margin === null
      ? 'No cost to the period end: cumulative ROI is not defined, nor is its break-even.'
      : margin < 0
        ? 'Cumulative ROI is already below zero: the benefit is short of break-even by this amount.'
        : 'Cumulative ROI = (benefit − cost) ÷ cost is zero exactly when benefit = cost.',
  ];
  return {
    margin: ctx.book.money(`${p}.breakEven.margin`, margin ?? 0, {
      label: `Break-even margin of ${name}: how far cumulative realized benefit could fall, to ${ctx.quarter.end}`,
      formula:
        'Cumulative realized benefit − cumulative cost (blank when cost is 0; negative when already below).',
      inputs,
      notes,
    }),
    share: ctx.book.number(`${p}.breakEven.share`, 'ratio', share, {
      label: `Break-even fall of ${name}, as a share of its cumulative realized benefit, to ${ctx.quarter.end}`,
      formula:
        '(Cumulative realized benefit − cumulative cost) ÷ cumulative realized benefit: the fall in realized ' +
        'benefit at which cumulative ROI reaches zero. Blank without cost or benefit.',
      inputs,
      notes,
    }),
  };
}
