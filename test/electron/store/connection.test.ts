import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { batchCount, createBatch } from '../../../electron/store/batches';
import {
  beginWrite,
  cached,
  commitWrite,
  inTransaction,
  rollbackWrite,
  writeTransaction,
  type ReadableDb,
  type WritableDb,
} from '../../../electron/store/connection';
import { openDatabase, WorkspaceError } from '../../../electron/store/db';
import { getSettings, updateSettings } from '../../../electron/store/settings';
import { openWorkspace, writableDb } from '../../../electron/store/workspace';
import { tempWorkspace } from '../../helpers/tempWorkspace';

const open: { close(): void }[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function workspace() {
  const ws = tempWorkspace();
  open.push(ws);
  dirs.push(ws.dir);
  return ws;
}

const batch = (db: WritableDb) =>
  createBatch(db, {
    kind: 'spend',
    format: 'csv',
    fileName: 'a.csv',
    fileSha256: 'a'.repeat(64),
    fileSize: 1,
    sheet: null,
  });

describe('ReadableDb and WritableDb', () => {
  it('a WritableDb goes wherever a ReadableDb does; a ReadableDb is no writer (checked by tsc)', () => {
    const ws = workspace();
    const writable: WritableDb = ws.db;
    const readable: ReadableDb = writable;
    expect(getSettings(readable).currency).toBe(getSettings(writable).currency);
    // @ts-expect-error a ReadableDb cannot be passed to a function that writes
    const refused = (): unknown => updateSettings(readable, { name: 'x' });
    expect(typeof refused).toBe('function');
  });

  it('a workspace opened for viewing hands out a ReadableDb, and refuses a change as READ_ONLY with nothing written', () => {
    const file = workspace().file;
    const view = openWorkspace(file, { readonly: true });
    open.push(view);
    expect(view.readOnly).toBe(true);
    expect(getSettings(view.db).name).toBe(getSettings(openDatabase(file, { readonly: true })).name);
    let error: unknown = null;
    try {
      updateSettings(writableDb(view), { name: 'Changed' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(WorkspaceError);
    expect((error as WorkspaceError).code).toBe('READ_ONLY');
    expect((error as Error).message).toContain(file);
    expect(getSettings(view.db).name).not.toBe('Changed');
  });

  it('a writable workspace gives its own connection to writableDb', () => {
    const ws = workspace();
    expect(writableDb(ws)).toBe(ws.db);
  });
});

describe('transactions from the store', () => {
  it('writeTransaction commits all of it or, on an error, none of it', () => {
    const ws = workspace();
    expect(writeTransaction(ws.db, () => [batch(ws.db), batch(ws.db)])).toHaveLength(2);
    expect(batchCount(ws.db)).toBe(2);
    expect(() =>
      writeTransaction(ws.db, () => {
        batch(ws.db);
        throw new Error('half-way');
      }),
    ).toThrow('half-way');
    expect(batchCount(ws.db)).toBe(2);
    expect(inTransaction(ws.db)).toBe(false);
  });

  it('beginWrite takes the write lock at once: a second writer is refused as busy until commitWrite', () => {
    const ws = workspace();
    const other = openDatabase(ws.file);
    open.push(other);
    other.pragma('busy_timeout = 0'); // the test's own connection: fail at once instead of waiting 5 s
    beginWrite(ws.db);
    expect(inTransaction(ws.db)).toBe(true);
    batch(ws.db);
    expect(() => beginWrite(other)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    expect(batchCount(other)).toBe(0); // not committed: not seen
    commitWrite(ws.db);
    expect(batchCount(other)).toBe(1);
    beginWrite(other);
    batch(other);
    rollbackWrite(other);
    expect(inTransaction(other)).toBe(false);
    expect(batchCount(ws.db)).toBe(1);
  });
});

describe('statements prepared once per connection', () => {
  it('gives the same statement for the same text and mode, another for another mode or connection', () => {
    const ws = workspace();
    const sql = 'SELECT count(*) AS n FROM kpis';
    expect(cached(ws.db, sql)).toBe(cached(ws.db, sql));
    expect(cached(ws.db, sql, 'pluck')).not.toBe(cached(ws.db, sql));
    // Each keeps its own mode: the plucked one does not turn the other's rows into values.
    const n = cached(ws.db, sql, 'pluck').get() as number;
    expect(n).toBeGreaterThan(0);
    expect(cached(ws.db, sql).get()).toEqual({ n });
    expect(cached(ws.db, sql, 'raw').get()).toEqual([n]);
    const other = openDatabase(ws.file, { readonly: true });
    open.push(other);
    expect(cached(other, sql)).not.toBe(cached(ws.db, sql));
  });
});
