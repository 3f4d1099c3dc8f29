import type { CommitmentLine, CommitmentTerms } from '../../shared/domain';
import { MoneyOverflowError } from '../../shared/money';
import { cached, type ReadableDb, type WritableDb } from './connection';

/** The commitments inserter for one import batch (prepared once, run per row inside the batch's transaction). */
export function commitmentInserter(db: WritableDb): (c: CommitmentLine) => void {
  const stmt = db.prepare(
    `INSERT INTO commitments (vendor, amount_micro, currency, start_date, end_date, type, initiative_id, description,
       batch_id, source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (c) =>
    stmt.run(
      c.vendor,
      c.amount,
      c.currency,
      c.start,
      c.end,
      c.type,
      c.initiativeId,
      c.description,
      c.batchId,
      c.sourceRow,
    );
}

/** A stored commitment as the report reads it, with its id and its initiative's name. */
export interface CommitmentRow extends CommitmentTerms {
  id: number;
  initiative: string | null;
  batchId: number | null;
  sourceRow: number | null;
}

/** Every stored commitment (a handful per workspace), by start date, vendor, then as imported. */
export function commitmentRows(db: ReadableDb): CommitmentRow[] {
  const rows = cached(
    db,
    `SELECT c.id, c.vendor, c.amount_micro AS amount, c.currency, c.start_date AS start, c.end_date AS "end", c.type,
            i.name AS initiative, c.description, c.batch_id AS batchId, c.source_row AS sourceRow
       FROM commitments c LEFT JOIN initiatives i ON i.id = c.initiative_id
      ORDER BY c.start_date, c.vendor, c.id`,
  ).all() as CommitmentRow[];
  for (const r of rows) if (!Number.isSafeInteger(r.amount)) throw new MoneyOverflowError('Amount');
  return rows;
}
