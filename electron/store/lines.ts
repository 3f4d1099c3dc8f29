import {
  NO_ASSUMPTIONS,
  type BenefitLine,
  type BudgetLine,
  type KpiObservation,
  type SpendLine,
} from '../../shared/domain';
import { monthOf } from '../../shared/fiscal';
import type Database from 'better-sqlite3';
import type { WritableDb } from './connection';

/** Values per spend line in SPEND_INSERT_SQL (and per line of spendInsertSql). */
export const SPEND_VALUES = 14;

/** An insert of `lines` spend lines in one statement: SPEND_VALUES values per line, in SPEND_INSERT_SQL's order. */
export function spendInsertSql(lines: number): string {
  const one = `(${new Array<string>(SPEND_VALUES).fill('?').join(', ')})`;
  return `INSERT INTO spend (date, month, amount_micro, currency, initiative_id, category, vendor,
   cost_center, description, tokens_in, tokens_out, requests, batch_id, source_row)
 VALUES ${new Array<string>(lines).fill(one).join(', ')}`;
}

/** A spend line's insert: its 14 values in this order (spendBulk.ts binds them itself). */
export const SPEND_INSERT_SQL = spendInsertSql(1);

/**
 * Prepared inserters for the line tables. Callers wrap a whole batch in one transaction;
 * each returns a function so the statement is prepared once per batch, not once per row.
 */
/**
 * Runs SPEND_INSERT_SQL for one line, its values passed one by one (not spread from an array: no array per
 * line on the bulk path).
 */
export function runSpendInsert(stmt: Database.Statement, l: SpendLine): Database.RunResult {
  return stmt.run(
    l.date,
    monthOf(l.date),
    l.amount,
    l.currency,
    l.initiativeId,
    l.category,
    l.vendor,
    l.costCenter,
    l.description,
    l.tokensIn,
    l.tokensOut,
    l.requests,
    l.batchId,
    l.sourceRow,
  );
}

export function spendInserter(db: WritableDb): (l: SpendLine) => void {
  const stmt = db.prepare(SPEND_INSERT_SQL);
  return (l) => runSpendInsert(stmt, l);
}

export function budgetInserter(db: WritableDb): (l: BudgetLine) => void {
  const stmt = db.prepare(
    `INSERT INTO budget (month, amount_micro, currency, initiative_id, category, batch_id, source_row) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return (l) => stmt.run(l.month, l.amount, l.currency, l.initiativeId, l.category, l.batchId, l.sourceRow);
}

export function benefitInserter(db: WritableDb): (l: BenefitLine) => void {
  const stmt = db.prepare(
    `INSERT INTO benefits (date, month, initiative_id, amount_micro, currency, type, realized, description, batch_id, source_row,
       low_micro, high_micro, assumption, owner, source, confidence, evidence_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (l) => {
    const a = l.assumptions ?? NO_ASSUMPTIONS;
    stmt.run(
      l.date,
      monthOf(l.date),
      l.initiativeId,
      l.amount,
      l.currency,
      l.type,
      l.realized ? 1 : 0,
      l.description,
      l.batchId,
      l.sourceRow,
      a.low,
      a.high,
      a.assumption,
      a.owner,
      a.source,
      a.confidence,
      a.evidenceDate,
    );
  };
}

export function observationInserter(db: WritableDb): (o: KpiObservation) => void {
  const stmt = db.prepare(
    `INSERT INTO kpi_observations (kpi_id, period_start, period_end, value, initiative_id, segment, batch_id, source_row)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (o) =>
    stmt.run(o.kpiId, o.periodStart, o.periodEnd, o.value, o.initiativeId, o.segment, o.batchId, o.sourceRow);
}

export interface FxRate {
  month: string;
  currency: string;
  rate: string;
  batchId: number | null;
  sourceRow: number | null;
}

export function fxInserter(db: WritableDb): (r: FxRate) => void {
  const stmt = db.prepare(
    `INSERT INTO fx_rates (month, currency, rate, batch_id, source_row) VALUES (?, ?, ?, ?, ?)`,
  );
  return (r) => stmt.run(r.month, r.currency, r.rate, r.batchId, r.sourceRow);
}
