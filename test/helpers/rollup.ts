import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../electron/store/migrations';

type Db = Database.Database;

/** The rollup as a GROUP BY over the line table computes it, with the trigger's coalesces. */
const FROM_LINES = `SELECT month, coalesce(initiative_id, 0) AS initiative_id, category, coalesce(vendor, '') AS vendor,
  currency, coalesce(batch_id, 0) AS batch_id, sum(amount_micro) AS amount_micro, count(*) AS line_count
  FROM spend GROUP BY 1, 2, 3, 4, 5, 6`;
const STORED = `SELECT month, initiative_id, category, vendor, currency, batch_id, amount_micro, line_count FROM spend_monthly`;

/** Lines whose rowid lies outside the range their rollup group keeps. */
const OUTSIDE_RANGE = `SELECT s.id FROM spend s JOIN spend_monthly m ON m.month = s.month
  AND m.initiative_id = coalesce(s.initiative_id, 0) AND m.category = s.category AND m.vendor = coalesce(s.vendor, '')
  AND m.currency = s.currency AND m.batch_id = coalesce(s.batch_id, 0)
  WHERE s.id NOT BETWEEN m.first_id AND m.last_id LIMIT 5`;

/** The triggers' SQL as the migrations create it. */
function expectedTriggers(): Map<string, string> {
  const mem = new Database(':memory:');
  try {
    for (const m of MIGRATIONS) mem.exec(m.sql);
    return triggers(mem);
  } finally {
    mem.close();
  }
}

function triggers(db: Db): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'spend' ORDER BY name`,
    )
    .all() as { name: string; sql: string }[];
  return new Map(rows.map((r) => [r.name, r.sql]));
}

let expected: Map<string, string> | null = null;

/**
 * Null when `spend_monthly` is exactly a GROUP BY over `spend` (every amount read as a 64-bit integer)
 * and the spend triggers are the migrations' own; otherwise what differs, for the assertion message.
 */
export function rollupMismatch(db: Db): string | null {
  const diff = (a: string, b: string) =>
    db
      .prepare(`${a} EXCEPT ${b}`)
      .safeIntegers(true)
      .all()
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));
  const missing = diff(FROM_LINES, STORED);
  const extra = diff(STORED, FROM_LINES);
  const out: string[] = [];
  if (missing.length) out.push(`rollup lacks ${missing.slice(0, 5).join(', ')}`);
  if (extra.length) out.push(`rollup has extra ${extra.slice(0, 5).join(', ')}`);
  // Undo and a batch's export find its lines by rowid between its groups' first_id and last_id (migration 8).
  const hasRange = db
    .prepare(`SELECT count(*) FROM pragma_table_info('spend_monthly') WHERE name = 'first_id'`)
    .pluck()
    .get();
  if (hasRange) {
    const outside = db.prepare(OUTSIDE_RANGE).pluck().all();
    if (outside.length) out.push(`lines outside their group's rowid range: ${outside.join(', ')}`);
  }
  expected ??= expectedTriggers();
  const actual = triggers(db);
  for (const [name, sql] of expected) {
    if (actual.get(name) !== sql) out.push(`trigger ${name} is ${actual.has(name) ? 'changed' : 'missing'}`);
  }
  return out.length ? out.join('; ') : null;
}
