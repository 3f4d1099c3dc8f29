import type { Micro } from '../money';

/** Where a forecast range bar's marks fall, as fractions (0–1) of the bar's width. */
export interface RangeBarGeometry {
  low: number;
  high: number;
  forecast: number;
  /** The annual budget's mark; null without a budget. */
  budget: number | null;
}

/**
 * The marks of a range bar on one linear scale from the smallest to the largest of the values shown (low,
 * forecast, high, budget), with 4% of the span as margin on each side so no mark sits on the edge. (The
 * fiscal-YTD actual is not a mark: the low end is never below it, and a clamped low end is it.)
 */
export function rangeBarGeometry(v: {
  low: Micro;
  high: Micro;
  forecast: Micro;
  budget: Micro | null;
}): RangeBarGeometry {
  const all = [v.low, v.high, v.forecast, ...(v.budget ? [v.budget] : [])];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || Math.max(1, Math.abs(max));
  const lo = min - span * 0.04;
  const width = span * 1.08;
  const at = (x: Micro) => (x - lo) / width;
  return {
    low: at(v.low),
    high: at(v.high),
    forecast: at(v.forecast),
    budget: v.budget ? at(v.budget) : null,
  };
}
