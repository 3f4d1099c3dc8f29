import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDir, backupWorkspace, listBackups } from '../../electron/store/backup';
import { initWorkspace, openWorkspace } from '../../electron/store/workspace';
import { tempDir } from '../helpers/tempWorkspace';
import { ROOT, runCliProcess } from './kill';

/**
 * Issue #14 (5): the `.partial` files of killed backups and the copies of killed restores were never
 * cleaned. Opening a workspace for writing now removes them — only stale ones: a temporary file's name
 * carries its writer's process id, and one whose process still runs is left alone.
 */
const dir = tempDir('caio-stale-');
const children: ReturnType<typeof spawn>[] = [];
afterAll(() => {
  children.forEach((c) => c.kill('SIGKILL'));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A process id no process has now (one that has just ended). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return r.pid!;
}

const temporaries = (d: string) =>
  fs
    .readdirSync(d)
    .filter((f) => /partial|restoring|-wal$|-shm$/.test(f))
    .sort();

/** A workspace of about 64 MB (an extra table of random blobs), so that a backup takes a while. */
function bigWorkspace(name: string): string {
  const file = path.join(dir, name, 'w.sqlite');
  fs.mkdirSync(path.dirname(file));
  const ws = initWorkspace(file);
  ws.db.exec('CREATE TABLE filler (x BLOB)');
  ws.db.exec(
    'WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000) ' +
      'INSERT INTO filler SELECT randomblob(65536) FROM c',
  );
  ws.close();
  return file;
}

/** Starts the CLI and resolves once a file `wanted` (given the child's pid) appears in `folder`. */
async function startUntil(args: string[], folder: string, wanted: (name: string, pid: number) => boolean) {
  fs.mkdirSync(folder, { recursive: true });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  let done = false;
  void exited.then(() => (done = true));
  for (;;) {
    const seen = fs.readdirSync(folder).find((f) => wanted(f, child.pid!));
    if (seen) return { child, exited, seen: path.join(folder, seen), stderr: () => stderr };
    if (done) throw new Error(`${args[0]} ended before its file appeared: ${stderr}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('what killed backups and restores leave behind', () => {
  it('is removed at the next open for writing — unless its process still runs', async () => {
    const folder = path.join(dir, 'fake');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'w.sqlite');
    const ws = initWorkspace(file);
    const good = await backupWorkspace(ws.db, file, 'manual');
    ws.close();
    const backups = backupDir(file);
    const dead = deadPid();
    const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    children.push(sleeper);
    const hourAgo = new Date(Date.now() - 2 * 3600_000);
    const put = (f: string, old = false) => {
      fs.writeFileSync(f, 'x');
      if (old) fs.utimesSync(f, hourAgo, hourAgo);
      return path.basename(f);
    };
    const stale = [
      put(path.join(backups, `w.2026-01-01T00-00-00-000Z.manual.sqlite.${dead}.partial`)),
      put(path.join(backups, `w.2026-01-01T00-00-00-000Z.manual.sqlite.${dead}.partial-journal`)),
      put(path.join(folder, `w.sqlite.${dead}.restoring`)),
      put(path.join(folder, `w.sqlite.${dead}.restoring-wal`)),
      put(path.join(folder, `w.sqlite.${dead}.restoring-shm`)),
      // Written before names carried a process id: stale once unmodified for an hour.
      put(path.join(backups, 'w.2026-01-02T00-00-00-000Z.before-undo.sqlite.partial'), true),
      put(path.join(folder, 'w.sqlite.restoring'), true),
      // SQLite's files beside a backup that is gone.
      put(path.join(backups, 'w.2026-01-03T00-00-00-000Z.before-undo.sqlite-wal')),
      put(path.join(backups, 'w.2026-01-03T00-00-00-000Z.before-undo.sqlite-shm')),
    ];
    const kept = [
      put(path.join(backups, `w.2026-01-04T00-00-00-000Z.manual.sqlite.${sleeper.pid}.partial`)),
      put(path.join(backups, `w.2026-01-04T00-00-00-000Z.manual.sqlite.${process.pid}.partial`)),
      put(path.join(folder, `w.sqlite.${sleeper.pid}.restoring`)),
      // Without a process id and modified just now: perhaps an older version's backup, still writing.
      put(path.join(backups, 'w.2026-01-05T00-00-00-000Z.manual.sqlite.partial')),
      // Another workspace's temporary beside this one is not this workspace's to remove.
      put(path.join(folder, `other.sqlite.${dead}.restoring`)),
    ];

    // A reader removes nothing.
    openWorkspace(file, { readonly: true }).close();
    const all = [...temporaries(backups), ...temporaries(folder)];
    for (const f of [...stale, ...kept]) expect(all).toContain(f);

    openWorkspace(file).close();
    const left = [...temporaries(backups), ...temporaries(folder)];
    for (const f of stale) expect(left, f).not.toContain(f);
    for (const f of kept) expect(left, f).toContain(f);
    expect(listBackups(file).map((b) => b.file)).toEqual([good]);
  });

  it('a backup killed while writing leaves a .partial that the next open removes; one still running keeps its own', async () => {
    const file = bigWorkspace('backup');
    const backups = backupDir(file);

    const ownPartial = (f: string, pid: number) => f.endsWith(`.${pid}.partial`);
    const killed = await startUntil(['backup', '--db', file], backups, ownPartial);
    expect(path.basename(killed.seen)).toMatch(/\.manual\.sqlite\.\d+\.partial$/);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(temporaries(backups)).toContain(path.basename(killed.seen));

    // Another backup, still writing while the workspace is opened for writing: its file stays (were it
    // removed, the backup's final rename would fail and the command exit 1).
    const running = await startUntil(['backup', '--db', file], backups, ownPartial);
    expect(fs.existsSync(running.seen)).toBe(true);
    const ws = openWorkspace(file, { lock: 'hold' });
    ws.close();
    expect(temporaries(backups)).not.toContain(path.basename(killed.seen));
    expect(await running.exited, running.stderr()).toBe(0);
    expect(temporaries(backups)).toEqual([]);
    const list = listBackups(file);
    expect(list).toHaveLength(1);
    const copy = new Database(list[0]!.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(1000);
    copy.close();
  }, 180_000);

  it('a restore killed while copying leaves a .restoring copy that the next open removes; the workspace is sound', async () => {
    const file = bigWorkspace('restore');
    const ws = openWorkspace(file);
    const backup = await backupWorkspace(ws.db, file, 'manual');
    ws.db.prepare("UPDATE settings SET value = '\"Changed\"' WHERE key = 'name'").run();
    ws.close();
    const killed = await startUntil(['restore', backup, '--db', file], path.dirname(file), (f, pid) =>
      f.endsWith(`.${pid}.restoring`),
    );
    expect(path.basename(killed.seen)).toMatch(/^w\.sqlite\.\d+\.restoring$/);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(fs.existsSync(killed.seen)).toBe(true);

    const run = await runCliProcess(['batches', '--db', file]); // a reader: leaves it
    expect(run.code, run.stderr).toBe(0);
    expect(fs.existsSync(killed.seen)).toBe(true);
    const again = openWorkspace(file, { lock: 'hold' });
    expect(fs.existsSync(killed.seen)).toBe(false);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const name = again.db.prepare("SELECT value FROM settings WHERE key = 'name'").pluck().get();
    expect(['"Changed"', '"w"']).toContain(name); // the restore committed whole, or not at all
    again.close();
    expect([...temporaries(path.dirname(file)), ...temporaries(backupDir(file))]).toEqual([]);
  }, 180_000);
});
