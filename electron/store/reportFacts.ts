import type { SpendCategory } from '../../shared/domain';
import type { Month } from '../../shared/fiscal';
import { MoneyOverflowError, type Micro } from '../../shared/money';
import { cached, type ReadableDb } from './connection';

/** What the report reads from the store, over a month range (`YYYY-MM`, both ends included). */
export type MonthRange = readonly [from: string, to: string];

/**
 * A spend rollup row, amount in its own currency (the report converts it in place):
 * [month, initiative id (0 = shared platform), category, vendor ('' = none), currency, batch id (0 = none), micro, lines].
 */
export type SpendCell = [Month, number, SpendCategory, string, string, number, Micro, number];
/** [month, category, currency, batch id (0 = none), micro, lines (1)]: a budget line as stored. */
export type BudgetRow = [Month, SpendCategory | null, string, number, Micro, number];
/** [month, initiative id, realized (0/1), currency, batch id (0 = none), micro, lines (1)]: a benefit line as stored. */
export type BenefitRow = [Month, number, number, string, number, Micro, number];
/** [kpi id, period start, period end, value, initiative id, segment, batch id, source row]. */
export type ObservationRow = [
  string,
  string,
  string,
  number,
  number | null,
  string | null,
  number | null,
  number | null,
];

/**
 * Rows as one JSON array built inside SQLite and parsed once by V8: far cheaper than materializing each row
 * through the driver. Amounts are integers; any that JSON could not carry exactly is refused.
 */
function jsonRows<T extends unknown[]>(
  db: ReadableDb,
  sql: string,
  amountIndex: number,
  range: MonthRange,
): T[] {
  const text = cached(db, sql, 'pluck').get(range[0], range[1]) as string;
  const rows = JSON.parse(text) as T[];
  for (const r of rows) if (!Number.isSafeInteger(r[amountIndex])) throw new MoneyOverflowError('Amount');
  return rows;
}

const SPEND_CELLS = `SELECT json_group_array(json_array(month, initiative_id, category, vendor, currency, batch_id,
  amount_micro, line_count)) FROM spend_monthly WHERE line_count <> 0 AND month BETWEEN ? AND ?`;
// Budget and benefit lines are read as stored (no GROUP BY: the report's series add them up exactly).
const BUDGET_ROWS = `SELECT json_group_array(json_array(month, category, currency, coalesce(batch_id, 0), amount_micro, 1))
  FROM budget WHERE month BETWEEN ? AND ?`;
const BENEFIT_ROWS = `SELECT json_group_array(json_array(month, initiative_id, realized, currency, coalesce(batch_id, 0),
  amount_micro, 1)) FROM benefits WHERE month BETWEEN ? AND ?`;

/** The spend rollup's non-empty cells in the range. */
export function spendCells(db: ReadableDb, range: MonthRange): SpendCell[] {
  return jsonRows<SpendCell>(db, SPEND_CELLS, 6, range);
}

export function budgetRows(db: ReadableDb, range: MonthRange): BudgetRow[] {
  return jsonRows<BudgetRow>(db, BUDGET_ROWS, 4, range);
}

export function benefitRows(db: ReadableDb, range: MonthRange): BenefitRow[] {
  return jsonRows<BenefitRow>(db, BENEFIT_ROWS, 5, range);
}

/** KPI observations whose period ends in the range, by KPI, period end, then as stored. */
export function observationRows(db: ReadableDb, range: MonthRange): ObservationRow[] {
  return cached(
    db,
    `SELECT kpi_id, period_start, period_end, value, initiative_id, segment, batch_id, source_row
       FROM kpi_observations WHERE substr(period_end, 1, 7) BETWEEN ? AND ? ORDER BY kpi_id, period_end, id`,
    'raw',
  ).all(range[0], range[1]) as ObservationRow[];
}

/** The months in the range with any data (spend, budget, benefits, KPI period ends), oldest first. */
export function monthsWithData(db: ReadableDb, range: MonthRange): Month[] {
  return cached(
    db,
    `SELECT month FROM (
       SELECT DISTINCT month FROM spend_monthly UNION SELECT DISTINCT month FROM budget
       UNION SELECT DISTINCT month FROM benefits UNION SELECT DISTINCT substr(period_end, 1, 7) FROM kpi_observations)
      WHERE month BETWEEN ? AND ? ORDER BY 1`,
    'pluck',
  ).all(range[0], range[1]) as Month[];
}

/** The latest month in the range with spend; null without any. */
export function lastSpendMonth(db: ReadableDb, range: MonthRange): Month | null {
  return cached(db, 'SELECT max(month) FROM spend_monthly WHERE month BETWEEN ? AND ?', 'pluck').get(
    range[0],
    range[1],
  ) as Month | null;
}

/** Stored data dated outside a range, per table. */
export interface DataOutsideRange {
  what: string;
  rows: number;
  first: string;
  last: string;
}

const DATED = [
  [
    'spend lines',
    'SELECT sum(line_count), min(month), max(month) FROM spend_monthly WHERE month < ? OR month > ?',
  ],
  ['budget lines', 'SELECT count(*), min(month), max(month) FROM budget WHERE month < ? OR month > ?'],
  ['benefit lines', 'SELECT count(*), min(month), max(month) FROM benefits WHERE month < ? OR month > ?'],
  [
    'KPI values',
    `SELECT count(*), min(substr(period_end, 1, 7)), max(substr(period_end, 1, 7)) FROM kpi_observations
      WHERE substr(period_end, 1, 7) < ? OR substr(period_end, 1, 7) > ?`,
  ],
] as const;

/** How many spend, budget, benefit lines and KPI values are dated before or after the range, and when. */
export function dataOutside(db: ReadableDb, range: MonthRange): DataOutsideRange[] {
  const out: DataOutsideRange[] = [];
  for (const [what, sql] of DATED) {
    const [rows, first, last] = cached(db, sql, 'raw').get(range[0], range[1]) as [
      number | null,
      string,
      string,
    ];
    if (rows) out.push({ what, rows, first, last });
  }
  return out;
}

/**
 * Each month and (upper-cased) currency that spend, budget or benefit amounts are stored in, and the start month
 * of each commitment (converted at that month's rate).
 */
export function amountCurrencyMonths(db: ReadableDb): { month: Month; currency: string }[] {
  return cached(
    db,
    `SELECT DISTINCT month, upper(currency) AS currency FROM spend_monthly
     UNION SELECT DISTINCT month, upper(currency) FROM budget
     UNION SELECT DISTINCT month, upper(currency) FROM benefits
     UNION SELECT DISTINCT substr(start_date, 1, 7), upper(currency) FROM commitments`,
  ).all() as { month: Month; currency: string }[];
}
