import type { KpiDefinition } from '../../shared/domain';
import type { FiscalQuarter } from '../../shared/fiscal';
import { budgetVariance } from '../../shared/metrics/budget';
import {
  highRiskApprovedShare,
  measuredOutcomesShare,
  medianTimeToProduction,
  type Share,
} from '../../shared/metrics/derivedKpis';
import { kpiStatus } from '../../shared/metrics/kpiStatus';
import { roi } from '../../shared/metrics/roi';
import type { KpiReport } from '../../shared/report';
import { notReportedNote, spendReportedFor, type ReportContext } from './context';
import { tallyInput, valueInput } from './explanations';
import { kpiAt, observedValue, scoreKpi, type KpiValue, type KpiWorking } from './kpiScore';
import { INFERENCE_CATEGORIES, quarterUnitCost } from './unitEconomics';

/** A derived KPI's value and its working: computed from the data, no observations. */
type DerivedValue = KpiWorking & { value: number | null };

type DerivedComputer = (ctx: ReportContext, q: FiscalQuarter) => DerivedValue;

function shareValue(s: Share, what: string, formula: string): DerivedValue {
  return {
    value: s.value,
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
    const reported = spendReportedFor(ctx, q);
    return {
      value: reported ? budgetVariance(actual.micro, budget.micro, ctx.thresholds).variancePct : null,
      formula: '(Actual − budget) ÷ budget for model_api and compute in the quarter; blank without a budget.',
      inputs: [
        tallyInput(`model_api + compute spend lines ${from} to ${to}`, 'spend', actual),
        tallyInput(`model_api + compute budget lines ${from} to ${to}`, 'budget', budget),
      ],
      notes: reported ? [] : [notReportedNote(ctx, q)],
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
      formula: 'Inference cost per key action for the quarter (see unit economics).',
      inputs: ctx.book.entries[point.explain]!.inputs,
      notes: [],
    };
  },
};

function derivedValue(k: KpiDefinition, d: DerivedValue): KpiValue {
  return { value: d.value, status: kpiStatus(k, d.value), used: [], working: () => d };
}

/**
 * The scorecard: every scored KPI, imported or derived. An imported KPI's value comes from the workspace-level
 * observations (no initiative, no segment); observations tagged with an initiative or a segment count only in
 * a quarter without any workspace-level one (`aggregateQuarter`). Each initiative's own values are in its
 * report (`initiativeKpis.ts`).
 */
export function buildKpis(ctx: ReportContext): KpiReport[] {
  return ctx.facts.kpis
    .filter((k) => !k.input)
    .map((k) => {
      const compute = k.derived ? DERIVED[k.id] : undefined;
      const observations = ctx.facts.observationsByKpi.get(k.id) ?? [];
      // Each quarter is scored with the target in force then.
      const valueOf = (q: FiscalQuarter): KpiValue =>
        compute
          ? derivedValue(kpiAt(ctx, k, q), compute(ctx, q))
          : observedValue(kpiAt(ctx, k, q), observations, q, { portfolio: true });
      const score = scoreKpi(
        ctx,
        k,
        `kpi.${k.id}`,
        `${k.name}, ${ctx.quarter.label}`,
        ctx.historyQuarters.map(valueOf),
        compute ? ['Derived from the workspace data; imported observations for this KPI are not used.'] : [],
      );
      return { ...score, derived: k.derived };
    });
}
