import type { SpendLine } from '../../shared/domain';
import { monthOf } from '../../shared/fiscal';
import type { WritableDb } from './connection';
import { spendInserter } from './lines';

/** The per-row trigger that keeps `spend_monthly` equal to a GROUP BY over `spend` (migration 1). */
const ROLLUP_TRIGGER = 'spend_rollup_insert';

const ROLLUP_SQL = `INSERT INTO spend_monthly (month, initiative_id, category, vendor, currency, batch_id, amount_micro, line_count)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?)
 ON CONFLICT DO UPDATE SET amount_micro = amount_micro + excluded.amount_micro, line_count = line_count + excluded.line_count`;

/** One rollup row being summed: exact in a number while that is safe, carried into a BigInt beyond. */
interface Group {
  month: string;
  initiativeId: number;
  category: string;
  vendor: string;
  currency: string;
  batchId: number;
  micro: number;
  carried: bigint;
  lines: number;
}

export interface BulkSpendInserter {
  insert(l: SpendLine): void;
  /**
   * Adds what was inserted to `spend_monthly` (one row per group, as the trigger would have summed it)
   * and puts the trigger back. Must run before the transaction commits.
   */
  finish(): void;
}

/**
 * Inserts many spend lines inside the caller's transaction without the per-row rollup trigger: the trigger
 * is dropped for the transaction (DDL is transactional in SQLite) and the lines' rollup is summed here and
 * written once by `finish`, which recreates the trigger from its own stored SQL. A rollback (rejected,
 * cancelled or killed import) restores the trigger and the rollup with everything else, so every committed
 * state has the rollup equal to a GROUP BY over `spend`. Without the trigger (not this schema) it only inserts.
 */
export function bulkSpendInserter(db: WritableDb): BulkSpendInserter {
  if (!db.inTransaction) throw new Error('bulkSpendInserter needs an open transaction');
  const triggerSql = db
    .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`)
    .pluck()
    .get(ROLLUP_TRIGGER) as string | undefined;
  if (triggerSql !== undefined) db.exec(`DROP TRIGGER ${ROLLUP_TRIGGER}`);
  const insertLine = spendInserter(db);
  const groups = new Map<string, Group>();
  let finished = false;
  return {
    insert(l) {
      if (finished) throw new Error('bulk spend insert after finish');
      insertLine(l);
      if (triggerSql === undefined) return;
      const month = monthOf(l.date);
      // The rollup's key, with the trigger's coalesces: no initiative = 0 (shared), no vendor = ''.
      const initiativeId = l.initiativeId ?? 0;
      const vendor = l.vendor ?? '';
      const batchId = l.batchId ?? 0;
      const key = `${month}\u0000${initiativeId}\u0000${l.category}\u0000${vendor}\u0000${l.currency}\u0000${batchId}`;
      let g = groups.get(key);
      if (g === undefined) {
        g = {
          month,
          initiativeId,
          category: l.category,
          vendor,
          currency: l.currency,
          batchId,
          micro: 0,
          carried: 0n,
          lines: 0,
        };
        groups.set(key, g);
      }
      if (Math.abs(g.micro) + Math.abs(l.amount) > Number.MAX_SAFE_INTEGER) {
        g.carried += BigInt(g.micro);
        g.micro = 0;
      }
      g.micro += l.amount;
      g.lines++;
    },
    finish() {
      if (finished) return;
      finished = true;
      if (triggerSql === undefined) return;
      const rollup = db.prepare(ROLLUP_SQL);
      for (const g of groups.values()) {
        const micro = g.carried === 0n ? g.micro : g.carried + BigInt(g.micro);
        rollup.run(g.month, g.initiativeId, g.category, g.vendor, g.currency, g.batchId, micro, g.lines);
      }
      db.exec(triggerSql);
    },
  };
}
