import type { KpiDefinition } from '../../shared/domain';
import { lastDayOfMonth, monthRange, quarterOfMonth } from '../../shared/fiscal';
import { listKpis } from '../store/kpis';
import { observationInserter } from '../store/lines';
import { getSettings } from '../store/settings';
import { DEMO_LAST_MONTH } from './catalog';
import { demoBatch, type DemoBatch, type DemoContext } from './context';
import { DEMO_INITIATIVE_KPIS, DEMO_KEY_ACTIONS, DEMO_KPI_SERIES, type DemoKpiSeries } from './kpiSeries';
import { seededRandom } from './random';

/**
 * The initiative-level series draw from their own stream, so adding or changing one leaves the
 * workspace-level observations (and every scorecard figure) as they were.
 */
const INITIATIVE_SEED = 20_261_001;

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A point along a series at `progress` (0..1) with its noise, kept to the KPI unit's range. */
function seriesValue(s: DemoKpiSeries, progress: number, rnd: () => number, k: KpiDefinition): number {
  let value = round(s.start + (s.end - s.start) * progress + (rnd() * 2 - 1) * s.noise, s.decimals);
  if (k.unit === 'ratio') value = Math.min(1, Math.max(0, value));
  if (k.unit === 'count') value = Math.max(0, value);
  return value;
}

type AddObservation = ReturnType<typeof observationInserter>;

/** Observes `k` in each month (quarterly KPIs at quarter ends) with `valueAt(month, index)`. */
function observeMonths(
  ctx: DemoContext,
  batch: DemoBatch,
  addObs: AddObservation,
  k: KpiDefinition,
  months: string[],
  initiativeId: number | null,
  valueAt: (month: string, t: number) => number | null,
): void {
  const { fiscalStartMonth } = getSettings(ctx.db);
  const quarterly = k.frequency === 'quarterly';
  months.forEach((month, t) => {
    const q = quarterOfMonth(month, fiscalStartMonth);
    if (quarterly && month !== q.months[2]) return;
    const value = valueAt(month, t);
    if (value === null) return;
    addObs({
      kpiId: k.id,
      periodStart: quarterly ? q.start : `${month}-01`,
      periodEnd: quarterly ? q.end : lastDayOfMonth(month),
      value,
      initiativeId,
      segment: null,
      batchId: batch.id,
      sourceRow: batch.nextRow(),
    });
  });
}

/**
 * KPI observations, monthly or quarterly per the KPI's frequency, moving along each KPI's demo series:
 * first the workspace-level ones, then those initiative owners report for their own initiatives.
 */
export function generateObservations(ctx: DemoContext, ids: Map<string, number>): number {
  const { rnd, months } = ctx;
  const batch = demoBatch(ctx, 'kpis', 'KPI values');
  const addObs = observationInserter(ctx.db);
  const { fiscalStartMonth } = getSettings(ctx.db);
  const lastQuarter = quarterOfMonth(DEMO_LAST_MONTH, fiscalStartMonth).label;
  const kpis = listKpis(ctx.db);
  for (const kpi of kpis) {
    const series = DEMO_KPI_SERIES[kpi.id];
    if (kpi.id === 'key_actions') {
      const { start, end } = DEMO_KEY_ACTIONS;
      observeMonths(ctx, batch, addObs, kpi, months, null, (_, t) => {
        const progress = t / (months.length - 1);
        return Math.round(start + (end - start) * progress * (0.95 + rnd() * 0.1));
      });
      continue;
    }
    if (!series || series.missing === 'all') continue;
    observeMonths(ctx, batch, addObs, kpi, months, null, (month, t) =>
      series.missing === 'last-quarter' && quarterOfMonth(month, fiscalStartMonth).label === lastQuarter
        ? null
        : seriesValue(series, t / (months.length - 1), rnd, kpi),
    );
  }
  const own = seededRandom(INITIATIVE_SEED);
  for (const s of DEMO_INITIATIVE_KPIS) {
    const kpi = kpis.find((k) => k.id === s.kpi)!;
    const span = monthRange(s.from, DEMO_LAST_MONTH);
    observeMonths(ctx, batch, addObs, kpi, span, ids.get(s.initiative)!, (_, t) =>
      seriesValue(s, t / (span.length - 1), own, kpi),
    );
  }
  return batch.finish(false);
}
