/** A triangular distribution over [low, high] with its mode at base (low ≤ base ≤ high). */
export interface Triangle {
  low: number;
  base: number;
  high: number;
}

/**
 * The inverse of the triangular distribution's CDF at u in [0, 1]: low at 0, base at (base − low) / (high −
 * low), high at 1. With low = high (= base) it is base for every u, so a line without a range never moves.
 */
export function triangularQuantile(t: Triangle, u: number): number {
  const span = t.high - t.low;
  if (span === 0) return t.base;
  const c = (t.base - t.low) / span;
  return u < c
    ? t.low + Math.sqrt(u * span * (t.base - t.low))
    : t.high - Math.sqrt((1 - u) * span * (t.high - t.base));
}

/** The q-th percentile (0 < q ≤ 100) of values already sorted ascending, by the nearest-rank rule. */
export function nearestRank<T>(sorted: readonly T[], q: number): T {
  if (sorted.length === 0) throw new RangeError('percentile of no values');
  const rank = Math.max(1, Math.ceil((q / 100) * sorted.length));
  return sorted[rank - 1]!;
}
