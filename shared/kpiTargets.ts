import type { KpiDefinition } from './domain';

/** A KPI's target and thresholds: what a target change changes. */
export type KpiTargetValues = Pick<KpiDefinition, 'target' | 'amber' | 'tolerance'>;

/** The effective-from of a KPI's first target: before every quarter ("from the start"). */
export const FROM_THE_START = 'FY0000-Q1';

/** One row of a KPI's target history: in force from `effectiveFrom` until the next row's quarter. */
export interface KpiTargetEntry extends KpiTargetValues {
  kpiId: string;
  /** A fiscal quarter label (FY2026-Q3), or FROM_THE_START. */
  effectiveFrom: string;
  /** When the change was saved (ISO time). */
  changedAt: string;
  note: string | null;
}

/**
 * The target in force in quarter `label` (labels sort as their quarters do): the latest entry from that
 * quarter or before, or the KPI's own values when its history starts later (or is empty).
 */
export function targetInForce(
  k: KpiTargetValues,
  history: readonly KpiTargetEntry[] | undefined,
  label: string,
): KpiTargetValues & { entry: KpiTargetEntry | null } {
  let found: KpiTargetEntry | null = null;
  for (const e of history ?? []) if (e.effectiveFrom <= label) found = e;
  return found
    ? { target: found.target, amber: found.amber, tolerance: found.tolerance, entry: found }
    : { target: k.target, amber: k.amber, tolerance: k.tolerance, entry: null };
}

export function sameTargets(a: KpiTargetValues, b: KpiTargetValues): boolean {
  return a.target === b.target && a.amber === b.amber && (a.tolerance ?? null) === (b.tolerance ?? null);
}
