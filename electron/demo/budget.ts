import type { SpendCategory } from '../../shared/domain';
import { monthRange } from '../../shared/fiscal';
import { MICRO_PER_UNIT } from '../../shared/money';
import { budgetInserter } from '../store/lines';
import { DEMO_LAST_MONTH } from './catalog';
import { demoBatch, type DemoContext } from './context';
import type { SpendPlan } from './spend';

/** Budget as a share of plan per category: model API spend runs over plan, as it does in real programmes. */
const BUDGET_FACTOR: Record<SpendCategory, number> = {
  model_api: 0.86,
  compute: 1.02,
  labor: 0.97,
  platform: 1.0,
  tooling: 1.06,
  other: 1.15,
};

/** Full fiscal years 2025 and 2026 by category, from the plan (months after the data extrapolated). */
export function generateBudget(ctx: DemoContext, plan: SpendPlan): number {
  const batch = demoBatch(ctx, 'budget', 'budget');
  const addBudget = budgetInserter(ctx.db);
  for (const month of monthRange('2025-01', '2026-12')) {
    const source = month <= DEMO_LAST_MONTH ? month : DEMO_LAST_MONTH;
    for (const category of Object.keys(BUDGET_FACTOR) as SpendCategory[]) {
      const planned = plan.get(`${source}|${category}`) ?? 0;
      if (planned === 0) continue;
      const growth = month <= DEMO_LAST_MONTH ? 1 : 1 + 0.01 * (Number(month.slice(5)) - 9);
      // Budgets are set in round hundreds.
      const amount = Math.round((planned * BUDGET_FACTOR[category] * growth) / 100) * 100 * MICRO_PER_UNIT;
      addBudget({
        month,
        amount,
        currency: ctx.currency,
        initiativeId: null,
        category,
        batchId: batch.id,
        sourceRow: batch.nextRow(),
      });
      batch.add(amount);
    }
  }
  return batch.finish(true);
}
