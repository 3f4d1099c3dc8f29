import type { SpendCategory } from '../../shared/domain';
import { spendInserter } from '../store/lines';
import { DEMO_INITIATIVES, DEMO_SHARED } from './catalog';
import { demoBatch, toMicro, type DemoContext } from './context';

/** Month-specific surprises for the anomaly detector: runaway token usage and a retraining burst. */
const SPIKES: { initiative: string; category: SpendCategory; month: string; factor: number }[] = [
  { initiative: 'Claims Triage Automation', category: 'model_api', month: '2026-08', factor: 3.6 },
  { initiative: 'Fraud Detection Uplift', category: 'compute', month: '2026-05', factor: 2.4 },
];

/** Planned spend in whole units by `${month}|${category}`: what the budget is drawn up from. */
export type SpendPlan = Map<string, number>;

/**
 * A few billing lines per initiative, category and month (growing ~1.5% a month), plus the shared
 * platform. Returns the line count and the plan the budget is derived from.
 */
export function generateSpend(
  ctx: DemoContext,
  ids: Map<string, number>,
): { lines: number; plan: SpendPlan } {
  const { rnd, currency, months } = ctx;
  const batch = demoBatch(ctx, 'spend', 'spend');
  const addSpend = spendInserter(ctx.db);
  const plan: SpendPlan = new Map();
  const addPlan = (month: string, category: SpendCategory, units: number) =>
    plan.set(`${month}|${category}`, (plan.get(`${month}|${category}`) ?? 0) + units);
  const base = { currency, tokensIn: null, tokensOut: null, requests: null, batchId: batch.id };

  months.forEach((month, t) => {
    for (const d of DEMO_INITIATIVES) {
      if (month < d.from || (d.to && month > d.to)) continue;
      const age = t - months.indexOf(d.from);
      for (const [category, monthly] of Object.entries(d.monthly) as [SpendCategory, number][]) {
        const planned = monthly * (1 + 0.015 * age);
        addPlan(month, category, planned);
        const spike = SPIKES.find(
          (s) => s.initiative === d.name && s.category === category && s.month === month,
        );
        const actual = planned * (0.94 + rnd() * 0.12) * (spike?.factor ?? 1);
        const parts = category === 'model_api' || category === 'compute' ? 3 : 1;
        for (let p = 0; p < parts; p++) {
          const day = String(Math.min(28, 1 + p * 10 + Math.floor(rnd() * 9))).padStart(2, '0');
          const amount = toMicro(actual / parts, rnd);
          const tokens = category === 'model_api' ? Math.round((actual / parts) * 180_000) : null;
          addSpend({
            ...base,
            date: `${month}-${day}`,
            amount,
            initiativeId: ids.get(d.name)!,
            category,
            vendor: d.vendors[category] ?? null,
            costCenter: d.businessUnit,
            description: `${d.name} — ${category.replace('_', ' ')}${parts > 1 ? ` (invoice ${p + 1}/${parts})` : ''}`,
            tokensIn: tokens === null ? null : Math.round(tokens * 0.8),
            tokensOut: tokens === null ? null : Math.round(tokens * 0.2),
            requests: tokens === null ? null : Math.round(tokens / 1_400),
            sourceRow: batch.nextRow(),
          });
          batch.add(amount);
        }
      }
    }
    for (const s of DEMO_SHARED) {
      const planned = s.monthly * (1 + 0.01 * t);
      addPlan(month, s.category, planned);
      const amount = toMicro(planned * (0.97 + rnd() * 0.06), rnd);
      addSpend({
        ...base,
        date: `${month}-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`,
        amount,
        initiativeId: null,
        category: s.category,
        vendor: s.vendor,
        costCenter: 'AI Platform',
        description: s.description,
        sourceRow: batch.nextRow(),
      });
      batch.add(amount);
    }
  });
  return { lines: batch.finish(true), plan };
}
