import { MICRO_PER_UNIT, type Micro } from '../money';

/**
 * Currency units per key action: cost / actions; null without actions. One division of exact integers when
 * the count is whole, so a cost exactly on a threshold (e.g. 0.05) is that threshold.
 */
export function costPerAction(costMicro: Micro, keyActions: number | null): number | null {
  if (keyActions === null || keyActions === 0) return null;
  const denominator = MICRO_PER_UNIT * keyActions;
  return Number.isSafeInteger(denominator)
    ? costMicro / denominator
    : costMicro / MICRO_PER_UNIT / keyActions;
}

/** Relative change (current − previous) / previous; null when either is missing or previous is 0. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}
