import { CONFIDENCE_LEVELS, type BenefitAssumptions, type Confidence } from '../../shared/domain';
import { MoneyOverflowError, type Micro } from '../../shared/money';
import type { BenefitAssumptionLine } from '../../shared/api/benefits';
import type { ReadableDb, WritableDb } from './connection';

/**
 * A benefit line that carries any of the register's fields, as the report reads it:
 * [id, month, date, initiative id, realized (0/1), currency, amount, low, high, assumption, owner, source,
 *  confidence, evidence date, batch id (0 = none), source row, last edited at (null = as imported)].
 */
export type RegisterRow = [
  number,
  string,
  string,
  number,
  number,
  string,
  Micro,
  Micro | null,
  Micro | null,
  string | null,
  string | null,
  string | null,
  Confidence | null,
  string | null,
  number,
  number | null,
  string | null,
];

/**
 * The benefit lines dated in [from, to] months with a range or any register field, in one JSON array built
 * inside SQLite (as the report's other facts are read). Lines with none of them are not the register's.
 */
export function registerRows(db: ReadableDb, from: string, to: string): RegisterRow[] {
  const text = db
    .prepare(
      `SELECT json_group_array(json_array(b.id, b.month, b.date, b.initiative_id, b.realized, b.currency,
                b.amount_micro, b.low_micro, b.high_micro, b.assumption, b.owner, b.source, b.confidence,
                b.evidence_date, coalesce(b.batch_id, 0), b.source_row,
                (SELECT max(e.edited_at) FROM benefit_edits e WHERE e.benefit_id = b.id)))
         FROM benefits b
        WHERE b.month BETWEEN ? AND ?
          AND (b.low_micro IS NOT NULL OR b.assumption IS NOT NULL OR b.owner IS NOT NULL OR b.source IS NOT NULL
               OR b.confidence IS NOT NULL OR b.evidence_date IS NOT NULL)`,
    )
    .pluck()
    .get(from, to) as string;
  const rows = JSON.parse(text) as RegisterRow[];
  for (const r of rows) {
    for (const i of [6, 7, 8]) {
      const v = r[i];
      if (v !== null && !Number.isSafeInteger(v)) throw new MoneyOverflowError('Amount');
    }
  }
  return rows;
}

interface LineRow {
  id: number;
  initiative_id: number;
  date: string;
  amount_micro: number;
  currency: string;
  realized: number;
  low_micro: number | null;
  high_micro: number | null;
  assumption: string | null;
  owner: string | null;
  source: string | null;
  confidence: Confidence | null;
  evidence_date: string | null;
  edited_at: string | null;
}

function fromRow(r: LineRow): BenefitAssumptionLine {
  return {
    id: r.id,
    initiativeId: r.initiative_id,
    date: r.date,
    amount: r.amount_micro,
    currency: r.currency,
    realized: r.realized === 1,
    low: r.low_micro,
    high: r.high_micro,
    assumption: r.assumption,
    owner: r.owner,
    source: r.source,
    confidence: r.confidence,
    evidenceDate: r.evidence_date,
    editedAt: r.edited_at,
  };
}

const LINE_SELECT = `SELECT b.id, b.initiative_id, b.date, b.amount_micro, b.currency, b.realized, b.low_micro,
  b.high_micro, b.assumption, b.owner, b.source, b.confidence, b.evidence_date,
  (SELECT max(e.edited_at) FROM benefit_edits e WHERE e.benefit_id = b.id) AS edited_at
  FROM benefits b`;

/** One initiative's benefit lines with their register fields, by date (the initiative view's editor). */
export function initiativeBenefitLines(db: ReadableDb, initiativeId: number): BenefitAssumptionLine[] {
  return (
    db
      .prepare(`${LINE_SELECT} WHERE b.initiative_id = ? ORDER BY b.date, b.id`)
      .all(initiativeId) as LineRow[]
  ).map(fromRow);
}

export function benefitLine(db: ReadableDb, id: number): BenefitAssumptionLine | null {
  const r = db.prepare(`${LINE_SELECT} WHERE b.id = ?`).get(id) as LineRow | undefined;
  return r ? fromRow(r) : null;
}

/** Why an edit of the register fields is refused (the service turns it into a validation error). */
export class AssumptionEditError extends Error {}

export function checkAssumptions(amount: Micro, a: BenefitAssumptions): void {
  if ((a.low === null) !== (a.high === null))
    throw new AssumptionEditError('a range needs both its low and its high');
  if (a.low !== null && a.high !== null && !(a.low <= amount && amount <= a.high))
    throw new AssumptionEditError('the range must hold the amount (the base case): low ≤ amount ≤ high');
  if (a.confidence !== null && !CONFIDENCE_LEVELS.includes(a.confidence))
    throw new AssumptionEditError('confidence is low, medium or high');
}

const FIELDS = ['low', 'high', 'assumption', 'owner', 'source', 'confidence', 'evidenceDate'] as const;

/**
 * Sets a benefit line's register fields (the amount, its date and its import row stay as imported), and
 * records the edit — every field before and after, and when — in benefit_edits, in one transaction.
 */
export function updateBenefitAssumptions(
  db: WritableDb,
  id: number,
  patch: Partial<BenefitAssumptions>,
  at = new Date().toISOString(),
): BenefitAssumptionLine {
  return db.transaction(() => {
    const line = benefitLine(db, id);
    if (!line) throw new AssumptionEditError(`no benefit line ${id}`);
    const before: BenefitAssumptions = pick(line);
    const after: BenefitAssumptions = { ...before };
    for (const f of FIELDS) {
      if (patch[f] !== undefined) (after as unknown as Record<string, unknown>)[f] = patch[f];
    }
    checkAssumptions(line.amount, after);
    if (FIELDS.every((f) => before[f] === after[f])) return line;
    db.prepare(
      `UPDATE benefits SET low_micro = ?, high_micro = ?, assumption = ?, owner = ?, source = ?, confidence = ?,
         evidence_date = ? WHERE id = ?`,
    ).run(
      after.low,
      after.high,
      after.assumption,
      after.owner,
      after.source,
      after.confidence,
      after.evidenceDate,
      id,
    );
    db.prepare('INSERT INTO benefit_edits (benefit_id, edited_at, before, after) VALUES (?, ?, ?, ?)').run(
      id,
      at,
      JSON.stringify(before),
      JSON.stringify(after),
    );
    return benefitLine(db, id)!;
  })();
}

function pick(line: BenefitAssumptionLine): BenefitAssumptions {
  return {
    low: line.low,
    high: line.high,
    assumption: line.assumption,
    owner: line.owner,
    source: line.source,
    confidence: line.confidence,
    evidenceDate: line.evidenceDate,
  };
}

/** The recorded edits of a line's register fields, oldest first. */
export function benefitEdits(
  db: ReadableDb,
  id: number,
): { editedAt: string; before: BenefitAssumptions; after: BenefitAssumptions }[] {
  return (
    db
      .prepare('SELECT edited_at, before, after FROM benefit_edits WHERE benefit_id = ? ORDER BY id')
      .all(id) as { edited_at: string; before: string; after: string }[]
  ).map((r) => ({
    editedAt: r.edited_at,
    before: JSON.parse(r.before) as BenefitAssumptions,
    after: JSON.parse(r.after) as BenefitAssumptions,
  }));
}

/** The workspace's id (set once by migration 4): part of the sensitivity analysis's seed. */
export function workspaceId(db: ReadableDb): string {
  const v = db.prepare("SELECT value FROM settings WHERE key = 'workspaceId'").pluck().get() as
    string | undefined;
  return v === undefined ? '' : (JSON.parse(v) as string);
}
