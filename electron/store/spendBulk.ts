import type { SpendLine } from '../../shared/domain';
import type { WritableDb } from './connection';
import { spendInserter } from './lines';
import { groupTotal, RollupSum, type RollupGroup } from './spendRollupSum';

/** The per-row trigger that keeps `spend_monthly` equal to a GROUP BY over `spend` (migration 1). */
const ROLLUP_TRIGGER = 'spend_rollup_insert';

const ROLLUP_SQL = `INSERT INTO spend_monthly (month, initiative_id, category, vendor, currency, batch_id, amount_micro, line_count)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?)
 ON CONFLICT DO UPDATE SET amount_micro = amount_micro + excluded.amount_micro, line_count = line_count + excluded.line_count`;

export interface BulkSpendInserter {
  insert(l: SpendLine): void;
  /**
   * Rollup groups summed elsewhere (by the thread that read the lines), for lines inserted with
   * `summedElsewhere`: added as they are. Their initiative is its id (0 for none).
   */
  addSummed(batchId: number, groups: readonly RollupGroup<number>[]): void;
  /**
   * Adds what was inserted to `spend_monthly` (one row per group, as the trigger would have summed it)
   * and puts the trigger back. Must run before the transaction commits.
   */
  finish(): void;
}

/**
 * Inserts many spend lines inside the caller's transaction without the per-row rollup trigger: the trigger
 * is dropped for the transaction (DDL is transactional in SQLite) and the lines' rollup is summed here and
 * written once by `finish` (or, `summedElsewhere`, summed by the thread that read the lines and given to
 * `addSummed`), which recreates the trigger from its own stored SQL. A rollback (rejected,
 * cancelled or killed import) restores the trigger and the rollup with everything else, so every committed
 * state has the rollup equal to a GROUP BY over `spend`. Without the trigger (not this schema) it only inserts.
 */
export function bulkSpendInserter(db: WritableDb, o: { summedElsewhere?: boolean } = {}): BulkSpendInserter {
  if (!db.inTransaction) throw new Error('bulkSpendInserter needs an open transaction');
  const triggerSql = db
    .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`)
    .pluck()
    .get(ROLLUP_TRIGGER) as string | undefined;
  if (triggerSql !== undefined) db.exec(`DROP TRIGGER ${ROLLUP_TRIGGER}`);
  const insertLine = spendInserter(db);
  // By batch (an import's lines are all of one): its groups, summed here or given.
  const sums = new Map<number, RollupSum<number>>();
  const summed: [number, readonly RollupGroup<number>[]][] = [];
  const summing = triggerSql !== undefined && !o.summedElsewhere;
  let finished = false;
  return {
    insert(l) {
      if (finished) throw new Error('bulk spend insert after finish');
      insertLine(l);
      if (!summing) return;
      const batchId = l.batchId ?? 0;
      let sum = sums.get(batchId);
      if (sum === undefined) sums.set(batchId, (sum = new RollupSum<number>()));
      sum.add(l.date, l.initiativeId ?? 0, l.category, l.vendor, l.currency, l.amount);
    },
    addSummed(batchId, groups) {
      if (finished) throw new Error('bulk spend rollup after finish');
      summed.push([batchId, groups]);
    },
    finish() {
      if (finished) return;
      finished = true;
      if (triggerSql === undefined) return;
      const rollup = db.prepare(ROLLUP_SQL);
      // Groups repeating a key (two spellings of one initiative) add up through the upsert.
      const all: [number, readonly RollupGroup<number>[]][] = [
        ...[...sums].map(([b, sum]) => [b, sum.rows()] as [number, RollupGroup<number>[]]),
        ...summed,
      ];
      for (const [batchId, groups] of all) {
        for (const g of groups) {
          rollup.run(
            g.month,
            g.initiative,
            g.category,
            g.vendor,
            g.currency,
            batchId,
            groupTotal(g),
            g.lines,
          );
        }
      }
      db.exec(triggerSql);
    },
  };
}
