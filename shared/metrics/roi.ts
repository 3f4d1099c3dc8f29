import type { Micro } from '../money';

/** ROI = (benefit − cost) / cost; null when cost is 0. */
export function roi(benefit: Micro, cost: Micro): number | null {
  return cost === 0 ? null : (benefit - cost) / cost;
}

export interface MonthlyFlow {
  cost: Micro;
  benefit: Micro;
  /** Spend lines in the month (a month "with spend" has at least one, even if they net to 0). */
  spendLines: number;
}

/**
 * Payback months: from the first month with spend (counted as 1) to the first month where cumulative
 * benefit ≥ cumulative cost; null if not reached within `flows` (oldest first, consecutive months).
 * Benefit dated before the first spend month counts toward the cumulative benefit.
 */
export function paybackMonths(flows: readonly MonthlyFlow[]): number | null {
  let cumCost = 0;
  let cumBenefit = 0;
  let first = -1;
  for (let i = 0; i < flows.length; i++) {
    const f = flows[i]!;
    cumCost += f.cost;
    cumBenefit += f.benefit;
    if (first === -1 && f.spendLines > 0) first = i;
    if (first !== -1 && cumBenefit >= cumCost) return i - first + 1;
  }
  return null;
}
