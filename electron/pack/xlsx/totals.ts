import type { Micro } from '../../../shared/money';
import type { ReportModel } from '../../../shared/report';
import { sumMicros } from './cells';

/** Money columns of the Initiatives sheet that add up to the portfolio row. */
export interface InitiativeMoney {
  cost: Micro;
  benefit: Micro;
  projectedBenefit: Micro;
  cumulativeCost: Micro;
  cumulativeBenefit: Micro;
}

const KEYS: (keyof InitiativeMoney)[] = [
  'cost',
  'benefit',
  'projectedBenefit',
  'cumulativeCost',
  'cumulativeBenefit',
];

/**
 * The shared platform's row: what the portfolio has and no initiative carries. The quarter's cost is the
 * model's own figure; the others are the portfolio figure less the initiatives' (exact integers), so the
 * sheet's rows add up to the portfolio's figures as the PDF prints them. Benefit lines always belong to an
 * initiative, so its benefit columns come out 0.
 */
export function sharedPlatformRow(r: ReportModel): InitiativeMoney {
  const p = r.portfolio;
  const rest = (key: keyof InitiativeMoney, total: Micro): Micro =>
    Number(BigInt(total) - sumMicros(r.initiatives.map((i) => i[key].micro)));
  return {
    cost: p.sharedPlatformCost.micro,
    benefit: rest('benefit', p.benefit.micro),
    projectedBenefit: rest('projectedBenefit', p.projectedBenefit.micro),
    cumulativeCost: rest('cumulativeCost', p.cumulativeCost.micro),
    cumulativeBenefit: rest('cumulativeBenefit', p.cumulativeBenefit.micro),
  };
}

/** The rows the Initiatives sheet sums, as micro-units, initiatives first, shared platform last. */
export function initiativeMoneyRows(r: ReportModel): InitiativeMoney[] {
  const rows: InitiativeMoney[] = r.initiatives.map((i) => ({
    cost: i.cost.micro,
    benefit: i.benefit.micro,
    projectedBenefit: i.projectedBenefit.micro,
    cumulativeCost: i.cumulativeCost.micro,
    cumulativeBenefit: i.cumulativeBenefit.micro,
  }));
  rows.push(sharedPlatformRow(r));
  return rows;
}

/** Column totals of those rows: the cached results of the portfolio row's SUMs. */
export function initiativeTotals(r: ReportModel): Record<keyof InitiativeMoney, bigint> {
  const rows = initiativeMoneyRows(r);
  return Object.fromEntries(KEYS.map((k) => [k, sumMicros(rows.map((row) => row[k]))])) as Record<
    keyof InitiativeMoney,
    bigint
  >;
}

/** Initiatives sheet: header row 1, one row per initiative, the shared platform, then the portfolio total. */
export function initiativesTotalRow(r: ReportModel): number {
  return r.initiatives.length + 3;
}

/** Budget vs Actual sheet: header row 1, one row per category, then the total. */
export function budgetTotalRow(r: ReportModel): number {
  return r.budget.byCategory.length + 2;
}

export function budgetTotals(r: ReportModel): { budget: bigint; actual: bigint } {
  return {
    budget: sumMicros(r.budget.byCategory.map((c) => c.budget.micro)),
    actual: sumMicros(r.budget.byCategory.map((c) => c.actual.micro)),
  };
}
