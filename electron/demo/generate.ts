import crypto from 'node:crypto';
import type { SpendCategory } from '../../shared/domain';
import { addMonths, lastDayOfMonth, monthRange, quarterOfMonth } from '../../shared/fiscal';
import { MICRO_PER_UNIT } from '../../shared/money';
import { createBatch, finishBatch } from '../store/batches';
import type { Db } from '../store/db';
import { insertInitiative } from '../store/initiatives';
import { listKpis } from '../store/kpis';
import { benefitInserter, budgetInserter, observationInserter, spendInserter } from '../store/lines';
import { setCommentary } from '../store/commentary';
import { getSettings, updateSettings } from '../store/settings';
import { DEMO_FIRST_MONTH, DEMO_INITIATIVES, DEMO_LAST_MONTH, DEMO_SHARED } from './catalog';
import { DEMO_COMMENTARY } from './commentary';
import { DEMO_KEY_ACTIONS, DEMO_KPI_SERIES } from './kpiSeries';
import { seededRandom } from './random';

export const DEMO_VERSION = 'caio-demo-v1';
const DEMO_SHA = crypto.createHash('sha256').update(DEMO_VERSION).digest('hex');
const DEMO_TIME = '2026-10-05T09:00:00.000Z';

export interface DemoSummary {
  initiatives: number;
  spendLines: number;
  budgetLines: number;
  benefitLines: number;
  observations: number;
  firstMonth: string;
  lastMonth: string;
}

/** Budget as a share of plan per category: model API spend runs over plan, as it does in real programmes. */
const BUDGET_FACTOR: Record<SpendCategory, number> = {
  model_api: 0.86,
  compute: 1.02,
  labor: 0.97,
  platform: 1.0,
  tooling: 1.06,
  other: 1.15,
};

/** Month-specific surprises for the anomaly detector: runaway token usage and a retraining burst. */
const SPIKES: { initiative: string; category: SpendCategory; month: string; factor: number }[] = [
  { initiative: 'Claims Triage Automation', category: 'model_api', month: '2026-08', factor: 3.6 },
  { initiative: 'Fraud Detection Uplift', category: 'compute', month: '2026-05', factor: 2.4 },
];

/** Realized benefits as measured are larger than the catalog's conservative run-rates. */
const BENEFIT_SCALE = 1.8;

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Whole units → micro-units, with a sub-cent tail like real token billing. */
function toMicro(units: number, rnd: () => number): number {
  return Math.round(units * 100) * 10_000 + Math.floor(rnd() * 10_000);
}

/**
 * Fills an empty workspace with a deterministic, realistic portfolio: nine initiatives across stages
 * and risk tiers, seven quarters of monthly spend, budgets, benefits and KPI observations.
 * All of it is recorded under "demo" batches so every figure still traces to a source.
 */
export function generateDemo(db: Db): DemoSummary {
  const existing = db.prepare('SELECT count(*) FROM import_batches').pluck().get() as number;
  if (existing > 0) throw new Error('The demo data can only be generated into an empty workspace.');
  const rnd = seededRandom(20_260_930);
  const months = monthRange(DEMO_FIRST_MONTH, DEMO_LAST_MONTH);
  const summary: DemoSummary = {
    initiatives: 0,
    spendLines: 0,
    budgetLines: 0,
    benefitLines: 0,
    observations: 0,
    firstMonth: DEMO_FIRST_MONTH,
    lastMonth: DEMO_LAST_MONTH,
  };

  db.transaction(() => {
    updateSettings(db, {
      name: 'Demo workspace',
      companyName: 'Northwind Holdings',
      currency: 'USD',
      fiscalStartMonth: 1,
    });
    const currency = getSettings(db).currency;
    const batch = (kind: 'initiatives' | 'spend' | 'budget' | 'benefits' | 'kpis', name: string) =>
      createBatch(
        db,
        {
          kind,
          format: 'demo',
          fileName: `Demo data: ${name}`,
          fileSha256: DEMO_SHA,
          fileSize: 0,
          sheet: null,
        },
        DEMO_TIME,
      );

    // Initiatives
    const initBatch = batch('initiatives', 'initiatives');
    const ids = new Map<string, number>();
    DEMO_INITIATIVES.forEach((d, i) => {
      ids.set(
        d.name,
        insertInitiative(
          db,
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
            sourceRow: i + 1,
          },
          initBatch,
        ),
      );
    });
    summary.initiatives = DEMO_INITIATIVES.length;
    finishBatch(db, initBatch, { rows: DEMO_INITIATIVES.length, excluded: 0, total: null, currency: null });

    // Spend: a few billing lines per initiative, category and month; growth of ~1.5% a month.
    const spendBatch = batch('spend', 'spend');
    const addSpend = spendInserter(db);
    const plan = new Map<string, number>(); // `${month}|${category}` → planned whole units
    let spendTotal = 0;
    let row = 0;
    const addPlan = (month: string, category: SpendCategory, units: number) =>
      plan.set(`${month}|${category}`, (plan.get(`${month}|${category}`) ?? 0) + units);

    for (const month of months) {
      const t = months.indexOf(month);
      for (const d of DEMO_INITIATIVES) {
        if (month < d.from || (d.to && month > d.to)) continue;
        const age = months.indexOf(month) - months.indexOf(d.from);
        for (const [category, base] of Object.entries(d.monthly) as [SpendCategory, number][]) {
          const planned = base * (1 + 0.015 * age);
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
              date: `${month}-${day}`,
              amount,
              currency,
              initiativeId: ids.get(d.name)!,
              category,
              vendor: d.vendors[category] ?? null,
              costCenter: d.businessUnit,
              description: `${d.name} — ${category.replace('_', ' ')}${parts > 1 ? ` (invoice ${p + 1}/${parts})` : ''}`,
              tokensIn: tokens === null ? null : Math.round(tokens * 0.8),
              tokensOut: tokens === null ? null : Math.round(tokens * 0.2),
              requests: tokens === null ? null : Math.round(tokens / 1_400),
              batchId: spendBatch,
              sourceRow: ++row,
            });
            spendTotal += amount;
          }
        }
      }
      for (const s of DEMO_SHARED) {
        const planned = s.monthly * (1 + 0.01 * t);
        addPlan(month, s.category, planned);
        const amount = toMicro(planned * (0.97 + rnd() * 0.06), rnd);
        addSpend({
          date: `${month}-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`,
          amount,
          currency,
          initiativeId: null,
          category: s.category,
          vendor: s.vendor,
          costCenter: 'AI Platform',
          description: s.description,
          tokensIn: null,
          tokensOut: null,
          requests: null,
          batchId: spendBatch,
          sourceRow: ++row,
        });
        spendTotal += amount;
      }
    }
    summary.spendLines = row;
    finishBatch(db, spendBatch, { rows: row, excluded: 0, total: spendTotal, currency });

    // Budget: full fiscal years 2025 and 2026 by category, from the plan (later months extrapolated).
    const budgetBatch = batch('budget', 'budget');
    const addBudget = budgetInserter(db);
    let budgetTotal = 0;
    row = 0;
    for (const month of monthRange('2025-01', '2026-12')) {
      const source = month <= DEMO_LAST_MONTH ? month : DEMO_LAST_MONTH;
      for (const category of Object.keys(BUDGET_FACTOR) as SpendCategory[]) {
        const planned = plan.get(`${source}|${category}`) ?? 0;
        if (planned === 0) continue;
        const growth = month <= DEMO_LAST_MONTH ? 1 : 1 + 0.01 * (Number(month.slice(5)) - 9);
        const amount = Math.round((planned * BUDGET_FACTOR[category] * growth) / 100) * 100 * MICRO_PER_UNIT;
        addBudget({
          month,
          amount,
          currency,
          initiativeId: null,
          category,
          batchId: budgetBatch,
          sourceRow: ++row,
        });
        budgetTotal += amount;
      }
    }
    summary.budgetLines = row;
    finishBatch(db, budgetBatch, { rows: row, excluded: 0, total: budgetTotal, currency });

    // Benefits: realized from production, ramping up; projected for pilots and experiments.
    const benefitBatch = batch('benefits', 'benefits');
    const addBenefit = benefitInserter(db);
    let benefitTotal = 0;
    row = 0;
    for (const d of DEMO_INITIATIVES) {
      const id = ids.get(d.name)!;
      if (d.production && d.benefit > 0) {
        const start = d.production.slice(0, 7);
        const end = d.to ?? DEMO_LAST_MONTH;
        monthRange(start < DEMO_FIRST_MONTH ? DEMO_FIRST_MONTH : start, end).forEach((month, k) => {
          const ramp = Math.min(1, (k + 1) / d.rampMonths) * BENEFIT_SCALE;
          const amount = toMicro(d.benefit * ramp * (0.9 + rnd() * 0.2), rnd);
          addBenefit({
            date: lastDayOfMonth(month),
            initiativeId: id,
            amount,
            currency,
            type: d.benefitType,
            realized: true,
            description: `${d.name}: measured against baseline`,
            batchId: benefitBatch,
            sourceRow: ++row,
          });
          benefitTotal += amount;
        });
      }
      if (d.projected) {
        for (const month of monthRange(addMonths(d.from, 3), '2026-12')) {
          const amount = toMicro(d.projected, rnd);
          addBenefit({
            date: lastDayOfMonth(month),
            initiativeId: id,
            amount,
            currency,
            type: d.benefitType,
            realized: false,
            description: `${d.name}: business-case projection`,
            batchId: benefitBatch,
            sourceRow: ++row,
          });
          benefitTotal += amount;
        }
      }
    }
    summary.benefitLines = row;
    finishBatch(db, benefitBatch, { rows: row, excluded: 0, total: benefitTotal, currency });

    // KPI observations: monthly or quarterly per the KPI's frequency.
    const kpiBatch = batch('kpis', 'KPI observations');
    const addObs = observationInserter(db);
    const settings = getSettings(db);
    const lastQuarter = quarterOfMonth(DEMO_LAST_MONTH, settings.fiscalStartMonth).label;
    row = 0;
    for (const kpi of listKpis(db)) {
      const series = DEMO_KPI_SERIES[kpi.id];
      const isKeyActions = kpi.id === 'key_actions';
      if ((!series && !isKeyActions) || series?.missing === 'all') continue;
      const quarterly = kpi.frequency === 'quarterly';
      months.forEach((month, t) => {
        const q = quarterOfMonth(month, settings.fiscalStartMonth);
        if (quarterly && month !== q.months[2]) return;
        if (series?.missing === 'last-quarter' && q.label === lastQuarter) return;
        const progress = t / (months.length - 1);
        let value: number;
        if (isKeyActions) {
          value = Math.round(
            DEMO_KEY_ACTIONS.start +
              (DEMO_KEY_ACTIONS.end - DEMO_KEY_ACTIONS.start) * progress * (0.95 + rnd() * 0.1),
          );
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
          batchId: kpiBatch,
          sourceRow: ++row,
        });
      });
    }
    summary.observations = row;
    finishBatch(db, kpiBatch, { rows: row, excluded: 0, total: null, currency: null });

    for (const c of DEMO_COMMENTARY) setCommentary(db, c, DEMO_TIME);
  })();
  return summary;
}
