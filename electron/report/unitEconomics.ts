import type { FiscalQuarter, Month } from '../../shared/fiscal';
import { lastDayOfMonth } from '../../shared/fiscal';
import { aggregateQuarter } from '../../shared/metrics/kpiAggregate';
import { costPerAction, relativeChange } from '../../shared/metrics/unitEconomics';
import type { UnitCostPoint, UnitEconomicsReport } from '../../shared/report';
import type { ReportContext } from './context';
import { tallyInput, valueInput } from './explanations';

export const KEY_ACTIONS_KPI = 'key_actions';
export const INFERENCE_CATEGORIES = ['model_api', 'compute'] as const;

/** Inference cost per key action over [from, to] (whole months), explained under `key`. */
function unitCost(ctx: ReportContext, key: string, period: string, from: Month, to: Month): UnitCostPoint {
  const { facts, book } = ctx;
  const cost = facts.spendByCategory.sumKeys(INFERENCE_CATEGORIES, from, to);
  const def = facts.kpis.find((k) => k.id === KEY_ACTIONS_KPI);
  const end = lastDayOfMonth(to);
  const obs = (facts.observationsByKpi.get(KEY_ACTIONS_KPI) ?? []).filter(
    (o) => o.periodEnd >= `${from}-01` && o.periodEnd <= end,
  );
  const actions = aggregateQuarter(def?.aggregation ?? 'sum', obs);
  const value = costPerAction(cost.micro, actions.value);
  const batchIds = [...new Set(actions.used.map((o) => o.batchId ?? 0))]
    .filter((b) => b !== 0)
    .sort((a, b) => a - b);
  const explain = book.other(key, 'number', value, {
    label: `Inference cost per key action, ${period}`,
    formula:
      '(model_api + compute spend) ÷ key actions served, in currency units per action; blank without a key-action count. ' +
      'Key actions: the key_actions observations whose period ends in the range, by the KPI’s aggregation.',
    inputs: [
      tallyInput(`model_api + compute spend lines ${from} to ${to}`, 'spend', cost),
      valueInput('Key actions', 'kpi_observations', actions.value, actions.used.length, batchIds),
    ],
  });
  return { period, inferenceCost: cost.micro, keyActions: actions.value, costPerAction: value, explain };
}

export function quarterUnitCost(ctx: ReportContext, q: FiscalQuarter): UnitCostPoint {
  return unitCost(ctx, `unitEconomics.${q.label}`, q.label, q.months[0], q.months[2]);
}

export function buildUnitEconomics(ctx: ReportContext): UnitEconomicsReport {
  const months = ctx.quarter.months.map((m) => unitCost(ctx, `unitEconomics.${m}`, m, m, m));
  const quarter = quarterUnitCost(ctx, ctx.quarter);
  const previousQuarter = quarterUnitCost(ctx, ctx.previousQuarter);
  return {
    months,
    quarter,
    previousQuarter,
    qoqChange: relativeChange(quarter.costPerAction, previousQuarter.costPerAction),
  };
}
