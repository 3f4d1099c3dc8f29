import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesOutsideStore, formatSqlUses, sqlUses } from '../helpers/sqlOutsideStore';

const ROOT = path.resolve(__dirname, '../..');
// Type-checking all of electron/ takes tens of seconds on a busy machine (not a timed assertion: a ceiling).
const CHECK_ALL = 300_000;

describe('the store owns the SQL', () => {
  it(
    'nothing in electron/ outside electron/store imports better-sqlite3, touches a connection or statement, or holds SQL',
    () => {
      const files = filesOutsideStore(ROOT);
      expect(files.length).toBeGreaterThan(100);
      expect(files.some((f) => f.includes(`${path.sep}store${path.sep}`))).toBe(false);
      // Each file:line in the failure, one a line.
      expect(formatSqlUses(sqlUses(ROOT, files))).toBe('');
    },
    CHECK_ALL,
  );

  it(
    'the scan finds each way of running SQL, and takes a regular expression or a message for none',
    () => {
      const fixture = path.join(__dirname, 'fixtures/runsSql.ts');
      const found = sqlUses(ROOT, [fixture]).map((u) => `${u.line}: ${u.what}`);
      expect(found).toEqual([
        "3: imports 'better-sqlite3'",
        '8: uses the SQLite driver: .get',
        '8: uses the SQLite driver: .pluck',
        '8: uses the SQLite driver: .prepare',
        '8: SQL text: "SELECT count(*) FROM ?"',
        '9: uses the SQLite driver: .exec',
        '10: SQL text: "BEGIN IMMEDIATE"',
        '11: uses the SQLite driver: takes .pragma apart',
        '13: uses the SQLite driver: .inTransaction',
        '15: .transaction on an untyped value (could be the SQLite driver)',
      ]);
    },
    CHECK_ALL,
  );
});
