import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/demo/generate';
import { createService } from '../../electron/service/service';
import { UploadStore } from '../../electron/service/uploads';
import { backupDir, backupWorkspace, listBackups } from '../../electron/store/backup';
import { WorkspaceError } from '../../electron/store/db';
import { initWorkspace, openWorkspace } from '../../electron/store/workspace';
import { tempDir } from '../helpers/tempWorkspace';
import { runCliProcess, writeSpendCsv } from './kill';

/**
 * Issue #14 (5): a healthy workspace in a read-only folder was called "damaged … restore it from a
 * backup", and a full disk gave a bare ENOSPC and left an empty `.lock`. Both are made for real here:
 * a read-only bind mount and a 2 MB tmpfs (mount(8), which needs root — the CI runs as root; elsewhere
 * these tests are skipped, saying why), and a read-only file by running the CLI as a user who may not
 * write it (root may write any file, so as root the CLI runs as `nobody`).
 */
const dir = tempDir('caio-disk-');
fs.chmodSync(dir, 0o755);
const mounts: string[] = [];

function sh(cmd: string, args: string[]): { ok: boolean; err: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { ok: r.status === 0, err: `${r.stderr ?? ''}${r.error?.message ?? ''}`.trim() };
}

/** Why mounts cannot be made here, or null when they can (tried once, for real). */
const NO_MOUNTS: string | null = (() => {
  if (process.platform !== 'linux') return `mount(8) is Linux-only here (platform ${process.platform})`;
  if (process.getuid?.() !== 0)
    return 'mounting a read-only bind mount or a tmpfs needs root (this run is not)';
  const probe = path.join(dir, 'probe');
  fs.mkdirSync(probe);
  const r = sh('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
  if (!r.ok) return `mount(8) was refused: ${r.err}`;
  sh('umount', [probe]);
  return null;
})();

afterAll(() => {
  for (const m of mounts.reverse()) sh('umount', ['-l', m]);
  fs.rmSync(dir, { recursive: true, force: true });
});

function mount(args: string[], at: string): void {
  fs.mkdirSync(at, { recursive: true });
  const r = sh('mount', [...args, at]);
  if (!r.ok) throw new Error(`mount ${args.join(' ')} ${at}: ${r.err}`);
  mounts.push(at);
}

/** What is in a folder, minus SQLite's own -wal/-shm beside a workspace that is in use. */
const listing = (d: string) => fs.readdirSync(d).sort();

const csv = path.join(dir, 'spend.csv');
beforeAll(() => writeSpendCsv(csv, 20));

function demoIn(folder: string, name = 'w.sqlite'): string {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  const ws = initWorkspace(file);
  generateDemo(ws.db);
  ws.close();
  return file;
}

const DAMAGED = /damaged|restore it from a backup|Restore from Backup/i;

describe.skipIf(NO_MOUNTS !== null)(
  `a workspace in a read-only folder${NO_MOUNTS ? ` (skipped: ${NO_MOUNTS})` : ''}`,
  () => {
    let source: string;
    let file: string;
    const out = path.join(dir, 'out');
    beforeAll(() => {
      source = demoIn(path.join(dir, 'rw'));
      mount(['--bind', path.dirname(source)], path.join(dir, 'ro'));
      mount(['-o', 'remount,bind,ro'], path.join(dir, 'ro'));
      file = path.join(dir, 'ro', 'w.sqlite');
      fs.mkdirSync(out);
    });

    it('is called read-only, not damaged, when opened to be changed — and nothing is left beside it', () => {
      expect(() => fs.writeFileSync(path.join(dir, 'ro', 'x'), 'x')).toThrow(/EROFS/);
      const before = listing(path.dirname(file));
      for (const options of [{}, { lock: 'hold' as const }]) {
        let error: unknown;
        try {
          openWorkspace(file, options).close();
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(WorkspaceError);
        expect((error as WorkspaceError).code).toBe('READ_ONLY');
        expect((error as Error).message).toMatch(/is read-only/);
        expect((error as Error).message).toMatch(/open it read-only|read-only to view|report/);
        expect((error as Error).message).not.toMatch(DAMAGED);
      }
      expect(listing(path.dirname(file))).toEqual(before);
    });

    it('the CLI reports from it as from the same file elsewhere; a change is refused in one line saying read-only', async () => {
      const here = await runCliProcess(['report', '--db', file, '--period', 'FY2026-Q3', '--json']);
      expect(here.code, here.stderr).toBe(0);
      const there = await runCliProcess(['report', '--db', source, '--period', 'FY2026-Q3', '--json']);
      expect(JSON.parse(here.stdout)).toEqual(JSON.parse(there.stdout));

      for (const args of [
        ['import', csv, '--db', file],
        ['undo', '1', '--db', file],
        ['restore', path.join(dir, 'nowhere.sqlite'), '--db', file],
      ]) {
        const run = await runCliProcess(args);
        expect(run.code, args[0]).toBe(1);
        expect(run.stderr, args[0]).toMatch(/^Error: .*is read-only/);
        expect(run.stderr, args[0]).not.toMatch(DAMAGED);
        expect(run.stderr, args[0]).not.toMatch(/\n\s+at |EROFS:/);
      }
      // A backup needs its folder beside the workspace: refused, naming --out; with --out it works.
      const refused = await runCliProcess(['backup', '--db', file]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/read-only.*--out/);
      const copy = path.join(out, 'copy.sqlite');
      const made = await runCliProcess(['backup', '--db', file, '--out', copy]);
      expect(made.code, made.stderr).toBe(0);
      const again = await runCliProcess(['report', '--db', copy, '--period', 'FY2026-Q3', '--json']);
      expect(JSON.parse(again.stdout)).toEqual(JSON.parse(there.stdout));
    }, 120_000);

    it('the app opens it for viewing: it reads, and a change is refused saying read-only', async () => {
      const ws = openWorkspace(file, { lock: 'hold', ifReadOnly: 'view' });
      expect(ws.readOnly).toBe(true);
      const service = createService({ ws, uploads: new UploadStore() });
      const info = await service.call('workspace.info', {});
      expect(info).toMatchObject({ ok: true, result: { counts: { initiatives: 9 } } });
      for (const [method, payload] of [
        ['settings.update', { patch: { companyName: 'Changed' } }],
        ['workspace.backup', {}],
        ['batches.undo', { id: 1 }],
      ] as const) {
        const r = await service.call(method, payload);
        expect(r.ok, method).toBe(false);
        const message = (r as { error: { message: string } }).error.message;
        expect(message, method).toMatch(/read-only/);
        expect(message, method).not.toMatch(DAMAGED);
      }
      service.ctx.ws.close();
    });
  },
);

/** Runs as a user who may not write the file (root may write anything; then as `nobody`). */
const OTHER_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const NO_OTHER_USER: string | null =
  process.platform === 'win32'
    ? 'file modes do not make a file read-only on Windows'
    : process.getuid?.() === 0 && spawnSync(process.execPath, ['-e', ''], { ...OTHER_USER }).status !== 0
      ? 'cannot run a process as nobody (uid 65534) here'
      : null;

describe.skipIf(NO_OTHER_USER !== null)(
  `a read-only workspace file${NO_OTHER_USER ? ` (skipped: ${NO_OTHER_USER})` : ''}`,
  () => {
    it('is reported from, and a change is refused saying read-only, not damaged', async () => {
      const folder = path.join(dir, 'ro-file');
      const file = demoIn(folder);
      fs.chmodSync(folder, 0o777); // the folder may be written; the file may not
      fs.chmodSync(file, 0o444);
      const as = (args: string[]) =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          const r = spawnSync(
            process.execPath,
            ['--import', 'tsx', path.resolve(__dirname, '../../electron/cli/main.ts'), ...args],
            { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8', ...OTHER_USER },
          );
          resolve({ code: r.status, stdout: r.stdout, stderr: r.stderr });
        });
      const report = await as(['report', '--db', file, '--period', 'FY2026-Q3', '--json']);
      expect(report.code, report.stderr).toBe(0);
      expect(JSON.parse(report.stdout)).toMatchObject({ period: 'FY2026-Q3' });
      const imp = await as(['import', csv, '--db', file]);
      expect(imp.code).toBe(1);
      expect(imp.stderr).toMatch(/^Error: .*is read-only/);
      expect(imp.stderr).not.toMatch(DAMAGED);
      expect(listing(folder).filter((f) => f.endsWith('.lock'))).toEqual([]);
    }, 60_000);
  },
);

describe.skipIf(NO_MOUNTS !== null)(`a full disk${NO_MOUNTS ? ` (skipped: ${NO_MOUNTS})` : ''}`, () => {
  let folder: string;
  let file: string;
  let backup: string;
  const filler = () => path.join(folder, 'filler');
  /** Fills the disk: writes until the file system says it is full. */
  function fill(): void {
    const fd = fs.openSync(filler(), 'w');
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    }
    try {
      for (;;) fs.writeSync(fd, chunk, 0, 512);
    } catch {
      // full to the last block
    }
    fs.closeSync(fd);
  }
  beforeAll(async () => {
    folder = path.join(dir, 'small');
    mount(['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs'], folder);
    file = demoIn(folder);
    const ws = openWorkspace(file);
    backup = await backupWorkspace(ws.db, file, 'manual');
    ws.close();
  });

  it('says the disk is full, leaves no lock, partial backup or restore copy, and changes nothing', async () => {
    const batchCount = (): unknown => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM import_batches').pluck().get();
      } finally {
        db.close();
      }
    };
    const batchesBefore = batchCount() as number;
    fill();
    const before = fs.readFileSync(file);
    const backups = listing(backupDir(file));
    let error: unknown;
    try {
      openWorkspace(file, { lock: 'hold' }).close();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(WorkspaceError);
    expect((error as WorkspaceError).code).toBe('DISK_FULL');
    expect((error as Error).message).toMatch(/disk is full/);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);

    for (const args of [
      ['import', csv, '--db', file],
      ['backup', '--db', file],
      ['restore', backup, '--db', file],
    ]) {
      const run = await runCliProcess(args);
      expect(run.code, `${args[0]}: ${run.stdout}`).toBe(1);
      expect(run.stderr, args[0]).toMatch(/^Error: .*disk is full/);
      expect(run.stderr, args[0]).not.toMatch(/\n\s+at |ENOSPC:|SQLITE_FULL|damaged/);
      expect(fs.existsSync(`${file}.lock`), args[0]).toBe(false);
    }
    expect(listing(backupDir(file))).toEqual(backups);
    expect(listing(folder).filter((f) => /lock|partial|restoring/.test(f))).toEqual([]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);

    // With room again, the same import goes through.
    fs.rmSync(filler());
    const run = await runCliProcess(['import', csv, '--db', file]);
    expect(run.code, run.stderr).toBe(0);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(batchCount()).toBe(batchesBefore + 1);
    expect(listBackups(file).length).toBe(backups.length);
  }, 120_000);
});
