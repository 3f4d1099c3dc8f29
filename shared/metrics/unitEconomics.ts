import { MICRO_PER_UNIT, type Micro } from '../money';

/** Currency units per key action: cost / actions; null without actions. */
export function costPerAction(costMicro: Micro, keyActions: number | null): number | null {
  if (keyActions === null || keyActions === 0) return null;
  return costMicro / MICRO_PER_UNIT / keyActions;
}

/** Relative change (current − previous) / previous; null when either is missing or previous is 0. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}
