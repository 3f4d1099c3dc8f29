import { sameTargets } from '../kpiTargets';
import { kpiStatus } from '../metrics/kpiStatus';
import type { ExplainKey, KpiScore, KpiTargetVersion, ReportModel } from '../report';
import type { FigureMove, PackChanges, StatusChange, TargetChange } from './packTypes';

interface Figure {
  key: string;
  label: string;
  unit: 'money' | 'ratio';
  value: number | null;
  explain: ExplainKey;
}

/** The figures a board compares between two packs, keyed so the same figure matches across models. */
function figures(r: ReportModel): Figure[] {
  const p = r.portfolio;
  const b = r.budget;
  const out: Figure[] = [
    {
      key: 'portfolio.cost',
      label: 'Portfolio cost (quarter)',
      unit: 'money',
      value: p.cost.micro,
      explain: p.cost.explain,
    },
    {
      key: 'portfolio.benefit',
      label: 'Realized benefit (quarter)',
      unit: 'money',
      value: p.benefit.micro,
      explain: p.benefit.explain,
    },
    {
      key: 'portfolio.roi',
      label: 'Portfolio ROI (quarter)',
      unit: 'ratio',
      value: p.roi.value,
      explain: p.roi.explain,
    },
    {
      key: 'portfolio.cumulativeRoi',
      label: 'Cumulative ROI',
      unit: 'ratio',
      value: p.cumulativeRoi.value,
      explain: p.cumulativeRoi.explain,
    },
    {
      key: 'portfolio.npv',
      label: 'Portfolio NPV',
      unit: 'money',
      value: p.npv.micro,
      explain: p.npv.explain,
    },
    {
      key: 'budget.variance',
      label: 'Budget variance (quarter)',
      unit: 'money',
      value: b.variance.micro,
      explain: b.variance.explain,
    },
    {
      key: 'budget.variancePct',
      label: 'Budget variance %',
      unit: 'ratio',
      value: b.variancePct.value,
      explain: b.variancePct.explain,
    },
    {
      key: 'budget.forecastYearEnd',
      label: 'Year-end spend forecast',
      unit: 'money',
      value: b.forecastYearEnd.micro,
      explain: b.forecastYearEnd.explain,
    },
  ];
  for (const c of b.byCategory) {
    out.push({
      key: `category.${c.category ?? 'none'}`,
      label: `Spend: ${c.label}`,
      unit: 'money',
      value: c.actual.micro,
      explain: c.actual.explain,
    });
  }
  for (const i of r.initiatives) {
    out.push({
      key: `initiative.${i.id}.cost`,
      label: `${i.name}: cost`,
      unit: 'money',
      value: i.cost.micro,
      explain: i.cost.explain,
    });
    out.push({
      key: `initiative.${i.id}.benefit`,
      label: `${i.name}: benefit`,
      unit: 'money',
      value: i.benefit.micro,
      explain: i.benefit.explain,
    });
  }
  return out;
}

function move(from: Figure | undefined, to: Figure): FigureMove {
  const a = from?.value ?? null;
  const b = to.value;
  const change = a === null || b === null ? null : b - a;
  return {
    key: to.key,
    label: to.label,
    unit: to.unit,
    from: a,
    to: b,
    change,
    changePct: change === null || a === null || a === 0 ? null : change / Math.abs(a),
    explain: to.explain,
    fromExplain: from?.explain ?? null,
  };
}

function versionOf(k: KpiScore): KpiTargetVersion {
  return { target: k.target, amber: k.amber, tolerance: k.tolerance ?? null };
}

/**
 * Whether the current value, scored against the earlier target and thresholds, keeps the earlier status:
 * then a status change is the target's doing, not the KPI's performance.
 */
function onlyTheTarget(was: KpiScore, now: KpiScore): boolean {
  if (sameTargets(versionOf(was), versionOf(now))) return false;
  return kpiStatus({ direction: now.direction, ...versionOf(was) }, now.value) === was.status;
}

/**
 * KPIs whose status differs between the earlier model and the current one, in scorecard order; each says
 * whether the change is performance or only the target's (see `onlyTheTarget`).
 */
export function kpiStatusChanges(previous: ReportModel, current: ReportModel): StatusChange[] {
  const before = new Map(previous.kpis.map((k) => [k.id, k]));
  const out: StatusChange[] = [];
  for (const k of current.kpis) {
    const was = before.get(k.id);
    const from = was?.status ?? 'no_data';
    if (from !== k.status)
      out.push({
        id: k.id,
        name: k.name,
        from,
        to: k.status,
        explain: k.explain,
        fromExplain: was?.explain ?? null,
        cause: was && onlyTheTarget(was, k) ? 'target' : 'performance',
      });
  }
  return out;
}

/**
 * KPIs whose target, amber threshold or tolerance differs between the earlier model and the current one,
 * with the quarter the new target is in force from (this quarter's change, or the first quarter of the
 * KPI's history after the earlier one whose target differs).
 */
export function kpiTargetChanges(previous: ReportModel, current: ReportModel): TargetChange[] {
  const before = new Map(previous.kpis.map((k) => [k.id, k]));
  const out: TargetChange[] = [];
  for (const k of current.kpis) {
    const was = before.get(k.id);
    if (!was || sameTargets(versionOf(was), versionOf(k))) continue;
    const since = (k.history ?? []).find(
      (h) => h.period > previous.period.label && h.target !== undefined && h.target !== was.target,
    );
    out.push({
      id: k.id,
      name: k.name,
      unit: k.unit,
      direction: k.direction,
      from: versionOf(was),
      to: versionOf(k),
      effectiveFrom: k.targetChange?.effectiveFrom ?? since?.period ?? null,
      note: k.targetChange?.note ?? null,
      statusFrom: was.status,
      statusTo: k.status,
      statusCause: was.status === k.status ? 'none' : onlyTheTarget(was, k) ? 'target' : 'performance',
      explain: k.explain,
    });
  }
  return out;
}

/**
 * The figures that moved most: the headline ratios always, then money figures by the size of the
 * move (largest absolute change first), at most `limit` in all.
 */
export function biggestMoves(previous: ReportModel, current: ReportModel, limit = 12): FigureMove[] {
  const before = new Map(figures(previous).map((f) => [f.key, f]));
  const all = figures(current).map((f) => move(before.get(f.key), f));
  const ratios = all.filter((m) => m.unit === 'ratio' && m.change !== null && m.change !== 0);
  const money = all
    .filter((m) => m.unit === 'money' && m.change !== null && m.change !== 0)
    .sort((x, y) => Math.abs(y.change!) - Math.abs(x.change!) || x.key.localeCompare(y.key));
  return [...ratios, ...money].slice(0, limit);
}

/**
 * The earlier model's explanations of the figures a comparison lists, with the import batches they name
 * (followed through the figures they are computed from): where each "was" value comes from.
 */
export function earlierExplanations(
  previous: ReportModel,
  changes: Pick<PackChanges, 'movers' | 'statusChanges'>,
): NonNullable<PackChanges['earlier']> {
  const explanations: NonNullable<PackChanges['earlier']>['explanations'] = {};
  const batches: NonNullable<PackChanges['earlier']>['batches'] = {};
  const all = previous.explanations ?? {};
  const add = (key: ExplainKey | null): void => {
    const e = key ? all[key] : undefined;
    if (!e || explanations[e.key]) return;
    explanations[e.key] = e;
    for (const i of e.inputs) {
      for (const b of i.batchIds) if (previous.batches?.[b]) batches[b] = previous.batches[b];
      if (i.ref) add(i.ref);
    }
  };
  for (const m of changes.movers) add(m.fromExplain);
  for (const s of changes.statusChanges) add(s.fromExplain);
  return { explanations, batches };
}
