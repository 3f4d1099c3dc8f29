import type { Initiative, KpiObservation } from '../../shared/domain';
import type { FiscalQuarter } from '../../shared/fiscal';
import type { InitiativeKpiReport } from '../../shared/report';
import type { ReportContext } from './context';
import { anyEnding, batchIdsOf, kpiAt, observedValue, scoreKpi, type KpiValue } from './kpiScore';

/**
 * Quarter values of one initiative's observations of one KPI, by quarter (`quarterOrdinal`). Keyed by the
 * facts' own observation list, so they live as long as those facts (any write loads new ones): a quarter
 * switch computes only the quarters it has not seen, not all six of every row's history again.
 */
const quarterValues = new WeakMap<readonly KpiObservation[], Map<number, KpiValue>>();

function quarterOrdinal(q: FiscalQuarter): number {
  return q.fiscalYear * 4 + q.quarter;
}

const PORTFOLIO_RULE =
  'Only observations carrying this initiative are used. They count in the portfolio value of the KPI only in a quarter without workspace-level observations (no initiative, no segment).';

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
    if (!observations || !anyEnding(observations, from, to)) continue;
    let known = quarterValues.get(observations);
    if (!known) quarterValues.set(observations, (known = new Map()));
    const values = ctx.historyQuarters.map((q) => {
      let v = known.get(quarterOrdinal(q));
      if (!v)
        known.set(
          quarterOrdinal(q),
          (v = observedValue(kpiAt(ctx, k, q), observations, q, { initiative: i.name })),
        );
      return v;
    });
    const score = scoreKpi(
      ctx,
      k,
      `initiative.${i.id}.kpi.${k.id}`,
      `${k.name} for ${i.name}, ${ctx.quarter.label}`,
      values,
      [PORTFOLIO_RULE],
    );
    out.push({ ...score, batchIds: batchIdsOf(values[values.length - 1]!.used) });
  }
  return out;
}
