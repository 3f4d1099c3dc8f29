import type { Micro } from '../money';
import { absBig, doubledMedian, ONE_SCALED, toScaled } from './exact';

export interface AnomalyRule {
  /** Flag when |amount − median| > madFactor × MAD … */
  madFactor: number;
  /** … and ≥ minPct × |median| … */
  minPct: number;
  /** … and ≥ minAmount (micro-units). */
  minAmount: Micro;
}

export interface AnomalyCheck {
  flagged: boolean;
  /** Median of the baseline, exact as a possibly half micro-unit value. */
  median: number;
  /** Median absolute deviation of the baseline from its median. */
  mad: number;
  deviation: number;
  deviationPct: number | null;
  madMultiple: number | null;
}

/**
 * Tests one month's amount against its trailing baseline (months without spend count as 0):
 * flagged when it departs from the baseline median by more than madFactor median absolute deviations
 * AND by at least minPct of the median AND by at least minAmount. All comparisons are exact: medians
 * of integers are carried doubled (or quadrupled) so no half micro-unit is rounded.
 */
export function checkAnomaly(amount: Micro, baseline: readonly Micro[], rule: AnomalyRule): AnomalyCheck {
  const med2 = doubledMedian(baseline); // 2 × median
  const absDev2 = baseline.map((x) => Math.abs(2 * x - med2)); // 2 × |x − median|
  const mad4 = doubledMedian(absDev2); // 4 × MAD
  const dev4 = BigInt(4 * amount - 2 * med2); // 4 × deviation
  const absDev4 = absBig(dev4);
  const beyondMad = absDev4 * ONE_SCALED > toScaled(rule.madFactor) * BigInt(mad4);
  const beyondPct = absDev4 * ONE_SCALED >= toScaled(rule.minPct) * absBig(BigInt(2 * med2));
  const beyondAmount = absDev4 >= BigInt(rule.minAmount) * 4n;
  const median = med2 / 2;
  const deviation = amount - median;
  return {
    flagged: beyondMad && beyondPct && beyondAmount && dev4 !== 0n,
    median,
    mad: mad4 / 4,
    deviation,
    deviationPct: median === 0 ? null : deviation / Math.abs(median),
    madMultiple: mad4 === 0 ? null : Math.abs(deviation) / (mad4 / 4),
  };
}
