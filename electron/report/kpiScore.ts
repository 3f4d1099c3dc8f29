import type { KpiDefinition, KpiObservation, KpiUnit } from '../../shared/domain';
import type { FiscalQuarter } from '../../shared/fiscal';
import { aggregateQuarter } from '../../shared/metrics/kpiAggregate';
import { kpiStatus, kpiTrend } from '../../shared/metrics/kpiStatus';
import type { ExplainKey, ExplanationInput, ExplanationUnit, KpiScore } from '../../shared/report';
import type { ReportContext } from './context';
import { valueInput } from './explanations';

/** A KPI value for one quarter with what it was computed from. */
export interface KpiValue {
  value: number | null;
  observationCount: number;
  /** Import batches of the observations used, ascending (none for derived values). */
  batchIds: number[];
  formula: string;
  inputs: ExplanationInput[];
  notes: string[];
}

/** Whose observations a value aggregates: the workspace's (the scorecard) or one initiative's. */
export type ObservationScope = { portfolio: true } | { initiative: string };

function inQuarter(o: KpiObservation, q: FiscalQuarter): boolean {
  return o.periodEnd >= q.start && o.periodEnd <= q.end;
}

/**
 * The quarter value of an imported KPI from `observations` (any dates: those whose period ends in the quarter
 * are used), by the KPI's own aggregation rule (`aggregateQuarter`), with one explanation input per
 * observation naming its row and batch.
 */
export function observedValue(
  k: KpiDefinition,
  observations: readonly KpiObservation[],
  q: FiscalQuarter,
  scope: ObservationScope,
): KpiValue {
  const agg = aggregateQuarter(
    k.aggregation,
    observations.filter((o) => inQuarter(o, q)),
  );
  const batchIds = [...new Set(agg.used.map((o) => o.batchId ?? 0))]
    .filter((b) => b !== 0)
    .sort((a, b) => a - b);
  const whose = 'portfolio' in scope ? 'the observations' : `the observations for ${scope.initiative}`;
  let formula = `Quarter value = ${k.aggregation} of ${whose} whose period ends in ${q.start} to ${q.end}`;
  if ('portfolio' in scope) {
    formula +=
      agg.basis === 'segments'
        ? '; only per-initiative/segment observations exist, so they are combined per period first (summed for sum KPIs, averaged otherwise).'
        : '.';
  } else {
    const periods = new Set(agg.used.map((o) => o.periodEnd)).size;
    formula +=
      periods < agg.used.length
        ? '; observations of the same period (segments) are combined first (summed for sum KPIs, averaged otherwise).'
        : '.';
  }
  return {
    value: agg.value,
    observationCount: agg.used.length,
    batchIds,
    formula,
    inputs: agg.used.map((o) =>
      valueInput(
        `Observation ${o.periodStart} to ${o.periodEnd}${o.segment ? ` (${o.segment})` : ''}${o.sourceRow ? `, row ${o.sourceRow}` : ''}`,
        'kpi_observations',
        o.value,
        1,
        o.batchId ? [o.batchId] : [],
      ),
    ),
    notes: agg.used.length
      ? [`${agg.used.length} observation(s); batches ${batchIds.join(', ') || 'none'}.`]
      : ['No observation in the quarter: no data.'],
  };
}

function statusWords(k: KpiDefinition): string {
  switch (k.direction) {
    case 'higher':
      return `Higher is better: ≥ ${k.target} green, ≥ ${k.amber} amber, else red; no value is "no data".`;
    case 'lower':
      return `Lower is better: ≤ ${k.target} green, ≤ ${k.amber} amber, else red; no value is "no data".`;
    case 'band':
      return `Band around ${k.target}: distance ≤ ${k.tolerance ?? 0} green, ≤ ${k.amber} amber, else red; no value is "no data".`;
  }
}

/** How an explanation shows a KPI's value (currency KPIs are per-unit amounts in major units, not sums). */
const EXPLANATION_UNIT: Record<KpiUnit, ExplanationUnit> = {
  ratio: 'ratio',
  currency: 'number',
  count: 'count',
  days: 'days',
  hours: 'number',
  score: 'number',
};

/** A value for a sentence: six significant digits, no float noise (0.20558733747455812 → 0.205587). */
function plain(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/**
 * Scores a KPI's values over the report's history quarters (`values[i]` is for `ctx.historyQuarters[i]`,
 * the last one the period): status against the KPI's target and thresholds, trend against the previous
 * quarter in the KPI's good direction, the 6-quarter history, and the period value's explanation under `key`.
 */
export function scoreKpi(
  ctx: ReportContext,
  k: KpiDefinition,
  key: ExplainKey,
  label: string,
  values: KpiValue[],
  notes: string[] = [],
): KpiScore {
  const current = values[values.length - 1]!;
  const previous = values[values.length - 2]!;
  const explain = ctx.book.other(key, EXPLANATION_UNIT[k.unit], current.value, {
    label,
    formula: current.formula,
    inputs: current.inputs,
    notes: [
      ...current.notes,
      statusWords(k),
      `Trend compares with ${ctx.previousQuarter.label} (${previous.value === null ? 'no data' : plain(previous.value)}) in the KPI’s good direction.`,
      ...notes,
    ],
  });
  return {
    id: k.id,
    name: k.name,
    category: k.category,
    unit: k.unit,
    direction: k.direction,
    aggregation: k.aggregation,
    value: current.value,
    previousValue: previous.value,
    target: k.target,
    amber: k.amber,
    tolerance: k.tolerance,
    status: kpiStatus(k, current.value),
    trend: kpiTrend(k, current.value, previous.value),
    observationCount: current.observationCount,
    history: ctx.historyQuarters.map((q, i) => ({
      period: q.label,
      value: values[i]!.value,
      status: kpiStatus(k, values[i]!.value),
    })),
    explain,
  };
}
