import type { KpiDefinition, KpiUnit } from '../../shared/domain';
import type { FiscalQuarter } from '../../shared/fiscal';
import { budgetVariance } from '../../shared/metrics/budget';
import {
  highRiskApprovedShare,
  measuredOutcomesShare,
  medianTimeToProduction,
  type Share,
} from '../../shared/metrics/derivedKpis';
import { aggregateQuarter } from '../../shared/metrics/kpiAggregate';
import { kpiStatus, kpiTrend } from '../../shared/metrics/kpiStatus';
import { roi } from '../../shared/metrics/roi';
import type { ExplanationInput, ExplanationUnit, KpiReport } from '../../shared/report';
import type { ReportContext } from './context';
import { tallyInput, valueInput } from './explanations';
import { INFERENCE_CATEGORIES, quarterUnitCost } from './unitEconomics';

/** A KPI value for one quarter with what it was computed from. */
interface KpiValue {
  value: number | null;
  observationCount: number;
  formula: string;
  inputs: ExplanationInput[];
  notes: string[];
}

type DerivedComputer = (ctx: ReportContext, q: FiscalQuarter) => KpiValue;

function shareValue(s: Share, what: string, formula: string): KpiValue {
  return {
    value: s.value,
    observationCount: 0,
    formula,
    inputs: [
      valueInput(`${what} (numerator)`, 'initiatives', s.numerator, s.numerator),
      valueInput('All in scope (denominator)', 'initiatives', s.denominator, s.denominator),
    ],
    notes: s.members.length
      ? [s.members.map((m) => `${m.name}: ${m.counted ? 'yes' : 'no'}`).join('; ')]
      : ['None in scope.'],
  };
}

/** Derived KPIs come from the data, never from imports. */
const DERIVED: Record<string, DerivedComputer> = {
  ai_portfolio_roi: (ctx, q) => {
    const asOf = q.months[2];
    const cost = ctx.facts.spendTotal.sum('all', null, asOf);
    const benefit = ctx.facts.benefitTotal.sum('realized', null, asOf);
    return {
      value: roi(benefit.micro, cost.micro),
      observationCount: 0,
      formula:
        'Cumulative portfolio ROI to the quarter end: (cumulative realized benefit − cumulative cost) ÷ cumulative cost.',
      inputs: [
        tallyInput(`Realized benefit lines to ${q.end}`, 'benefits', benefit),
        tallyInput(`Spend lines to ${q.end} (shared platform included)`, 'spend', cost),
      ],
      notes: [],
    };
  },
  token_budget_variance: (ctx, q) => {
    const [from, , to] = q.months;
    const actual = ctx.facts.spendByCategory.sumKeys(INFERENCE_CATEGORIES, from, to);
    const budget = ctx.facts.budgetByCategory.sumKeys(INFERENCE_CATEGORIES, from, to);
    return {
      value: budgetVariance(actual.micro, budget.micro, ctx.thresholds).variancePct,
      observationCount: 0,
      formula: '(Actual − budget) ÷ budget for model_api and compute in the quarter; blank without a budget.',
      inputs: [
        tallyInput(`model_api + compute spend lines ${from} to ${to}`, 'spend', actual),
        tallyInput(`model_api + compute budget lines ${from} to ${to}`, 'budget', budget),
      ],
      notes: [],
    };
  },
  measured_outcomes_pct: (ctx, q) =>
    shareValue(
      measuredOutcomesShare(ctx.facts.initiatives, q.end),
      'Production initiatives with a baseline',
      'Production initiatives with a defined baseline ÷ all initiatives in production at the quarter end.',
    ),
  high_risk_approved_pct: (ctx, q) =>
    shareValue(
      highRiskApprovedShare(ctx.facts.initiatives, q.end),
      'Tier 3–4 initiatives approved by the quarter end',
      'Tier 3–4 (high-risk) initiatives with a formal approval date on or before the quarter end ÷ all tier 3–4 initiatives.',
    ),
  time_to_production_days: (ctx, q) => {
    const t = medianTimeToProduction(ctx.facts.initiatives, q.end);
    return {
      value: t.value,
      observationCount: 0,
      formula:
        'Median of days from concept approval to production, over initiatives in production by the quarter end.',
      inputs: t.samples.map((s) => valueInput(s.name, 'initiatives', s.days, 1)),
      notes: t.samples.length ? [] : ['No initiative has both dates by the quarter end.'],
    };
  },
  inference_cost_per_action: (ctx, q) => {
    const point = quarterUnitCost(ctx, q);
    return {
      value: point.costPerAction,
      observationCount: 0,
      formula: 'Inference cost per key action for the quarter (see unit economics).',
      inputs: ctx.book.entries[point.explain]!.inputs,
      notes: [],
    };
  },
};

function importedValue(ctx: ReportContext, k: KpiDefinition, q: FiscalQuarter): KpiValue {
  const obs = (ctx.facts.observationsByKpi.get(k.id) ?? []).filter(
    (o) => o.periodEnd >= q.start && o.periodEnd <= q.end,
  );
  const agg = aggregateQuarter(k.aggregation, obs);
  const batchIds = [...new Set(agg.used.map((o) => o.batchId ?? 0))]
    .filter((b) => b !== 0)
    .sort((a, b) => a - b);
  return {
    value: agg.value,
    observationCount: agg.used.length,
    formula:
      `Quarter value = ${k.aggregation} of the observations whose period ends in ${q.start} to ${q.end}` +
      (agg.basis === 'segments'
        ? '; only per-initiative/segment observations exist, so they are combined per period first (summed for sum KPIs, averaged otherwise).'
        : '.'),
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

export function buildKpis(ctx: ReportContext): KpiReport[] {
  const out: KpiReport[] = [];
  for (const k of ctx.facts.kpis) {
    if (k.input) continue;
    const compute = k.derived ? DERIVED[k.id] : undefined;
    const valueOf = (q: FiscalQuarter): KpiValue => (compute ? compute(ctx, q) : importedValue(ctx, k, q));
    const values = ctx.historyQuarters.map(valueOf);
    const current = values[values.length - 1]!;
    const previous = values[values.length - 2]!;
    const status = kpiStatus(k, current.value);
    const trend = kpiTrend(k, current.value, previous.value);
    const explain = ctx.book.other(`kpi.${k.id}`, EXPLANATION_UNIT[k.unit], current.value, {
      label: `${k.name}, ${ctx.quarter.label}`,
      formula: current.formula,
      inputs: current.inputs,
      notes: [
        ...current.notes,
        statusWords(k),
        `Trend compares with ${ctx.previousQuarter.label} (${previous.value === null ? 'no data' : plain(previous.value)}) in the KPI’s good direction.`,
        ...(compute
          ? ['Derived from the workspace data; imported observations for this KPI are not used.']
          : []),
      ],
    });
    out.push({
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
      status,
      trend,
      derived: k.derived,
      observationCount: current.observationCount,
      history: ctx.historyQuarters.map((q, i) => ({
        period: q.label,
        value: values[i]!.value,
        status: kpiStatus(k, values[i]!.value),
      })),
      explain,
    });
  }
  return out;
}
