import type { KpiAggregation, KpiObservation } from '../domain';
import { decimalMean, decimalSum } from './exact';

export type ObservationLike = Pick<KpiObservation, 'periodEnd' | 'value' | 'initiativeId' | 'segment'>;

export interface QuarterValue<O extends ObservationLike> {
  value: number | null;
  /** The observations the value was computed from. */
  used: O[];
  /** 'portfolio' = workspace-level observations; 'segments' = per-initiative/segment ones combined per period. */
  basis: 'portfolio' | 'segments' | 'none';
}

/**
 * Combines values of one kind: last (the latest by period end), mean, or sum — the sums taken on the values
 * as the decimals they were reported as, so a mean exactly on a threshold is on it (0.04, 0.05, 0.06 → 0.05).
 */
function combine(aggregation: KpiAggregation, values: readonly number[]): number {
  switch (aggregation) {
    case 'last':
      return values[values.length - 1]!;
    case 'sum':
      return decimalSum(values);
    case 'mean':
      return decimalMean(values);
  }
}

/**
 * The quarter value of a KPI from the observations whose period ends in the quarter (the caller filters by
 * date): its aggregation (last, mean or sum) over the workspace-level observations. Only when there are none,
 * per-initiative or per-segment observations are used: first combined per period (summed for sum KPIs,
 * averaged otherwise), then aggregated across periods.
 */
export function aggregateQuarter<O extends ObservationLike>(
  aggregation: KpiAggregation,
  observations: readonly O[],
): QuarterValue<O> {
  const sorted = [...observations].sort((a, b) =>
    a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0,
  );
  const portfolio = sorted.filter((o) => o.initiativeId === null && (o.segment === null || o.segment === ''));
  if (portfolio.length > 0) {
    return {
      value: combine(
        aggregation,
        portfolio.map((o) => o.value),
      ),
      used: portfolio,
      basis: 'portfolio',
    };
  }
  if (sorted.length === 0) return { value: null, used: [], basis: 'none' };
  const byPeriod = new Map<string, number[]>();
  for (const o of sorted) {
    const list = byPeriod.get(o.periodEnd) ?? [];
    list.push(o.value);
    byPeriod.set(o.periodEnd, list);
  }
  // A period with one observation (the usual case for an initiative's own values) is that value.
  const perPeriod = [...byPeriod.values()].map((vs) =>
    vs.length === 1 ? vs[0]! : combine(aggregation === 'sum' ? 'sum' : 'mean', vs),
  );
  return { value: combine(aggregation, perPeriod), used: sorted, basis: 'segments' };
}
