import type { Initiative } from '../../shared/domain';
import type { InitiativeKpiReport } from '../../shared/report';
import type { ReportContext } from './context';
import { observedValue, scoreKpi } from './kpiScore';

/**
 * The imported KPIs observed for one initiative: its tagged observations only, aggregated per quarter by each
 * KPI's own rule and scored with the KPI's target, thresholds and direction, exactly as the scorecard scores
 * the workspace's. Listed when observed in the report's 6-quarter window (so a missing submission this quarter
 * shows as no data instead of vanishing). Derived and input KPIs are left out: the initiative's ROI, payback
 * and the like are its own figures, and inputs are not scored.
 *
 * The same observations count in the portfolio's value of the KPI only in a quarter with no workspace-level
 * observation of it (see `aggregateQuarter`).
 */
export function buildInitiativeKpis(ctx: ReportContext, i: Initiative): InitiativeKpiReport[] {
  const byKpi = ctx.facts.observationsByInitiative.get(i.id);
  if (!byKpi) return [];
  const from = ctx.historyQuarters[0]!.start;
  const to = ctx.quarter.end;
  const out: InitiativeKpiReport[] = [];
  for (const k of ctx.facts.kpis) {
    if (k.derived || k.input) continue;
    const observations = byKpi.get(k.id);
    if (!observations?.some((o) => o.periodEnd >= from && o.periodEnd <= to)) continue;
    const values = ctx.historyQuarters.map((q) => observedValue(k, observations, q, { initiative: i.name }));
    const score = scoreKpi(
      ctx,
      k,
      `initiative.${i.id}.kpi.${k.id}`,
      `${k.name} for ${i.name}, ${ctx.quarter.label}`,
      values,
      [
        'Only observations carrying this initiative are used. They count in the portfolio value of the KPI only in a quarter without workspace-level observations (no initiative, no segment).',
      ],
    );
    out.push({ ...score, batchIds: values[values.length - 1]!.batchIds });
  }
  return out;
}
