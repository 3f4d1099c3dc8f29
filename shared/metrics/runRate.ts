import { addMonths, type Month } from '../fiscal';
import { sumMicro, type Micro } from '../money';
import type { ExhaustionStatus } from '../report';
import { mulDivMicro } from './exact';

/** Monthly burn = mean of the given complete months, rounded half away from zero to the micro-unit. */
export function monthlyBurn(lastCompleteMonths: readonly Micro[]): Micro {
  if (lastCompleteMonths.length === 0) return 0;
  return mulDivMicro(sumMicro(lastCompleteMonths), 1, lastCompleteMonths.length);
}

export interface ExhaustionInput {
  annualBudget: Micro;
  /** Fiscal-year months up to the as-of month, oldest first, with their actual spend. */
  ytd: readonly { month: Month; actual: Micro }[];
  /** The complete months the burn is the mean of. */
  burnMonths: readonly Micro[];
  asOfMonth: Month;
  fiscalYearEnd: Month;
}

export interface Exhaustion {
  month: Month | null;
  status: ExhaustionStatus;
}

/**
 * The month in which cumulative fiscal-year spend reaches the annual budget: a past month if it already
 * has, else the as-of month + ⌈remaining budget ÷ burn⌉ with the burn taken exactly (sum ÷ count, unrounded).
 */
export function budgetExhaustion(input: ExhaustionInput): Exhaustion {
  if (input.annualBudget <= 0) return { month: null, status: 'no_budget' };
  let cumulative = 0;
  for (const m of input.ytd) {
    cumulative += m.actual;
    if (cumulative >= input.annualBudget) return { month: m.month, status: 'exhausted' };
  }
  const burnSum = sumMicro(input.burnMonths);
  if (burnSum <= 0 || input.burnMonths.length === 0) return { month: null, status: 'no_burn' };
  const remaining = BigInt(input.annualBudget - cumulative) * BigInt(input.burnMonths.length);
  const months = Number((remaining + BigInt(burnSum) - 1n) / BigInt(burnSum));
  const month = addMonths(input.asOfMonth, months);
  return { month, status: month <= input.fiscalYearEnd ? 'within_year' : 'after_year_end' };
}
