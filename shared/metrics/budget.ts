import type { RagStatus } from '../domain';
import { sumMicro, type Micro } from '../money';
import { mulDivMicro, withinFraction } from './exact';

export interface VarianceThresholds {
  /** |variance %| ≤ green → green. */
  green: number;
  /** |variance %| ≤ amber → amber; above → red. */
  amber: number;
}

export interface Variance {
  variance: Micro;
  variancePct: number | null;
  status: RagStatus;
}

/**
 * Budget variance = actual − budget; variance % = variance / budget (null when budget is 0).
 * Status by |variance %|, edges inclusive, compared exactly. With no budget, any spend is red
 * (unbudgeted) and no spend is "no data".
 */
export function budgetVariance(actual: Micro, budget: Micro, t: VarianceThresholds): Variance {
  const variance = actual - budget;
  if (budget === 0) return { variance, variancePct: null, status: actual === 0 ? 'no_data' : 'red' };
  const status: RagStatus = withinFraction(variance, budget, t.green)
    ? 'green'
    : withinFraction(variance, budget, t.amber)
      ? 'amber'
      : 'red';
  return { variance, variancePct: variance / budget, status };
}

/**
 * Year-end forecast = fiscal-YTD actual + mean monthly actual of the last 3 complete months × months left,
 * rounded half away from zero to the micro-unit once, at the end.
 */
export function yearEndForecast(
  ytdActual: Micro,
  lastCompleteMonths: readonly Micro[],
  monthsLeft: number,
): Micro {
  if (monthsLeft === 0 || lastCompleteMonths.length === 0) return ytdActual;
  return ytdActual + mulDivMicro(sumMicro(lastCompleteMonths), monthsLeft, lastCompleteMonths.length);
}
