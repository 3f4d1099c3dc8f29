import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBatch, finishBatch, listBatches, undoBatch } from '../../../electron/store/batches';
import { commitmentInserter, commitmentRows } from '../../../electron/store/commitments';
import { openDatabase, schemaVersion } from '../../../electron/store/db';
import { spendInserter } from '../../../electron/store/lines';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/store/migrations';
import { tempDir } from '../../helpers/tempWorkspace';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('version 6: commitments', () => {
  it('rebuilds import_batches with every batch and reference kept, foreign keys on again', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'v5.sqlite');
    const old = openDatabase(file, { create: true, migrations: MIGRATIONS.filter((m) => m.version <= 5) });
    const batch = createBatch(old, {
      kind: 'spend',
      format: 'csv',
      fileName: 'spend.csv',
      fileSha256: 'a'.repeat(64),
      fileSize: 10,
      sheet: null,
    });
    spendInserter(old)({
      date: '2026-03-05',
      amount: 1_500_000,
      currency: 'USD',
      initiativeId: null,
      category: 'model_api',
      vendor: 'OpenAI',
      costCenter: null,
      description: null,
      tokensIn: null,
      tokensOut: null,
      requests: null,
      batchId: batch,
      sourceRow: 2,
    });
    finishBatch(old, batch, { rows: 1, excluded: 0, total: 1_500_000, currency: 'USD', problems: [] });
    const before = listBatches(old);
    expect(() =>
      old
        .prepare(
          `INSERT INTO import_batches (kind, format, file_name, file_sha256, imported_at) VALUES ('commitments', 'csv', 'c.csv', 'x', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(listBatches(db)).toEqual(before);
    // The line tables still reference the rebuilt table: a line of a batch that does not exist is refused.
    expect(() =>
      db
        .prepare(
          `INSERT INTO budget (month, amount_micro, currency, batch_id) VALUES ('2026-01', 1, 'USD', 99)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);

    const c = createBatch(db, {
      kind: 'commitments',
      format: 'csv',
      fileName: 'commitments.csv',
      fileSha256: 'b'.repeat(64),
      fileSize: 10,
      sheet: null,
    });
    commitmentInserter(db)({
      vendor: 'OpenAI',
      amount: 20_000_000_000,
      currency: 'USD',
      start: '2026-01-01',
      end: '2026-12-31',
      type: 'prepaid',
      initiativeId: null,
      description: null,
      batchId: c,
      sourceRow: 2,
    });
    expect(commitmentRows(db)).toMatchObject([
      { vendor: 'OpenAI', amount: 20_000_000_000, type: 'prepaid', batchId: c },
    ]);
    undoBatch(db, c);
    expect(commitmentRows(db)).toEqual([]);
    db.close();
  });
});
