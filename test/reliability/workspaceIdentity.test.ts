import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupWorkspace } from '../../electron/store/backup';
import { lockPath } from '../../electron/store/lock';
import { initWorkspace, openWorkspace } from '../../electron/store/workspace';
import { tempDir } from '../helpers/tempWorkspace';
import { ROOT, runCliProcess, writeSpendCsv } from './kill';

/**
 * Issue #14 (4): the workspace lock was keyed on the path string, so a symlink let a second process
 * write a workspace another held; a restore through a symlink replaced the link with a regular file;
 * and a restore unlinked the -wal/-shm another connection had open, whose acknowledged writes then stayed
 * invisible to other readers. The workspace is now one file whatever the path to it: the lock lives
 * beside its real path (symlinks resolved) and this process counts its holds by the lock file's
 * device and inode; a restore writes the link's target through SQLite and never unlinks a -wal/-shm.
 * (Letter case on macOS/Windows cannot be tried on Linux: there both names are the same lock file.)
 */
const dir = tempDir('caio-identity-');
const children: ChildProcess[] = [];
afterAll(() => {
  children.forEach((c) => c.kill('SIGKILL'));
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Holder {
  child: ChildProcess;
  /** Sends one line and resolves with the holder's answer to it. */
  ask(line: string): Promise<string>;
}

/**
 * Another process holding the workspace: 'app' opens it as the app and the web bridge do (lock held,
 * app's own connection); 'sqlite' is a plain SQLite connection outside the app's lock (another tool).
 * Either keeps its writes in the WAL (no automatic checkpoint) and answers "write TEXT" with "ok TEXT".
 */
function hold(file: string, as: 'app' | 'sqlite'): Promise<Holder> {
  const open =
    as === 'app'
      ? `const { openWorkspace } = await import(${JSON.stringify(path.join(ROOT, 'electron/store/workspace.ts'))});
         const db = openWorkspace(${JSON.stringify(file)}, { lock: 'hold', holder: 'CAIO Scorecard web bridge' }).db;`
      : `const { createRequire } = await import('node:module');
         const Database = createRequire(${JSON.stringify(`${ROOT}/`)})('better-sqlite3');
         const db = new Database(${JSON.stringify(file)}); db.pragma('journal_mode = WAL');`;
  const script = `
    ${open}
    db.pragma('wal_autocheckpoint = 0');
    const put = db.prepare("INSERT INTO settings (key, value) VALUES ('note', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    process.stdin.setEncoding('utf8');
    let buf = '';
    process.stdin.on('data', (d) => {
      buf += d;
      for (let i = buf.indexOf('\\n'); i >= 0; i = buf.indexOf('\\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        const text = line.replace(/^write /, '');
        put.run(JSON.stringify(text));
        process.stdout.write('ok ' + text + '\\n');
      }
    });
    process.stdout.write('held\\n');
  `;
  const script_ = path.join(dir, `holder-${children.length}.mts`);
  fs.writeFileSync(script_, script);
  const child = spawn(process.execPath, ['--import', 'tsx', script_], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines: string[] = [];
  const waiting: ((l: string) => void)[] = [];
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (let i = out.indexOf('\n'); i >= 0; i = out.indexOf('\n')) {
      const l = out.slice(0, i);
      out = out.slice(i + 1);
      const w = waiting.shift();
      if (w) w(l);
      else lines.push(l);
    }
  });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const l = lines.shift();
      if (l !== undefined) return resolve(l);
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
  return next().then((first) => {
    expect(first).toBe('held');
    return {
      child,
      ask: (line: string) => {
        child.stdin!.write(`${line}\n`);
        return next();
      },
    };
  });
}

async function stop(h: Holder): Promise<void> {
  h.child.kill('SIGKILL');
  if (h.child.exitCode === null && h.child.signalCode === null)
    await new Promise((r) => h.child.once('exit', r));
}

/** What a new reader sees, through a connection of its own opened after everything else. */
function read(file: string): { name: string; note: string | null; spend: number; integrity: string } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const get = (key: string) =>
      (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
    return {
      name: JSON.parse(get('name')!) as string,
      note: get('note') === null ? null : (JSON.parse(get('note')!) as string),
      spend: db.prepare('SELECT count(*) FROM spend').pluck().get() as number,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
    };
  } finally {
    db.close();
  }
}

/** Device and inode of a file, or null when it is not there. */
function identity(file: string): string | null {
  try {
    const s = fs.statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/**
 * A workspace in `real/` named `name`, reached also through a link to the file (`files/`) and a link to
 * its folder (`folder/`); with a manual backup of its first state ("Before") and a later state ("After").
 */
async function linked(name: string) {
  const base = path.join(dir, name);
  const realDir = path.join(base, 'real');
  fs.mkdirSync(path.join(base, 'files'), { recursive: true });
  fs.mkdirSync(realDir, { recursive: true });
  const file = path.join(realDir, 'w.sqlite');
  const ws = initWorkspace(file, { name: 'Before' });
  const backup = await backupWorkspace(ws.db, file, 'manual');
  ws.db.prepare("UPDATE settings SET value = '\"After\"' WHERE key = 'name'").run();
  ws.close();
  const fileLink = path.join(base, 'files', 'link.sqlite');
  fs.symlinkSync(file, fileLink);
  const folder = path.join(base, 'folder');
  fs.symlinkSync(realDir, folder);
  return { file, backup, fileLink, folderLink: path.join(folder, 'w.sqlite') };
}

const small = path.join(dir, 'small.csv');
beforeAll(() => writeSpendCsv(small, 20));

describe('one workspace, whatever the path to it', () => {
  it('a second process reaching a held workspace through a symlink is refused as busy, and nothing of the holder’s is touched', async () => {
    const w = await linked('busy');
    const holder = await hold(w.file, 'app');
    expect(await holder.ask('write acknowledged')).toBe('ok acknowledged');
    const wal = identity(`${w.file}-wal`);
    const shm = identity(`${w.file}-shm`);
    expect(wal).not.toBeNull();
    for (const via of [w.fileLink, w.folderLink]) {
      const imp = await runCliProcess(['import', small, '--db', via]);
      expect(imp.code, `${via}: ${imp.stdout}`).toBe(1);
      expect(imp.stderr).toMatch(/is open in another CAIO Scorecard web bridge \(process \d+/);
      const restore = await runCliProcess(['restore', w.backup, '--db', via]);
      expect(restore.code, `${via}: ${restore.stdout}`).toBe(1);
      expect(restore.stderr).toMatch(/is open in another CAIO Scorecard web bridge/);
    }
    expect(fs.lstatSync(w.fileLink).isSymbolicLink()).toBe(true);
    expect(identity(`${w.file}-wal`)).toBe(wal);
    expect(identity(`${w.file}-shm`)).toBe(shm);
    expect(read(w.file)).toEqual({ name: 'After', note: 'acknowledged', spend: 0, integrity: 'ok' });
    expect(await holder.ask('write still mine')).toBe('ok still mine');
    expect(read(w.fileLink).note).toBe('still mine');
    await stop(holder);
  }, 120_000);

  it('this process opening the workspace through a link and through its path holds one lock', async () => {
    const w = await linked('same-process');
    const a = openWorkspace(w.file, { lock: 'hold' });
    const b = openWorkspace(w.fileLink, { lock: 'hold' });
    expect(fs.existsSync(lockPath(w.fileLink))).toBe(false);
    b.close();
    expect(fs.existsSync(lockPath(w.file))).toBe(true); // still held through `a`
    a.close();
    expect(fs.existsSync(lockPath(w.file))).toBe(false);
  });

  it('a restore through a symlink restores the file it points to and leaves the link a link', async () => {
    const w = await linked('restore-link');
    const target = fs.readlinkSync(w.fileLink);
    const run = await runCliProcess(['restore', w.backup, '--db', w.fileLink]);
    expect(run.code, run.stderr).toBe(0);
    expect(fs.lstatSync(w.fileLink).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(w.fileLink)).toBe(target);
    expect(read(w.file)).toMatchObject({ name: 'Before', integrity: 'ok' });
    // The safety copy of the state it replaced is beside the real file, where the app lists it.
    expect(run.stdout).toMatch(/saved as .*real\/w\.backups\/w\..*\.before-restore\.sqlite/);

    const again = await runCliProcess(['restore', w.backup, '--db', w.folderLink]);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.lstatSync(path.dirname(w.folderLink)).isSymbolicLink()).toBe(true);
    expect(read(w.file)).toMatchObject({ name: 'Before', integrity: 'ok' });
  }, 60_000);

  it('a restore never unlinks the -wal/-shm another connection has open: its writes after the restore reach every new reader', async () => {
    const w = await linked('foreign-holder');
    // Another SQLite connection, outside the app's lock, with acknowledged writes still in the WAL.
    const other = await hold(w.file, 'sqlite');
    expect(await other.ask('write before the restore')).toBe('ok before the restore');
    const wal = identity(`${w.file}-wal`);
    const shm = identity(`${w.file}-shm`);
    expect(wal).not.toBeNull();
    const run = await runCliProcess(['restore', w.backup, '--db', w.folderLink]);
    expect(run.code, run.stderr).toBe(0);
    expect(identity(`${w.file}-wal`)).toBe(wal);
    expect(identity(`${w.file}-shm`)).toBe(shm);
    expect(read(w.file)).toEqual({ name: 'Before', note: null, spend: 0, integrity: 'ok' });
    // The other connection goes on writing; a reader that opens afterwards sees it.
    expect(await other.ask('write after the restore')).toBe('ok after the restore');
    expect(read(w.file)).toEqual({ name: 'Before', note: 'after the restore', spend: 0, integrity: 'ok' });
    await stop(other);
    expect(read(w.file)).toMatchObject({ note: 'after the restore', integrity: 'ok' });
  }, 60_000);
});
