import type { SpendLine } from '../../shared/domain';
import type { WritableDb } from './connection';
import { runSpendInsert, SPEND_INSERT_SQL, SPEND_VALUES, spendInsertSql } from './lines';
import { groupTotal, RollupSum, type RollupGroup } from './spendRollupSum';

/**
 * Lines per multi-row INSERT on the columns path (`insertValues`). One statement for 16 lines costs about 30%
 * less CPU than 16 single-line ones (better-sqlite3's call and result object, SQLite's statement start and
 * reset per execution); more lines per statement gained nothing more (BENCHMARKS.md, Import).
 */
export const LINES_PER_INSERT = 16;

/** The per-row trigger that keeps `spend_monthly` equal to a GROUP BY over `spend` (migration 1). */
const ROLLUP_TRIGGER = 'spend_rollup_insert';

const ROLLUP_SQL = `INSERT INTO spend_monthly (month, initiative_id, category, vendor, currency, batch_id, amount_micro, line_count,
   first_id, last_id)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
 ON CONFLICT DO UPDATE SET amount_micro = amount_micro + excluded.amount_micro, line_count = line_count + excluded.line_count,
   first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id)`;

export interface BulkSpendInserter {
  insert(l: SpendLine): void;
  /**
   * One line as positional values (SPEND_INSERT_SQL's order, `month` given), for a caller holding them in
   * columns: no SpendLine built per line. Only with `summedElsewhere`: its rollup comes through `addSummed`.
   * Lines are held until LINES_PER_INSERT of them go in one statement (the rest by `finish`, or before the
   * next `insert`): a constraint failing may surface a few lines later, the transaction fails all the same.
   */
  insertValues(
    date: string,
    month: string,
    amount: number,
    currency: string,
    initiativeId: number | null,
    category: string,
    vendor: string | null,
    costCenter: string | null,
    description: string | null,
    tokensIn: number | null,
    tokensOut: number | null,
    requests: number | null,
    batchId: number,
    sourceRow: number,
  ): void;
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

/** The least and greatest rowid of the lines inserted per batch (0 = none): every line of it lies between. */
class RowidRanges {
  private readonly ranges = new Map<number, { first: number; last: number }>();
  private current: { first: number; last: number } | null = null;
  private currentBatch = -1;

  add(batchId: number, id: number): void {
    if (batchId !== this.currentBatch || this.current === null) {
      this.currentBatch = batchId;
      this.current = this.ranges.get(batchId) ?? null;
      if (this.current === null) this.ranges.set(batchId, (this.current = { first: id, last: id }));
    }
    // Rowids only grow (max + 1), but an explicit id in the past must still widen the range.
    if (id < this.current.first) this.current.first = id;
    if (id > this.current.last) this.current.last = id;
  }

  of(batchId: number): { first: number; last: number } {
    return this.ranges.get(batchId) ?? { first: 0, last: 0 };
  }
}

/**
 * Inserts many spend lines inside the caller's transaction without the per-row rollup trigger: the trigger
 * is dropped for the transaction (DDL is transactional in SQLite) and the lines' rollup is summed here and
 * written once by `finish` (or, `summedElsewhere`, summed by the thread that read the lines and given to
 * `addSummed`), which recreates the trigger from its own stored SQL. A rollback (rejected,
 * cancelled or killed import) restores the trigger and the rollup with everything else, so every committed
 * state has the rollup equal to a GROUP BY over `spend`. Each group also gets the rowid range of its batch's
 * lines (`first_id`, `last_id`: how undo finds them, migration 8). Without the trigger (not this schema) it
 * only inserts.
 */
export function bulkSpendInserter(db: WritableDb, o: { summedElsewhere?: boolean } = {}): BulkSpendInserter {
  if (!db.inTransaction) throw new Error('bulkSpendInserter needs an open transaction');
  const triggerSql = db
    .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`)
    .pluck()
    .get(ROLLUP_TRIGGER) as string | undefined;
  if (triggerSql !== undefined) db.exec(`DROP TRIGGER ${ROLLUP_TRIGGER}`);
  const stmt = db.prepare(SPEND_INSERT_SQL);
  let many: ReturnType<WritableDb['prepare']> | null = null;
  const ranges = new RowidRanges();
  // insertValues' lines not yet inserted: LINES_PER_INSERT lines' values, `held` of them filled, all of one batch.
  const values: unknown[] = new Array<unknown>(LINES_PER_INSERT * SPEND_VALUES);
  let held = 0;
  let heldBatch = 0;
  // By batch (an import's lines are all of one): its groups, summed here or given.
  const sums = new Map<number, RollupSum<number>>();
  const summed: [number, readonly RollupGroup<number>[]][] = [];
  const summing = triggerSql !== undefined && !o.summedElsewhere;
  let finished = false;
  const live = () => {
    if (finished) throw new Error('bulk spend insert after finish');
  };
  // A table with an INTEGER PRIMARY KEY and no safeIntegers: the rowid is a number.
  const inserted = (batchId: number | null, id: number | bigint) => ranges.add(batchId ?? 0, id as number);
  /** The lines insertValues holds, fewer than LINES_PER_INSERT: one by one. */
  const insertHeld = () => {
    for (let line = 0; line < held; line++) {
      const at = line * SPEND_VALUES;
      inserted(heldBatch, stmt.run(values.slice(at, at + SPEND_VALUES)).lastInsertRowid);
    }
    held = 0;
  };
  return {
    insert(l) {
      live();
      insertHeld();
      const info = runSpendInsert(stmt, l);
      inserted(l.batchId, info.lastInsertRowid);
      if (!summing) return;
      const batchId = l.batchId ?? 0;
      let sum = sums.get(batchId);
      if (sum === undefined) sums.set(batchId, (sum = new RollupSum<number>()));
      sum.add(l.date, l.initiativeId ?? 0, l.category, l.vendor, l.currency, l.amount);
    },
    insertValues(d, m, amount, cur, init, cat, vendor, cc, desc, tIn, tOut, req, batchId, row) {
      // Checked inline, not through live(): this runs once per line of a million.
      if (finished || summing)
        throw new Error(
          finished ? 'bulk spend insert after finish' : 'insertValues needs the rollup summed elsewhere',
        );
      if (held > 0 && batchId !== heldBatch) insertHeld();
      heldBatch = batchId;
      let at = held * SPEND_VALUES;
      values[at++] = d;
      values[at++] = m;
      values[at++] = amount;
      values[at++] = cur;
      values[at++] = init;
      values[at++] = cat;
      values[at++] = vendor;
      values[at++] = cc;
      values[at++] = desc;
      values[at++] = tIn;
      values[at++] = tOut;
      values[at++] = req;
      values[at++] = batchId;
      values[at] = row;
      if (++held < LINES_PER_INSERT) return;
      const last = (many ??= db.prepare(spendInsertSql(LINES_PER_INSERT))).run(values)
        .lastInsertRowid as number;
      // One statement's lines take consecutive rowids (each max + 1): the first is LINES_PER_INSERT - 1 before
      // the last.
      inserted(batchId, last - (LINES_PER_INSERT - 1));
      inserted(batchId, last);
      held = 0;
    },
    addSummed(batchId, groups) {
      if (finished) throw new Error('bulk spend rollup after finish');
      summed.push([batchId, groups]);
    },
    finish() {
      if (finished) return;
      insertHeld();
      finished = true;
      if (triggerSql === undefined) return;
      const rollup = db.prepare(ROLLUP_SQL);
      // Groups repeating a key (two spellings of one initiative) add up through the upsert.
      const all: [number, readonly RollupGroup<number>[]][] = [
        ...[...sums].map(([b, sum]) => [b, sum.rows()] as [number, RollupGroup<number>[]]),
        ...summed,
      ];
      for (const [batchId, groups] of all) {
        const { first, last } = ranges.of(batchId);
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
            first,
            last,
          );
        }
      }
      db.exec(triggerSql);
    },
  };
}
