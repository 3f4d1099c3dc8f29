import type { KpiDefinition, RagStatus, Trend } from '../domain';
import { absBig, toScaled } from './exact';

export type KpiThresholds = Pick<KpiDefinition, 'direction' | 'target' | 'amber' | 'tolerance'>;

/**
 * RAG status of a KPI value, thresholds inclusive and compared as the decimals they are written as.
 * higher: ≥ target green, ≥ amber amber; lower: mirrored; band: |value − target| ≤ tolerance green,
 * ≤ amber amber. No value is "no data", never green.
 */
export function kpiStatus(k: KpiThresholds, value: number | null): RagStatus {
  if (value === null || !Number.isFinite(value)) return 'no_data';
  const v = toScaled(value);
  const target = toScaled(k.target);
  const amber = toScaled(k.amber);
  switch (k.direction) {
    case 'higher':
      return v >= target ? 'green' : v >= amber ? 'amber' : 'red';
    case 'lower':
      return v <= target ? 'green' : v <= amber ? 'amber' : 'red';
    case 'band': {
      const distance = absBig(v - target);
      const green = toScaled(k.tolerance ?? 0);
      return distance <= green ? 'green' : distance <= amber ? 'amber' : 'red';
    }
  }
}

/**
 * Trend against the previous quarter, in the KPI's good direction: up is improving for higher-is-better,
 * down for lower-is-better, closer to the target for band KPIs. Either value missing → no data.
 */
export function kpiTrend(k: KpiThresholds, current: number | null, previous: number | null): Trend {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous))
    return 'no_data';
  let better: bigint;
  switch (k.direction) {
    case 'higher':
      better = toScaled(current) - toScaled(previous);
      break;
    case 'lower':
      better = toScaled(previous) - toScaled(current);
      break;
    case 'band': {
      const target = toScaled(k.target);
      better = absBig(toScaled(previous) - target) - absBig(toScaled(current) - target);
      break;
    }
  }
  return better > 0n ? 'improving' : better < 0n ? 'worsening' : 'flat';
}
