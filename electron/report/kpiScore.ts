import type { KpiDefinition, KpiObservation, KpiUnit, RagStatus } from '../../shared/domain';
import { kpiRatioDigits } from '../../shared/kpiPrecision';
import type { FiscalQuarter } from '../../shared/fiscal';
import { aggregateQuarter, type QuarterValue } from '../../shared/metrics/kpiAggregate';
import { kpiStatus, kpiTrend } from '../../shared/metrics/kpiStatus';
import { sameTargets, targetInForce } from '../../shared/kpiTargets';
import type {
  ExplainKey,
  ExplanationInput,
  ExplanationUnit,
  KpiScore,
  KpiTargetChange,
  KpiTargetVersion,
} from '../../shared/report';
import type { ReportContext } from './context';
import { percentText, valueInput } from './explanations';

/** How a quarter value was computed: what its explanation shows. */
export interface KpiWorking {
  formula: string;
  inputs: ExplanationInput[];
  notes: string[];
}

/** A KPI value for one quarter. */
export interface KpiValue {
  value: number | null;
  /** The value's status against the KPI's target and thresholds. */
  status: RagStatus;
  /** The observations it was computed from (none for derived KPIs). */
  used: readonly KpiObservation[];
  /** Its working, built only for the value that is explained (the period's, not the history's). */
  working(): KpiWorking;
}

/** `f`'s result, computed on the first call (a cached quarter value's working serves every report). */
function once<T>(f: () => T): () => T {
  let done: { value: T } | null = null;
  return () => (done ??= { value: f() }).value;
}

/** Whose observations a value aggregates: the workspace's (the scorecard) or one initiative's. */
export type ObservationScope = { portfolio: true } | { initiative: string };

/** Import batches of observations, ascending. */
export function batchIdsOf(observations: readonly KpiObservation[]): number[] {
  return [...new Set(observations.map((o) => o.batchId ?? 0))].filter((b) => b !== 0).sort((a, b) => a - b);
}

function formulaOf(
  k: KpiDefinition,
  q: FiscalQuarter,
  scope: ObservationScope,
  agg: QuarterValue<KpiObservation>,
): string {
  const whose = 'portfolio' in scope ? 'the observations' : `the observations for ${scope.initiative}`;
  const lead = `Quarter value = ${k.aggregation} of ${whose} whose period ends in ${q.start} to ${q.end}`;
  if ('portfolio' in scope)
    return agg.basis === 'segments'
      ? `${lead}; only per-initiative/segment observations exist, so they are combined per period first (summed for sum KPIs, averaged otherwise).`
      : `${lead}.`;
  return new Set(agg.used.map((o) => o.periodEnd)).size < agg.used.length
    ? `${lead}; observations of the same period (segments) are combined first (summed for sum KPIs, averaged otherwise).`
    : `${lead}.`;
}

/** First index in `observations` (ordered by period end) whose period ends on or after `day`. */
function firstEndingFrom(observations: readonly KpiObservation[], day: string): number {
  let lo = 0;
  let hi = observations.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (observations[mid]!.periodEnd < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether any of `observations` (ordered by period end) has its period ending from `start` to `end`. */
export function anyEnding(observations: readonly KpiObservation[], start: string, end: string): boolean {
  const i = firstEndingFrom(observations, start);
  return i < observations.length && observations[i]!.periodEnd <= end;
}

/** The observations (ordered by period end, as the facts hold them) whose period ends from `start` to `end`. */
export function observationsEnding(
  observations: readonly KpiObservation[],
  start: string,
  end: string,
): readonly KpiObservation[] {
  const from = firstEndingFrom(observations, start);
  let to = from;
  while (to < observations.length && observations[to]!.periodEnd <= end) to++;
  return observations.slice(from, to);
}

/**
 * The quarter value of an imported KPI from `observations` (any dates, ordered by period end: those whose
 * period ends in the quarter are used), by the KPI's own aggregation rule (`aggregateQuarter`); its working
 * lists each observation with its row and batch.
 */
export function observedValue(
  k: KpiDefinition,
  observations: readonly KpiObservation[],
  q: FiscalQuarter,
  scope: ObservationScope,
): KpiValue {
  const agg = aggregateQuarter(k.aggregation, observationsEnding(observations, q.start, q.end));
  return {
    value: agg.value,
    status: kpiStatus(k, agg.value),
    used: agg.used,
    working: once(() => {
      const batchIds = batchIdsOf(agg.used);
      return {
        formula: formulaOf(k, q, scope, agg),
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
    }),
  };
}

function statusWords(k: KpiDefinition): string {
  const v = (x: number) => shown(k, x);
  switch (k.direction) {
    case 'higher':
      return `Higher is better: ≥ ${v(k.target)} green, ≥ ${v(k.amber)} amber, else red; no value is "no data".`;
    case 'lower':
      return `Lower is better: ≤ ${v(k.target)} green, ≤ ${v(k.amber)} amber, else red; no value is "no data".`;
    case 'band':
      return `Band around ${v(k.target)}: distance ≤ ${v(k.tolerance ?? 0)} green, ≤ ${v(k.amber)} amber, else red; no value is "no data".`;
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

/**
 * A KPI value for a sentence: ratios as percentages with the KPI's decimals (shared/kpiPrecision.ts), others
 * to six significant digits, no float noise (0.20558733747455812 → 20.6%; 248.49999999 → 248.5).
 */
function shown(k: KpiDefinition, value: number): string {
  if (k.unit === 'ratio') return percentText(value, kpiRatioDigits(k));
  return String(Number(value.toPrecision(6)));
}

/** The KPI as scored in quarter `q`: with the target, amber threshold and tolerance in force then. */
export function kpiAt(ctx: ReportContext, k: KpiDefinition, q: FiscalQuarter): KpiDefinition {
  const t = targetInForce(k, ctx.facts.targetHistory.get(k.id), q.label);
  return { ...k, target: t.target, amber: t.amber, tolerance: t.tolerance };
}

/** The change of target between the previous quarter and this one, if any. */
function targetChangeOf(ctx: ReportContext, k: KpiDefinition): KpiTargetChange | null {
  const history = ctx.facts.targetHistory.get(k.id);
  if (!history) return null;
  const now = targetInForce(k, history, ctx.quarter.label);
  const before = targetInForce(k, history, ctx.previousQuarter.label);
  if (sameTargets(now, before) || !now.entry) return null;
  const version = (t: KpiTargetVersion): KpiTargetVersion => ({
    target: t.target,
    amber: t.amber,
    tolerance: t.tolerance,
  });
  return {
    from: version(before),
    to: version(now),
    effectiveFrom: now.entry.effectiveFrom,
    changedAt: now.entry.changedAt,
    note: now.entry.note,
  };
}

function targetChangeNote(k: KpiDefinition, c: KpiTargetChange, previous: string): string {
  const v = (x: number) => shown(k, x);
  return (
    `Target changed from ${previous}: ${v(c.from.target)} → ${v(c.to.target)}` +
    (c.from.amber !== c.to.amber ? `, amber ${v(c.from.amber)} → ${v(c.to.amber)}` : '') +
    ((c.from.tolerance ?? null) !== (c.to.tolerance ?? null)
      ? `, tolerance ${v(c.from.tolerance ?? 0)} → ${v(c.to.tolerance ?? 0)}`
      : '') +
    ` (in force from ${c.effectiveFrom}, changed ${c.changedAt.slice(0, 10)}${c.note ? `: ${c.note}` : ''}). ` +
    'Earlier quarters keep the target they had.'
  );
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
  const working = current.working();
  const scored = kpiAt(ctx, k, ctx.quarter);
  const targetChange = targetChangeOf(ctx, k);
  const explain = ctx.book.other(key, EXPLANATION_UNIT[k.unit], current.value, {
    label,
    formula: working.formula,
    inputs: working.inputs,
    notes: [
      ...working.notes,
      statusWords(scored),
      ...(targetChange ? [targetChangeNote(k, targetChange, ctx.previousQuarter.label)] : []),
      `Trend compares with ${ctx.previousQuarter.label} (${previous.value === null ? 'no data' : shown(k, previous.value)}) in the KPI’s good direction.`,
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
    target: scored.target,
    amber: scored.amber,
    tolerance: scored.tolerance,
    status: current.status,
    trend: kpiTrend(scored, current.value, previous.value),
    observationCount: current.used.length,
    history: ctx.historyQuarters.map((q, i) => ({
      period: q.label,
      value: values[i]!.value,
      status: values[i]!.status,
      target: kpiAt(ctx, k, q).target,
    })),
    targetChange,
    explain,
  };
}
