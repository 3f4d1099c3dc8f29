import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createBatch,
  finishBatch,
  forEachBatchRow,
  listBatches,
  undoBatch,
} from '../../../electron/store/batches';
import { openDatabase, schemaVersion, WorkspaceError } from '../../../electron/store/db';
import type { WritableDb } from '../../../electron/store/connection';
import { listKpis } from '../../../electron/store/kpis';
import { spendInserter } from '../../../electron/store/lines';
import { bulkSpendInserter, LINES_PER_INSERT } from '../../../electron/store/spendBulk';
import { RollupSum } from '../../../electron/store/spendRollupSum';
import {
  APPLICATION_ID,
  LATEST_VERSION,
  MIGRATIONS,
  type Migration,
} from '../../../electron/store/migrations';
import { getSettings, updateSettings } from '../../../electron/store/settings';
import { initWorkspace, openWorkspace } from '../../../electron/store/workspace';
import { FRAMEWORK_KPI_COUNT } from '../../../shared/kpiCatalog';
import { rollupMismatch } from '../../helpers/rollup';
import { tempDir } from '../../helpers/tempWorkspace';

const dirs: string[] = [];
function fresh(name = 'w.sqlite'): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** An open spend batch for lines written by hand. */
function spendBatch(db: WritableDb): number {
  return createBatch(db, {
    kind: 'spend',
    format: 'csv',
    fileName: 'a.csv',
    fileSha256: 'x'.repeat(64),
    fileSize: 10,
    sheet: null,
  });
}

describe('migrations', () => {
  it('creates the whole schema from empty, in WAL mode with foreign keys on', () => {
    const file = fresh();
    const db = openDatabase(file, { create: true });
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    for (const t of [
      'settings',
      'initiatives',
      'spend',
      'spend_monthly',
      'budget',
      'benefits',
      'fx_rates',
      'kpis',
      'kpi_observations',
      'commentary',
      'import_batches',
      'pack_snapshots',
      'saved_mappings',
    ]) {
      expect(tables).toContain(t);
    }
    db.close();
  });

  it('upgrades from every earlier version and keeps the data', () => {
    for (let from = 1; from < LATEST_VERSION; from++) {
      const file = fresh(`v${from}.sqlite`);
      const old = openDatabase(file, {
        create: true,
        migrations: MIGRATIONS.filter((m) => m.version <= from),
      });
      expect(schemaVersion(old)).toBe(from);
      old.prepare("INSERT INTO settings (key, value) VALUES ('name', '\"kept\"')").run();
      old.close();
      const upgraded = openDatabase(file);
      expect(schemaVersion(upgraded)).toBe(LATEST_VERSION);
      expect(getSettings(upgraded).name).toBe('kept');
      upgraded.close();
    }
  });

  it('version 2 rebuilds the spend table with every line, the rollup, the triggers and the category rule kept', () => {
    const file = fresh();
    const old = openDatabase(file, { create: true, migrations: MIGRATIONS.filter((m) => m.version === 1) });
    const batch = spendBatch(old);
    const insert = spendInserter(old);
    const categories = ['platform', 'model_api', 'compute', 'labor', 'tooling', 'other'] as const;
    old.transaction(() => {
      for (let i = 0; i < 60; i++) {
        insert({
          date: `2026-0${(i % 3) + 1}-1${i % 10}`,
          amount: i * 1_000_001 - 7,
          currency: i % 5 ? 'USD' : 'EUR',
          initiativeId: null,
          category: categories[i % 6]!,
          vendor: i % 4 ? 'AWS' : null,
          costCenter: `CC-${i}`,
          description: `line ${i}`,
          tokensIn: i % 2 ? i * 10 : null,
          tokensOut: null,
          requests: i,
          batchId: batch,
          sourceRow: i + 2,
        });
      }
    })();
    const linesOf = (db: WritableDb) => db.prepare('SELECT * FROM spend ORDER BY id').all();
    const rollupOf = (db: WritableDb) =>
      db
        .prepare(
          'SELECT month, initiative_id, category, vendor, currency, batch_id, amount_micro, line_count FROM spend_monthly ORDER BY 1, 2, 3, 4, 5, 6',
        )
        .all();
    const lines = linesOf(old);
    const rollup = rollupOf(old);
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(linesOf(db)).toEqual(lines);
    expect(rollupOf(db)).toEqual(rollup);
    expect(rollupMismatch(db)).toBeNull();
    const indexes = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'spend'`)
      .pluck();
    // Version 2 kept spend_batch alone; version 8 dropped it too (undo reads the rowid range).
    expect(indexes.all()).toEqual([]);
    expect(() =>
      db
        .prepare(
          `INSERT INTO spend (date, month, amount_micro, currency, category) VALUES ('2026-01-01', '2026-01', 1, 'USD', 'bogus')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE spend SET amount_micro = 0').run()).toThrow(/immutable/);
    undoBatch(db, batch);
    expect(db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM spend_monthly').pluck().get()).toBe(0);
    db.close();
  });

  it("version 8 gives each rollup group its lines' rowid range and drops the batch index; undo finds a batch by it", () => {
    const file = fresh();
    const old = openDatabase(file, { create: true, migrations: MIGRATIONS.filter((m) => m.version <= 7) });
    const insert = spendInserter(old);
    const line = (i: number, batchId: number | null) => ({
      date: `2026-0${(i % 3) + 1}-1${i % 10}`,
      amount: i * 1_000_003 - 11,
      currency: i % 5 ? 'USD' : 'EUR',
      initiativeId: null,
      category: 'compute' as const,
      vendor: i % 4 ? 'AWS' : null,
      costCenter: null,
      description: `line ${i}`,
      tokensIn: null,
      tokensOut: null,
      requests: null,
      batchId,
      sourceRow: i + 2,
    });
    // Three batches whose lines interleave (one transaction writing them by turns) and lines of no batch:
    // a batch's range then holds the others' lines too, which its DELETE must leave alone.
    const [a, b, c] = old.transaction(() => {
      const ids = [spendBatch(old), spendBatch(old), spendBatch(old)];
      for (let i = 0; i < 90; i++) insert(line(i, i % 7 === 0 ? null : ids[i % 3]!));
      return ids;
    })();
    const linesOf = (db: WritableDb, batch: number) =>
      db.prepare('SELECT * FROM spend WHERE batch_id IS ? ORDER BY id').all(batch);
    const before = [a, b, c, null].map((x) => linesOf(old, x!));
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(rollupMismatch(db)).toBeNull();
    expect(
      db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'spend'`).pluck().all(),
    ).toEqual([]);
    const exported: unknown[][] = [];
    forEachBatchRow(db, 'spend', b!, (row) => exported.push(row));
    expect(exported).toEqual(before[1]!.map((r) => Object.values(r as object)));
    undoBatch(db, b!);
    expect([a, b, c, null].map((x) => linesOf(db, x!))).toEqual([before[0], [], before[2], before[3]]);
    expect(rollupMismatch(db)).toBeNull();
    // Lines added after the upgrade go through the recreated trigger, which keeps the range too.
    const d = db.transaction(() => {
      const id = spendBatch(db);
      for (let i = 0; i < 12; i++) spendInserter(db)(line(i, id));
      return id;
    })();
    expect(rollupMismatch(db)).toBeNull();
    undoBatch(db, a!);
    undoBatch(db, d);
    expect([a, b, c, d, null].map((x) => linesOf(db, x!).length)).toEqual([0, 0, 26, 0, 13]);
    expect(rollupMismatch(db)).toBeNull();
    db.close();
  });

  it('runs a migration and its version record in one transaction: a failing step leaves the old version', () => {
    const file = fresh();
    openDatabase(file, { create: true }).close();
    const broken: Migration[] = [
      ...MIGRATIONS,
      {
        version: LATEST_VERSION + 1,
        name: 'broken',
        sql: 'CREATE TABLE half_done (x INTEGER); SELECT no_such_function();',
      },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow(/no_such_function|no such function/);
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('calls the backup hook before migrating an existing file, not for a new one', () => {
    const file = fresh();
    const calls: number[] = [];
    openDatabase(file, {
      create: true,
      beforeMigrate: (_db, v) => calls.push(v),
    }).close();
    expect(calls).toEqual([]);
    const next: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'next', sql: 'CREATE TABLE extra (x INTEGER);' },
    ];
    openDatabase(file, { migrations: next, beforeMigrate: (_db, v) => calls.push(v) }).close();
    expect(calls).toEqual([LATEST_VERSION]);
  });

  it('refuses a file written by a newer version, and leaves it unchanged', () => {
    const file = fresh();
    const db = openDatabase(file, { create: true });
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(WorkspaceError);
    expect(() => openDatabase(file)).toThrow(/newer version of CAIO Scorecard/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses foreign SQLite files, empty files and non-database files without touching them', () => {
    const foreign = fresh('foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE customers (id INTEGER)');
    other.close();
    const before = fs.readFileSync(foreign);
    expect(() => openDatabase(foreign)).toThrow(/not a CAIO Scorecard workspace/);
    expect(fs.readFileSync(foreign).equals(before)).toBe(true);

    const empty = fresh('empty.sqlite');
    fs.writeFileSync(empty, '');
    expect(() => openDatabase(empty)).toThrow(/empty/);

    const garbage = fresh('garbage.sqlite');
    fs.writeFileSync(garbage, Buffer.from('this is a text file, not a database'.repeat(200)));
    expect(() => openDatabase(garbage)).toThrow(WorkspaceError);
    expect(fs.readFileSync(garbage, 'utf8').startsWith('this is a text file')).toBe(true);

    expect(() => openDatabase(fresh('missing.sqlite'))).toThrow(/not found/);
  });
});

describe('the binding', () => {
  // The desktop app's service host runs under Electron's ABI and says which build to load in
  // CAIO_NATIVE_BINDING: a connection opened without naming one (a restore's own) must take it.
  it('a connection opened without a binding takes the one CAIO_NATIVE_BINDING names', () => {
    const file = fresh();
    openDatabase(file, { create: true }).close();
    const before = process.env.CAIO_NATIVE_BINDING;
    process.env.CAIO_NATIVE_BINDING = path.join(path.dirname(file), 'electron-build', 'better_sqlite3.node');
    try {
      expect(() => openDatabase(file, { readonly: true })).toThrow(/electron-build/);
    } finally {
      if (before === undefined) delete process.env.CAIO_NATIVE_BINDING;
      else process.env.CAIO_NATIVE_BINDING = before;
    }
    openDatabase(file, { readonly: true }).close();
  });
});

describe('store round-trips', () => {
  it('seeds the 25 framework KPIs once and keeps user edits across reopen', () => {
    const file = fresh();
    const ws = initWorkspace(file);
    const kpis = listKpis(ws.db);
    expect(kpis.filter((k) => !k.input)).toHaveLength(25);
    expect(FRAMEWORK_KPI_COUNT).toBe(25);
    ws.db.prepare("UPDATE kpis SET target = 0.42 WHERE id = 'support_deflection'").run();
    ws.close();
    const again = openWorkspace(file);
    expect(listKpis(again.db).find((k) => k.id === 'support_deflection')?.target).toBe(0.42);
    expect(listKpis(again.db)).toHaveLength(kpis.length);
    again.close();
  });

  it('stores settings and reads them back with defaults for the rest', () => {
    const ws = initWorkspace(fresh(), { currency: 'EUR', fiscalStartMonth: 7 });
    expect(getSettings(ws.db)).toMatchObject({ currency: 'EUR', fiscalStartMonth: 7, varianceGreen: 0.05 });
    updateSettings(ws.db, { companyName: 'Acme plc' });
    expect(getSettings(ws.db).companyName).toBe('Acme plc');
    ws.close();
  });

  it('keeps integer micro-units exact and the monthly rollup equal to the lines, through undo', () => {
    const ws = initWorkspace(fresh());
    const { db } = ws;
    const insert = spendInserter(db);
    const amounts = [1_234_567_891, -3_000_000, 7, 999_999, 2_613_700];
    const batch = db.transaction(() => {
      const id = spendBatch(db);
      amounts.forEach((amount, i) =>
        insert({
          date: `2026-0${(i % 3) + 7}-15`,
          amount,
          currency: 'USD',
          initiativeId: null,
          category: 'model_api',
          vendor: 'OpenAI',
          costCenter: null,
          description: null,
          tokensIn: null,
          tokensOut: null,
          requests: null,
          batchId: id,
          sourceRow: i + 2,
        }),
      );
      finishBatch(db, id, {
        rows: amounts.length,
        excluded: 0,
        total: amounts.reduce((a, b) => a + b, 0),
        currency: 'USD',
      });
      return id;
    })();
    const lineSum = db.prepare('SELECT sum(amount_micro) FROM spend').pluck().get();
    const rollupSum = db.prepare('SELECT sum(amount_micro) FROM spend_monthly').pluck().get();
    expect(lineSum).toBe(1_234_567_891 - 3_000_000 + 7 + 999_999 + 2_613_700);
    expect(rollupSum).toBe(lineSum);
    expect(listBatches(db)[0]).toMatchObject({ id: batch, rows: 5, total: lineSum, status: 'committed' });

    undoBatch(db, batch);
    expect(db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM spend_monthly').pluck().get()).toBe(0);
    expect(listBatches(db)[0]?.status).toBe('undone');
    expect(() => undoBatch(db, batch)).toThrow(/already undone/);
    expect(() => undoBatch(db, 999)).toThrow(/No import batch 999/);
    ws.close();
  });

  it('bulk spend inserts add the rollup once, exactly (past 2^53), and put the trigger back', () => {
    const ws = initWorkspace(fresh());
    const { db } = ws;
    const line = (amount: number, batchId: number, vendor: string | null, i: number) => ({
      date: '2026-07-15',
      amount,
      currency: 'USD',
      initiativeId: null,
      category: 'compute' as const,
      vendor,
      costCenter: null,
      description: null,
      tokensIn: null,
      tokensOut: null,
      requests: null,
      batchId,
      sourceRow: i + 2,
    });
    const newBatch = () => spendBatch(db);
    expect(() => bulkSpendInserter(db)).toThrow(/open transaction/);
    // Three lines of 2^53 − 7 each: their sum is beyond 2^53 and odd partial sums are not doubles.
    const big = [1, 2, 3].map(() => Number.MAX_SAFE_INTEGER - 6);
    db.transaction(() => {
      const id = newBatch();
      const bulk = bulkSpendInserter(db);
      expect(rollupMismatch(db)).toMatch(/trigger spend_rollup_insert is missing/);
      big.forEach((n, i) => bulk.insert(line(n, id, 'AWS', i)));
      bulk.insert(line(-5, id, null, 3));
      bulk.insert(line(7, id, null, 4));
      bulk.finish();
    })();
    expect(rollupMismatch(db)).toBeNull();
    const exact = db
      .prepare(`SELECT amount_micro FROM spend_monthly WHERE vendor = 'AWS'`)
      .safeIntegers(true)
      .pluck()
      .get();
    expect(exact).toBe(3n * BigInt(Number.MAX_SAFE_INTEGER - 6));
    expect(db.prepare(`SELECT line_count FROM spend_monthly WHERE vendor = ''`).pluck().get()).toBe(2);
    // Rolled back before finishing: no lines, no rollup, and the trigger is back with the rollback.
    expect(() =>
      db.transaction(() => {
        const bulk = bulkSpendInserter(db);
        bulk.insert(line(11, newBatch(), 'OpenAI', 0));
        throw new Error('cancelled');
      })(),
    ).toThrow('cancelled');
    expect(rollupMismatch(db)).toBeNull();
    expect(db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(5);
    // Per-row inserts after a bulk batch go through the trigger again.
    db.transaction(() => spendInserter(db)(line(13, newBatch(), 'OpenAI', 0)))();
    expect(rollupMismatch(db)).toBeNull();
    ws.close();
  });

  it('inserts columns in multi-line statements: every line, in order, inside its batch range, rollup exact', () => {
    const ws = initWorkspace(fresh());
    const { db } = ws;
    // Lines per batch around the statement size: whole statements, held lines left for finish, a batch
    // switch with lines held, and a single-line insert in between.
    const sizes = [LINES_PER_INSERT * 2 + 5, LINES_PER_INSERT - 1, LINES_PER_INSERT, 1];
    const batches: { id: number; rows: number[] }[] = [];
    db.transaction(() => {
      const bulk = bulkSpendInserter(db, { summedElsewhere: true });
      for (const [b, size] of sizes.entries()) {
        const id = spendBatch(db);
        const sum = new RollupSum<number>();
        const rows: number[] = [];
        for (let i = 0; i < size; i++) {
          const date = `2026-0${1 + (i % 3)}-1${b}`;
          const vendor = i % 2 ? 'AWS' : null;
          const amount = (b + 1) * 1_000_003 + i * 7;
          const row = 100 * b + i + 2;
          rows.push(row);
          bulk.insertValues(
            date,
            date.slice(0, 7),
            amount,
            'USD',
            null,
            'compute',
            vendor,
            null,
            `d${row}`,
            i,
            null,
            null,
            id,
            row,
          );
          sum.add(date, 0, 'compute', vendor, 'USD', amount);
        }
        if (b === 1) {
          // A line through the single path takes the held ones with it first, so rowids keep file order.
          const row = 100 * b + size + 2;
          rows.push(row);
          bulk.insert({
            date: '2026-03-01',
            amount: 5,
            currency: 'USD',
            initiativeId: null,
            category: 'compute',
            vendor: null,
            costCenter: null,
            description: null,
            tokensIn: null,
            tokensOut: null,
            requests: null,
            batchId: id,
            sourceRow: row,
          });
          sum.add('2026-03-01', 0, 'compute', null, 'USD', 5);
        }
        bulk.addSummed(id, sum.rows());
        batches.push({ id, rows });
      }
      bulk.finish();
    })();
    expect(rollupMismatch(db)).toBeNull();
    const stored = db.prepare('SELECT batch_id, source_row FROM spend ORDER BY id').all();
    expect(stored).toEqual(
      batches.flatMap((b) => b.rows.map((row) => ({ batch_id: b.id, source_row: row }))),
    );
    expect(db.prepare(`SELECT description FROM spend WHERE source_row = 4`).pluck().get()).toBe('d4');
    // Undo finds each batch by its rowid range: undoing the first two leaves exactly the others' lines.
    undoBatch(db, batches[0]!.id);
    undoBatch(db, batches[1]!.id);
    expect(rollupMismatch(db)).toBeNull();
    expect(db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(LINES_PER_INSERT + 1);
    ws.close();
  });

  it('enforces the data model constraints in SQL too', () => {
    const ws = initWorkspace(fresh());
    expect(() =>
      ws.db
        .prepare(
          "INSERT INTO spend (date, month, amount_micro, currency, category) VALUES ('2026-01-01', '2026-01', 1.5, 'USD', 'platform')",
        )
        .run(),
    ).toThrow(/INTEGER|datatype/i);
    expect(() =>
      ws.db
        .prepare(
          "INSERT INTO spend (date, month, amount_micro, currency, category) VALUES ('2026-01-01', '2026-01', 1, 'USD', 'snacks')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      ws.db
        .prepare(
          "INSERT INTO spend (date, month, amount_micro, currency, category, initiative_id) VALUES ('2026-01-01', '2026-01', 1, 'USD', 'platform', 4242)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    ws.close();
  });
});
