import { lastDayOfMonth, quarterOfMonth } from '../../shared/fiscal';
import { listKpis } from '../store/kpis';
import { observationInserter } from '../store/lines';
import { getSettings } from '../store/settings';
import { DEMO_LAST_MONTH } from './catalog';
import { demoBatch, type DemoContext } from './context';
import { DEMO_KEY_ACTIONS, DEMO_KPI_SERIES } from './kpiSeries';

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** KPI observations, monthly or quarterly per the KPI's frequency, moving along each KPI's demo series. */
export function generateObservations(ctx: DemoContext): number {
  const { rnd, months } = ctx;
  const batch = demoBatch(ctx, 'kpis', 'KPI observations');
  const addObs = observationInserter(ctx.db);
  const { fiscalStartMonth } = getSettings(ctx.db);
  const lastQuarter = quarterOfMonth(DEMO_LAST_MONTH, fiscalStartMonth).label;
  for (const kpi of listKpis(ctx.db)) {
    const series = DEMO_KPI_SERIES[kpi.id];
    const isKeyActions = kpi.id === 'key_actions';
    if ((!series && !isKeyActions) || series?.missing === 'all') continue;
    const quarterly = kpi.frequency === 'quarterly';
    months.forEach((month, t) => {
      const q = quarterOfMonth(month, fiscalStartMonth);
      if (quarterly && month !== q.months[2]) return;
      if (series?.missing === 'last-quarter' && q.label === lastQuarter) return;
      const progress = t / (months.length - 1);
      let value: number;
      if (isKeyActions) {
        const { start, end } = DEMO_KEY_ACTIONS;
        value = Math.round(start + (end - start) * progress * (0.95 + rnd() * 0.1));
      } else {
        const s = series!;
        value = round(s.start + (s.end - s.start) * progress + (rnd() * 2 - 1) * s.noise, s.decimals);
        if (kpi.unit === 'ratio') value = Math.min(1, Math.max(0, value));
        if (kpi.unit === 'count') value = Math.max(0, value);
      }
      addObs({
        kpiId: kpi.id,
        periodStart: quarterly ? q.start : `${month}-01`,
        periodEnd: quarterly ? q.end : lastDayOfMonth(month),
        value,
        initiativeId: null,
        segment: null,
        batchId: batch.id,
        sourceRow: batch.nextRow(),
      });
    });
  }
  return batch.finish(false);
}
