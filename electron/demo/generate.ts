import { monthRange } from '../../shared/fiscal';
import { batchCount } from '../store/batches';
import { writeTransaction, type WritableDb } from '../store/connection';
import { insertInitiative } from '../store/initiatives';
import { setCommentary } from '../store/commentary';
import { getSettings, updateSettings } from '../store/settings';
import { generateBenefits } from './benefits';
import { generateBudget } from './budget';
import { generateCommitments } from './commitments';
import { DEMO_FIRST_MONTH, DEMO_INITIATIVES, DEMO_LAST_MONTH } from './catalog';
import { DEMO_COMMENTARY } from './commentary';
import { DEMO_TIME, demoBatch, type DemoContext } from './context';
import { generateObservations } from './observations';
import { seededRandom } from './random';
import { generateSpend } from './spend';

export interface DemoSummary {
  initiatives: number;
  spendLines: number;
  budgetLines: number;
  benefitLines: number;
  observations: number;
  commitments: number;
  firstMonth: string;
  lastMonth: string;
}

function generateInitiatives(ctx: DemoContext): Map<string, number> {
  const batch = demoBatch(ctx, 'initiatives', 'initiatives');
  const ids = new Map<string, number>();
  for (const d of DEMO_INITIATIVES) {
    const id = insertInitiative(
      ctx.db,
      {
        name: d.name,
        owner: d.owner,
        businessUnit: d.businessUnit,
        stage: d.stage,
        riskTier: d.riskTier,
        approvalDate: d.approval,
        hasBaseline: d.hasBaseline,
        hasOutcomeInstrumentation: d.hasBaseline,
        conceptApprovedDate: d.conceptApproved,
        productionDate: d.production,
        description: d.description,
        sourceRow: batch.nextRow(),
      },
      batch.id,
    );
    ids.set(d.name, id);
  }
  batch.finish(false);
  return ids;
}

/**
 * Fills an empty workspace with a deterministic, realistic portfolio: nine initiatives across stages
 * and risk tiers, seven quarters of monthly spend, budgets, benefits and KPI observations, in one
 * transaction. All of it is recorded under "demo" batches so every figure still traces to a source.
 */
export function generateDemo(db: WritableDb): DemoSummary {
  if (batchCount(db) > 0) throw new Error('The demo data can only be generated into an empty workspace.');
  return writeTransaction(db, () => {
    updateSettings(db, {
      name: 'Demo workspace',
      companyName: 'Northwind Holdings',
      currency: 'USD',
      fiscalStartMonth: 1,
    });
    const ctx: DemoContext = {
      db,
      rnd: seededRandom(20_260_930),
      currency: getSettings(db).currency,
      months: monthRange(DEMO_FIRST_MONTH, DEMO_LAST_MONTH),
    };
    const ids = generateInitiatives(ctx);
    const spend = generateSpend(ctx, ids);
    const summary: DemoSummary = {
      initiatives: ids.size,
      spendLines: spend.lines,
      budgetLines: generateBudget(ctx, spend.plan),
      benefitLines: generateBenefits(ctx, ids),
      observations: generateObservations(ctx, ids),
      commitments: generateCommitments(ctx),
      firstMonth: DEMO_FIRST_MONTH,
      lastMonth: DEMO_LAST_MONTH,
    };
    for (const c of DEMO_COMMENTARY) setCommentary(db, c, DEMO_TIME);
    return summary;
  });
}
