import type {
  Initiative,
  KpiDefinition,
  KpiObservation,
  SpendCategory,
  WorkspaceSettings,
} from '../../shared/domain';
import type { Month } from '../../shared/fiscal';
import type { Micro } from '../../shared/money';
import type { Db } from '../store/db';
import { listInitiatives } from '../store/initiatives';
import { listKpis } from '../store/kpis';
import { getSettings } from '../store/settings';
import { FxConverter } from './fx';
import { MonthlySeries } from './series';

/** A spend rollup row converted to the reporting currency. */
export interface SpendCell {
  month: Month;
  /** 0 = shared platform. */
  initiativeId: number;
  category: SpendCategory;
  vendor: string;
  currency: string;
  batchId: number;
  micro: Micro;
  lines: number;
}

/** Budget keys: a category or null ("no category"); initiative or 0. */
export const NO_CATEGORY = 'none';
export type BudgetCategoryKey = SpendCategory | typeof NO_CATEGORY;

/**
 * Everything a report needs from the store, read once with indexed queries over the rollup and the small
 * tables, converted to the reporting currency, and indexed by the keys the sections ask for.
 */
export interface ReportFacts {
  settings: WorkspaceSettings;
  initiatives: Initiative[];
  kpis: KpiDefinition[];
  observations: KpiObservation[];
  spendCells: SpendCell[];
  spendTotal: MonthlySeries<'all'>;
  spendByInitiative: MonthlySeries<number>;
  spendByCategory: MonthlySeries<SpendCategory>;
  spendByVendor: MonthlySeries<string>;
  budgetTotal: MonthlySeries<'all'>;
  budgetByCategory: MonthlySeries<BudgetCategoryKey>;
  benefitTotal: MonthlySeries<'realized' | 'projected'>;
  benefitByInitiative: MonthlySeries<string>; // `${initiativeId}|realized` / `${initiativeId}|projected`
  fx: FxConverter;
  /** First month with any spend or benefit on or before the as-of month. */
  firstMonth: Month | null;
  firstSpendMonth: Month | null;
  lastSpendMonth: Month | null;
}

export function benefitKey(initiativeId: number, realized: boolean): string {
  return `${initiativeId}|${realized ? 'realized' : 'projected'}`;
}

export interface FactWindow {
  /** Spend and benefits up to this month (inclusive): data dated later is ignored. */
  asOfMonth: Month;
  /** Budget up to this month (the fiscal year's end: the annual budget is a plan). */
  budgetThrough: Month;
  /** KPI observations whose period ends in [from, to]. */
  observationsFrom: string;
  observationsTo: string;
}

export function loadFacts(db: Db, w: FactWindow): ReportFacts {
  const settings = getSettings(db);
  const fx = new FxConverter(db, settings.currency.toUpperCase());

  const spendRows = db
    .prepare(
      `SELECT month, initiative_id, category, vendor, currency, batch_id, amount_micro, line_count
         FROM spend_monthly WHERE month <= ?`,
    )
    .raw()
    .all(w.asOfMonth) as [string, number, SpendCategory, string, string, number, number, number][];

  const spendCells: SpendCell[] = [];
  const spendTotal = new MonthlySeries<'all'>();
  const spendByInitiative = new MonthlySeries<number>();
  const spendByCategory = new MonthlySeries<SpendCategory>();
  const spendByVendor = new MonthlySeries<string>();
  let firstSpendMonth: Month | null = null;
  let lastSpendMonth: Month | null = null;
  for (const [month, initiativeId, category, vendor, currency, batchId, amount, lines] of spendRows) {
    if (lines === 0) continue;
    const micro = fx.convert(amount, currency, month);
    spendCells.push({ month, initiativeId, category, vendor, currency, batchId, micro, lines });
    spendTotal.add('all', month, micro, lines, batchId);
    spendByInitiative.add(initiativeId, month, micro, lines, batchId);
    spendByCategory.add(category, month, micro, lines, batchId);
    spendByVendor.add(vendor, month, micro, lines, batchId);
    if (firstSpendMonth === null || month < firstSpendMonth) firstSpendMonth = month;
    if (lastSpendMonth === null || month > lastSpendMonth) lastSpendMonth = month;
  }

  const budgetRows = db
    .prepare(
      `SELECT month, category, currency, coalesce(batch_id, 0) AS batch, sum(amount_micro) AS micro, count(*) AS n
         FROM budget WHERE month <= ? GROUP BY month, category, currency, batch`,
    )
    .raw()
    .all(w.budgetThrough) as [string, SpendCategory | null, string, number, number, number][];
  const budgetTotal = new MonthlySeries<'all'>();
  const budgetByCategory = new MonthlySeries<BudgetCategoryKey>();
  for (const [month, category, currency, batchId, amount, lines] of budgetRows) {
    const micro = fx.convert(amount, currency, month);
    budgetTotal.add('all', month, micro, lines, batchId);
    budgetByCategory.add(category ?? NO_CATEGORY, month, micro, lines, batchId);
  }

  const benefitRows = db
    .prepare(
      `SELECT month, initiative_id, realized, currency, coalesce(batch_id, 0) AS batch, sum(amount_micro), count(*)
         FROM benefits WHERE month <= ? GROUP BY month, initiative_id, realized, currency, batch`,
    )
    .raw()
    .all(w.asOfMonth) as [string, number, number, string, number, number, number][];
  const benefitTotal = new MonthlySeries<'realized' | 'projected'>();
  const benefitByInitiative = new MonthlySeries<string>();
  let firstMonth = firstSpendMonth;
  for (const [month, initiativeId, realized, currency, batchId, amount, lines] of benefitRows) {
    const micro = fx.convert(amount, currency, month);
    benefitTotal.add(realized === 1 ? 'realized' : 'projected', month, micro, lines, batchId);
    benefitByInitiative.add(benefitKey(initiativeId, realized === 1), month, micro, lines, batchId);
    if (firstMonth === null || month < firstMonth) firstMonth = month;
  }

  const observations = (
    db
      .prepare(
        `SELECT kpi_id, period_start, period_end, value, initiative_id, segment, batch_id, source_row
           FROM kpi_observations WHERE period_end BETWEEN ? AND ? ORDER BY kpi_id, period_end, id`,
      )
      .raw()
      .all(w.observationsFrom, w.observationsTo) as [
      string,
      string,
      string,
      number,
      number | null,
      string | null,
      number | null,
      number | null,
    ][]
  ).map(([kpiId, periodStart, periodEnd, value, initiativeId, segment, batchId, sourceRow]) => ({
    kpiId,
    periodStart,
    periodEnd,
    value,
    initiativeId,
    segment,
    batchId,
    sourceRow,
  }));

  return {
    settings,
    initiatives: listInitiatives(db),
    kpis: listKpis(db),
    observations,
    spendCells,
    spendTotal,
    spendByInitiative,
    spendByCategory,
    spendByVendor,
    budgetTotal,
    budgetByCategory,
    benefitTotal,
    benefitByInitiative,
    fx,
    firstMonth,
    firstSpendMonth,
    lastSpendMonth,
  };
}
