import type {
  Confidence,
  Initiative,
  KpiDefinition,
  KpiObservation,
  SpendCategory,
  WorkspaceSettings,
} from '../../shared/domain';
import { plausibleYears, type Month } from '../../shared/fiscal';
import { assumptionGroup } from '../../shared/metrics/sensitivity';
import type { Micro } from '../../shared/money';
import type { ReadableDb } from '../store/connection';
import { listInitiatives } from '../store/initiatives';
import { registerRows, workspaceId } from '../store/benefitAssumptions';
import { listKpis } from '../store/kpis';
import {
  benefitRows as readBenefitRows,
  budgetRows as readBudgetRows,
  observationRows,
  spendCells,
  type SpendCell,
} from '../store/reportFacts';
import { targetHistoryByKpi } from '../store/kpiTargets';
import type { KpiTargetEntry } from '../../shared/kpiTargets';
import { getSettings } from '../store/settings';
import { commitmentRows, type CommitmentRow } from '../store/commitments';
import { FxConverter, type FxRateUsed } from './fx';
import { dataOutsideRange, type DataOutsideRange } from './periods';
import { MonthlySeries, monthNumber } from './series';

export type { SpendCell };

/** Budget keys: a category or "none" (budget lines without a category). */
export const NO_CATEGORY = 'none';
export type BudgetCategoryKey = SpendCategory | typeof NO_CATEGORY;

/**
 * A benefit line with any of the assumption register's fields: its amount (the base case) and range
 * converted to the reporting currency at its month's rate, as its amount is in the benefit series; the
 * range as stated (its own currency) kept for the register.
 */
export interface RegisterLine {
  id: number;
  month: Month;
  date: string;
  initiativeId: number;
  realized: boolean;
  currency: string;
  statedAmount: Micro;
  statedLow: Micro | null;
  statedHigh: Micro | null;
  base: Micro;
  /** In the reporting currency; equal to `base` for a line without a range. */
  low: Micro;
  high: Micro;
  assumption: string | null;
  /** Lines with the same group move together (`assumptionGroup`), worked out once per load. */
  group: string;
  owner: string | null;
  source: string | null;
  confidence: Confidence | null;
  evidenceDate: string | null;
  batchId: number;
  sourceRow: number | null;
  editedAt: string | null;
}

/** A month whose amounts in a currency could not be converted (no rate). */
export interface MissingRate {
  table: 'spend' | 'budget' | 'benefits' | 'commitments';
  currency: string;
  month: Month;
}

/** A rate applied while loading, and to which table's amounts. */
export interface AppliedRate extends FxRateUsed {
  table: MissingRate['table'];
}

/** A stored commitment with its amount in the reporting currency, converted at its start month's rate. */
export interface FactCommitment extends CommitmentRow {
  amountReporting: Micro;
  /** The rate applied; null when stated in the reporting currency (or when the rate is missing). */
  rate: FxRateUsed | null;
}

/**
 * Everything a report needs from the store, for the whole workspace: read with a few queries over the
 * spend rollup and the small tables, converted to the reporting currency, and indexed in dense monthly
 * series. Reports for any quarter are computed from it; each section bounds its own month ranges, so data
 * dated after a period's end never enters that period's figures. Data dated outside the workspace's
 * plausible years is not read (`outsideRange` says how much there is): a stray year-9999 line must not
 * stretch every series over eight thousand years.
 */
export interface WorkspaceFacts {
  settings: WorkspaceSettings;
  initiatives: Initiative[];
  kpis: KpiDefinition[];
  /** Each KPI's target history (oldest quarter first); a KPI without one has its own target throughout. */
  targetHistory: Map<string, KpiTargetEntry[]>;
  /** By KPI id, ordered by period end. */
  observationsByKpi: Map<string, KpiObservation[]>;
  /** The observations carrying an initiative, by initiative id then KPI id, ordered by period end. */
  observationsByInitiative: Map<number, Map<string, KpiObservation[]>>;
  spendCells: SpendCell[];
  spendTotal: MonthlySeries<'all'>;
  spendByInitiative: MonthlySeries<number>;
  spendByCategory: MonthlySeries<SpendCategory>;
  spendByVendor: MonthlySeries<string>;
  budgetTotal: MonthlySeries<'all'>;
  budgetByCategory: MonthlySeries<BudgetCategoryKey>;
  benefitTotal: MonthlySeries<'realized' | 'projected'>;
  /** Keyed by `benefitKey(initiative, realized)`. */
  benefitByInitiative: MonthlySeries<string>;
  /** Benefit lines carrying register fields (ranges, assumptions, evidence), by month then id. */
  register: RegisterLine[];
  /** Commitments and prepaid credits, by start date (a handful: read whole). */
  commitments: FactCommitment[];
  /** The workspace's id: part of the sensitivity analysis's seed. */
  workspaceId: string;
  missingRates: MissingRate[];
  appliedRates: AppliedRate[];
  /** Stored data left out for being dated outside the plausible range (Settings). */
  outsideRange: DataOutsideRange[];
}

export function benefitKey(initiativeId: number, realized: boolean): string {
  return `${initiativeId}|${realized ? 'realized' : 'projected'}`;
}

function monthSpan(...lists: { 0: string }[][]): { first: Month; count: number } {
  let lo: Month | null = null;
  let hi: Month | null = null;
  for (const rows of lists) {
    for (const r of rows) {
      const m = r[0];
      if (lo === null || m < lo) lo = m;
      if (hi === null || m > hi) hi = m;
    }
  }
  return lo === null || hi === null
    ? { first: '2000-01', count: 1 }
    : { first: lo, count: monthNumber(hi) - monthNumber(lo) + 1 };
}

/** Converts one row's amount, recording the rate or the missing one. */
function converter(fx: FxConverter, missing: MissingRate[], applied: Map<string, AppliedRate>) {
  return (table: MissingRate['table'], micro: Micro, currency: string, month: Month): Micro => {
    if (currency === fx.reportingCurrency) return micro;
    const c = fx.tryConvert(micro, currency, month);
    if (c === null) {
      if (!missing.some((x) => x.table === table && x.currency === currency && x.month === month)) {
        missing.push({ table, currency: currency.toUpperCase(), month });
      }
      return 0;
    }
    if (c.rate) applied.set(`${table}|${month}|${c.rate.currency}`, { ...c.rate, table });
    return c.micro;
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function loadFacts(db: ReadableDb): WorkspaceFacts {
  const settings = getSettings(db);
  const fx = new FxConverter(db, settings.currency.toUpperCase());
  const missingRates: MissingRate[] = [];
  const applied = new Map<string, AppliedRate>();
  const convert = converter(fx, missingRates, applied);
  const years = plausibleYears(settings);
  const inRange = [`${years.earliestYear}-01`, `${years.latestYear}-12`] as const;

  const spendRows = spendCells(db, inRange);
  const budgetRows = readBudgetRows(db, inRange);
  const benefitRows = readBenefitRows(db, inRange);

  const span = monthSpan(spendRows, budgetRows, benefitRows);
  const series = <K>() => new MonthlySeries<K>(span.first, span.count);
  const spendTotal = series<'all'>();
  const spendByInitiative = series<number>();
  const spendByCategory = series<SpendCategory>();
  const spendByVendor = series<string>();
  const monthIndex = new Map<Month, number>();
  const at = (month: Month): number => {
    let i = monthIndex.get(month);
    if (i === undefined) monthIndex.set(month, (i = spendTotal.at(month)));
    return i;
  };
  for (const row of spendRows) {
    const [month, initiativeId, category, vendor, currency, batchId, amount, lines] = row;
    const micro = convert('spend', amount, currency, month);
    row[6] = micro;
    const i = at(month);
    spendTotal.add('all', i, micro, lines, batchId);
    spendByInitiative.add(initiativeId, i, micro, lines, batchId);
    spendByCategory.add(category, i, micro, lines, batchId);
    spendByVendor.add(vendor, i, micro, lines, batchId);
  }

  const budgetTotal = series<'all'>();
  const budgetByCategory = series<BudgetCategoryKey>();
  for (const [month, category, currency, batchId, amount, lines] of budgetRows) {
    const micro = convert('budget', amount, currency, month);
    const i = at(month);
    budgetTotal.add('all', i, micro, lines, batchId);
    budgetByCategory.add(category ?? NO_CATEGORY, i, micro, lines, batchId);
  }

  const benefitTotal = series<'realized' | 'projected'>();
  const benefitByInitiative = series<string>();
  for (const [month, initiativeId, realized, currency, batchId, amount, lines] of benefitRows) {
    const micro = convert('benefits', amount, currency, month);
    const i = at(month);
    benefitTotal.add(realized === 1 ? 'realized' : 'projected', i, micro, lines, batchId);
    benefitByInitiative.add(benefitKey(initiativeId, realized === 1), i, micro, lines, batchId);
  }

  const register: RegisterLine[] = registerRows(db, inRange[0]!, inRange[1]!)
    .map((r) => {
      const [id, month, date, initiativeId, realized, currency, amount, low, high] = r;
      const base = convert('benefits', amount, currency, month);
      return {
        id,
        month,
        date,
        initiativeId,
        realized: realized === 1,
        currency,
        statedAmount: amount,
        statedLow: low,
        statedHigh: high,
        base,
        low: low === null ? base : convert('benefits', low, currency, month),
        high: high === null ? base : convert('benefits', high, currency, month),
        assumption: r[9],
        group: assumptionGroup(r[9], id),
        owner: r[10],
        source: r[11],
        confidence: r[12],
        evidenceDate: r[13],
        batchId: r[14],
        sourceRow: r[15],
        editedAt: r[16],
      };
    })
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.id - b.id));

  const observationsByKpi = new Map<string, KpiObservation[]>();
  const observations = observationRows(db, inRange).map(
    ([kpiId, periodStart, periodEnd, value, initiativeId, segment, batchId, sourceRow]) => ({
      kpiId,
      periodStart,
      periodEnd,
      value,
      initiativeId,
      segment,
      batchId,
      sourceRow,
    }),
  );
  const observationsByInitiative = new Map<number, Map<string, KpiObservation[]>>();
  for (const o of observations) {
    push(observationsByKpi, o.kpiId, o);
    if (o.initiativeId === null) continue;
    let byKpi = observationsByInitiative.get(o.initiativeId);
    if (!byKpi) observationsByInitiative.set(o.initiativeId, (byKpi = new Map()));
    push(byKpi, o.kpiId, o);
  }

  const commitments = commitmentRows(db).map((c): FactCommitment => {
    const month = c.start.slice(0, 7);
    const amountReporting = convert('commitments', c.amount, c.currency, month);
    const cur = c.currency.toUpperCase();
    return { ...c, amountReporting, rate: applied.get(`commitments|${month}|${cur}`) ?? null };
  });

  return {
    settings,
    initiatives: listInitiatives(db),
    kpis: listKpis(db),
    targetHistory: targetHistoryByKpi(db),
    observationsByKpi,
    observationsByInitiative,
    spendCells: spendRows,
    spendTotal,
    spendByInitiative,
    spendByCategory,
    spendByVendor,
    budgetTotal,
    budgetByCategory,
    benefitTotal,
    benefitByInitiative,
    register,
    commitments,
    workspaceId: workspaceId(db),
    missingRates,
    appliedRates: [...applied.values()],
    outsideRange: dataOutsideRange(db, years),
  };
}
