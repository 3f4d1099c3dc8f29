import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate';
import { backupWorkspace, listBackups, restoreWorkspace } from '../../electron/store/backup';
import { WorkspaceError } from '../../electron/store/db';
import { initWorkspace, openWorkspace } from '../../electron/store/workspace';
import { tempDir } from '../helpers/tempWorkspace';
import { runCliProcess } from './kill';
import { rng } from './random';
import { writeFile } from '../electron/import/helpers';

/**
 * Files that are not (or no longer) a good workspace: every one is refused with a clear WorkspaceError,
 * and nothing is written — the bytes stay the same and no -wal/-shm/lock file is left beside them.
 * (test/electron/store/store.test.ts covers a foreign SQLite file with tables, a text file and a 0-byte file.)
 */
const dir = tempDir('caio-corrupt-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let demo: Buffer;

beforeAll(() => {
  const file = path.join(dir, 'demo.sqlite');
  const ws = initWorkspace(file);
  generateDemo(ws.db);
  ws.close();
  demo = fs.readFileSync(file);
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
});

const write = (name: string, bytes: Uint8Array): string => writeFile(dir, name, bytes);

function expectRefusedUntouched(file: string, pattern: RegExp): void {
  const before = fs.readFileSync(file);
  let error: unknown;
  try {
    openWorkspace(file).close();
  } catch (err) {
    error = err;
  }
  expect(error, path.basename(file)).toBeInstanceOf(WorkspaceError);
  expect((error as Error).message, path.basename(file)).toMatch(pattern);
  expect(fs.readFileSync(file).equals(before), `${path.basename(file)} unchanged`).toBe(true);
  const left = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(path.basename(file)) && f !== path.basename(file));
  expect(left, `${path.basename(file)}: nothing written beside it`).toEqual([]);
}

const NOT_USABLE = /not a CAIO Scorecard workspace|empty \(0 bytes\)|is damaged/;

describe('corrupt and foreign files opened as a workspace', () => {
  it('a workspace truncated anywhere before its last page is refused and left as it was', () => {
    const cuts = [
      1,
      10,
      99,
      100,
      512,
      4096,
      4097,
      8192,
      demo.length >> 2,
      demo.length >> 1,
      demo.length - 4096,
    ];
    for (const cut of cuts)
      expectRefusedUntouched(write(`cut-${cut}.sqlite`, demo.subarray(0, cut)), NOT_USABLE);
  });

  it('a damaged workspace is called damaged, with the way back (restore from a backup)', () => {
    const file = write('damaged.sqlite', demo.subarray(0, demo.length >> 1));
    expect(() => openWorkspace(file)).toThrow(/is damaged and cannot be opened.*Restore it from a backup/);
    // A 1-byte file: SQLite alone would take it for an empty database and write a new schema over it.
    expectRefusedUntouched(write('one-byte.sqlite', Buffer.from('x')), /not an SQLite database/);
  });

  it('a damaged workspace can be restored from its backup, and its damaged bytes are kept aside', async () => {
    const file = path.join(dir, 'to-restore.sqlite');
    fs.writeFileSync(file, demo);
    const ws = openWorkspace(file);
    const backup = await backupWorkspace(ws.db, file, 'manual');
    ws.close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const damaged = demo.subarray(0, demo.length - 8192);
    fs.writeFileSync(file, damaged);
    expect(() => openWorkspace(file)).toThrow(WorkspaceError);

    const { safetyCopy } = await restoreWorkspace(backup, file);
    const restored = openWorkspace(file);
    expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(restored.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBeGreaterThan(0);
    restored.close();
    expect(safetyCopy).not.toBeNull();
    expect(fs.readFileSync(safetyCopy!).equals(damaged)).toBe(true);
    // The damaged copy is not offered as a backup to restore from.
    expect(listBackups(file).map((b) => b.file)).not.toContain(safetyCopy);
  });

  it('zero bytes, random bytes, and random bytes behind a valid SQLite header are refused unchanged', () => {
    expectRefusedUntouched(write('zero.sqlite', new Uint8Array(0)), /empty \(0 bytes\)/);
    const r = rng(20261126);
    for (const size of [1, 15, 16, 100, 4095, 4096, 65_536, 300_000]) {
      expectRefusedUntouched(write(`random-${size}.sqlite`, r.bytes(size)), NOT_USABLE);
      const withHeader = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), r.bytes(size)]);
      expectRefusedUntouched(write(`header-random-${size}.sqlite`, withHeader), NOT_USABLE);
    }
    // The real first page of a workspace followed by noise.
    expectRefusedUntouched(
      write('page1-noise.sqlite', Buffer.concat([demo.subarray(0, 4096), r.bytes(40_960)])),
      NOT_USABLE,
    );
  });

  it('non-app SQLite files are refused unchanged: another app id, a bare schema version, a view only', () => {
    const other = path.join(dir, 'other-app.sqlite');
    const a = new Database(other);
    a.pragma('application_id = 1297109580'); // some other application's id, no tables
    a.close();
    expectRefusedUntouched(other, /not a CAIO Scorecard workspace/);

    const versioned = path.join(dir, 'versioned.sqlite');
    const b = new Database(versioned);
    b.pragma('user_version = 3');
    b.close();
    expectRefusedUntouched(versioned, /not a CAIO Scorecard workspace/);

    const viewOnly = path.join(dir, 'view.sqlite');
    const c = new Database(viewOnly);
    c.exec('CREATE VIEW v AS SELECT 1 AS x');
    c.close();
    expectRefusedUntouched(viewOnly, /not a CAIO Scorecard workspace/);
  });

  // Damage inside a data page is only met by the first query that reads it: the CLI maps SQLite's
  // corruption codes to the same "is damaged … restore from a backup" message.
  it('a workspace with a damaged page gets a clear CLI message, not a stack trace', async () => {
    const b = Buffer.from(demo);
    for (let i = 0; i < 4096; i++) b[4096 + i] = (i * 131) & 0xff;
    const file = write('page-damaged.sqlite', b);
    const run = await runCliProcess(['report', '--db', file, '--period', 'FY2026-Q1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is damaged/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('the CLI says so in one line (exit 1, no stack trace) for each kind of bad file', async () => {
    const files = [
      write('cli-zero.sqlite', new Uint8Array(0)),
      write('cli-random.sqlite', rng(5).bytes(10_000)),
      write('cli-cut.sqlite', demo.subarray(0, demo.length >> 1)),
    ];
    for (const file of files) {
      const run = await runCliProcess(['batches', '--db', file]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/^Error: .*(not a CAIO Scorecard workspace|empty|is damaged)/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
