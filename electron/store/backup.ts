import fs from 'node:fs';
import path from 'node:path';
import {
  openDatabase,
  plainConnection,
  readOnlyError,
  storageError,
  WorkspaceError,
  writeBlocker,
  type Db,
} from './db';
import type { ReadableDb, WritableDb } from './connection';
import { realWorkspacePath } from './identity';
import { acquireWorkspaceLock, alive } from './lock';
import { BACKUP_REASONS, type BackupReason } from '../../shared/api/workspace';

export type { BackupReason };

export interface BackupFile {
  file: string;
  reason: BackupReason | 'unknown';
  createdAt: string;
  size: number;
}

/** How many automatic backups are kept per workspace; manual ones are never rotated away. */
export const KEEP_AUTOMATIC = 10;

/** The folder of a workspace's backups: beside its real file, whatever path it is reached by. */
export function backupDir(workspaceFile: string): string {
  return `${realWorkspacePath(workspaceFile).replace(/\.[^./\\]+$/, '')}.backups`;
}

function stamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function backupTarget(workspaceFile: string, reason: BackupReason): string {
  const dir = backupDir(workspaceFile);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    // (On a read-only mount a recursive mkdir says ENOENT, not EROFS: ask the folder above.)
    const blocked = writeBlocker(dir);
    if (blocked)
      throw new WorkspaceError(
        `The backup could not be written: ${blocked}. Nothing was changed.`,
        'READ_ONLY',
      );
    throw storageError(err, dir, `the backups folder ${dir}`) ?? err;
  }
  const base = path.basename(realWorkspacePath(workspaceFile)).replace(/\.[^.]+$/, '');
  return path.join(dir, `${base}.${stamp()}.${reason}.sqlite`);
}

/**
 * Consistent copy of a live workspace with SQLite's online backup API, written under a temporary
 * name and renamed when complete, so an interrupted backup never looks like a good one.
 */
export async function backupWorkspace(
  db: ReadableDb,
  workspaceFile: string,
  reason: BackupReason,
  out?: string,
  options: RotateOptions = {},
): Promise<string> {
  const dest = out ?? backupTarget(workspaceFile, reason);
  const tmp = temporary(dest, 'partial');
  try {
    await db.backup(tmp);
    fs.renameSync(tmp, dest);
  } catch (err) {
    removeWithCompanions(tmp);
    throw storageError(err, dest, `the backup ${dest}`) ?? err;
  }
  rotate(workspaceFile, options);
  return dest;
}

/**
 * The pre-migration copy has to finish before the migration transaction starts, inside the
 * synchronous open, so it uses VACUUM INTO (also a consistent snapshot) rather than the async API.
 */
export function backupBeforeMigration(db: Db, workspaceFile: string): string {
  const dest = backupTarget(workspaceFile, 'before-migration');
  const tmp = temporary(dest, 'partial');
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    fs.renameSync(tmp, dest);
  } catch (err) {
    removeWithCompanions(tmp);
    throw storageError(err, dest, `the backup taken before the update of its format, ${dest},`) ?? err;
  }
  rotate(workspaceFile);
  return dest;
}

export function listBackups(workspaceFile: string): BackupFile[] {
  const dir = backupDir(workspaceFile);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => {
      const m = /\.(\d{4}-\d{2}-\d{2}T[\d-]+Z)\.([a-z-]+)\.sqlite$/.exec(f);
      const full = path.join(dir, f);
      const createdAt = m ? m[1]!.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/, 'T$1:$2:$3.$4Z') : '';
      const named = m?.[2];
      const reason: BackupFile['reason'] = (BACKUP_REASONS as readonly string[]).includes(named ?? '')
        ? (named as BackupReason)
        : 'unknown';
      return { file: full, reason, createdAt, size: fs.statSync(full).size };
    })
    .sort((a, b) => b.file.localeCompare(a.file));
}

export interface RotateOptions {
  /** A backup rotation must not take away (the one being restored): it is kept beyond the count. */
  keep?: string;
}

function rotate(workspaceFile: string, options: RotateOptions = {}): void {
  const keep = options.keep === undefined ? null : sameFileAs(options.keep);
  const automatic = listBackups(workspaceFile).filter((b) => b.reason !== 'manual' && !keep?.(b.file));
  for (const old of automatic.slice(KEEP_AUTOMATIC)) removeWithCompanions(old.file);
}

/** A test for "is this the same file as `file`" (by device and inode, so any path to it matches). */
function sameFileAs(file: string): (other: string) => boolean {
  let id: fs.Stats;
  try {
    id = fs.statSync(file);
  } catch {
    return () => false;
  }
  return (other) => {
    try {
      const o = fs.statSync(other);
      return o.dev === id.dev && o.ino === id.ino;
    } catch {
      return false;
    }
  };
}

/**
 * The name a backup (`.partial`) or a restore (`.restoring`) writes under until it is complete. It
 * carries this process's id, so that a later open can tell a dead writer's leftover from work in progress.
 */
function temporary(file: string, kind: 'partial' | 'restoring'): string {
  return `${file}.${process.pid}.${kind}`;
}

/** `<name>[.<pid>].partial|restoring[-journal|-wal|-shm]`: a temporary, and its writer's id if named. */
const TEMPORARY = /\.(?:(\d+)\.)?(partial|restoring)(?:-journal|-wal|-shm)?$/;
/** A temporary named without a process id (by a version before they had one) is stale after this. */
const UNNAMED_STALE_MS = 60 * 60 * 1000;

/**
 * Removes what killed backups and restores of this workspace left: `.partial` files in its backups
 * folder, `.restoring` copies beside it (with SQLite's -journal/-wal/-shm of either), and the -wal/-shm
 * of a backup that is gone. Only stale ones: a file whose name carries the id of a process still running
 * on this machine is that process's work in progress and stays; one without an id goes once unmodified
 * for an hour. Best effort: what cannot be removed stays. Returns the files removed.
 */
export function removeStaleTemporaries(workspaceFile: string): string[] {
  const real = realWorkspacePath(workspaceFile);
  const removed: string[] = [];
  const sweep = (dir: string, ours: (name: string) => boolean) => {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!ours(name)) continue;
      const file = path.join(dir, name);
      try {
        const m = TEMPORARY.exec(name);
        if (m) {
          const pid = m[1] === undefined ? null : Number(m[1]);
          if (pid !== null ? alive(pid) : Date.now() - fs.statSync(file).mtimeMs < UNNAMED_STALE_MS) continue;
        } else {
          // -wal/-shm of a backup: only when the backup itself is gone.
          const base = name.replace(/-(?:wal|shm)$/, '');
          if (base === name || fs.existsSync(path.join(dir, base))) continue;
        }
        fs.rmSync(file, { force: true });
        removed.push(file);
      } catch {
        // Left for next time.
      }
    }
  };
  const base = path.basename(real);
  sweep(
    path.dirname(real),
    (name) => name.startsWith(`${base}.`) && TEMPORARY.test(name) && /restoring/.test(name),
  );
  sweep(backupDir(real), (name) => TEMPORARY.test(name) || /\.sqlite-(?:wal|shm)$/.test(name));
  return removed;
}

/** SQLite's files beside a database: its rollback journal, write-ahead log and shared-memory index. */
const COMPANIONS = ['-journal', '-wal', '-shm'];

/** Removes a file of ours and whatever SQLite left beside it. */
function removeWithCompanions(file: string): void {
  for (const f of [file, ...COMPANIONS.map((c) => `${file}${c}`)]) fs.rmSync(f, { force: true });
}

/** How long a restore waits for another connection's write to finish before giving up. */
const RESTORE_BUSY_MS = 10_000;

/**
 * Replaces a workspace's content with a backup. The backup is copied first, beside the workspace, and
 * the copy is checked to be a readable workspace: nothing done after that (the rotation of the safety
 * backup included) can take the restore point away. The current state is itself backed up.
 *
 * The workspace is its real file (through a symlink, the link's target is restored and the link stays a
 * link), held under the workspace lock for the whole restore: no other process of the app has it open.
 * A healthy workspace is written through SQLite, in one transaction: it stays the same file, so a
 * connection still open on it (another tool's, or a reader's) keeps a valid -wal/-shm and sees the
 * restored data as another writer's commit; a crash half-way leaves it as it was. Only a damaged or
 * missing workspace — which no process of the app can have open — is replaced by a rename. Either way
 * it is all or nothing, and a restore that fails leaves no file of its own behind.
 */
export async function restoreWorkspace(
  backupFile: string,
  workspaceFile: string,
): Promise<{ safetyCopy: string | null }> {
  const real = realWorkspacePath(workspaceFile);
  const blocked = writeBlocker(real);
  if (blocked) throw readOnlyError(workspaceFile, blocked);
  const release = acquireWorkspaceLock(workspaceFile, 'CAIO Scorecard (restoring a backup)');
  const tmp = temporary(real, 'restoring');
  try {
    try {
      fs.copyFileSync(backupFile, tmp);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !fs.existsSync(backupFile))
        throw new WorkspaceError(`Backup not found: ${backupFile}; nothing was restored.`, 'NOT_FOUND');
      throw storageError(err, tmp, `the copy of the backup to restore, ${tmp},`) ?? err;
    }
    checkRestorePoint(tmp, backupFile);
    let safetyCopy: string | null = null;
    let pageSize: number | null = null; // the healthy workspace's, written in place
    if (fs.existsSync(real)) {
      let current: WritableDb | null = null;
      try {
        current = openDatabase(real);
      } catch (err) {
        // A damaged workspace is what a restore is for: keep its bytes as they are, aside, and go on.
        if (!(err instanceof WorkspaceError) || err.code !== 'CORRUPT') throw err;
        safetyCopy = keepDamaged(real);
      }
      if (current) {
        try {
          safetyCopy = await backupWorkspace(current, real, 'before-restore', undefined, {
            keep: backupFile,
          });
          pageSize = current.pragma('page_size', { simple: true }) as number;
        } finally {
          current.close();
        }
      }
    }
    try {
      if (pageSize !== null) await writeInto(tmp, real, pageSize, workspaceFile);
      else replaceWith(tmp, real);
    } catch (err) {
      throw storageError(err, real, `the restored workspace ${real}`) ?? err;
    }
    return { safetyCopy };
  } finally {
    removeWithCompanions(tmp);
    release();
  }
}

/** Keeps a damaged workspace's bytes (and its -wal, which may hold its latest changes) in its backups folder. */
function keepDamaged(real: string): string {
  const base = path.basename(real).replace(/\.[^.]+$/, '');
  fs.mkdirSync(backupDir(real), { recursive: true });
  const aside = path.join(backupDir(real), `${base}.${stamp()}.damaged`);
  fs.copyFileSync(real, aside);
  const wal = `${real}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) fs.copyFileSync(wal, `${aside}-wal`);
  return aside;
}

/**
 * Writes a checked copy into the live workspace through SQLite's online backup API: one write
 * transaction on the workspace, waiting (up to RESTORE_BUSY_MS without progress) for another
 * connection's write to end. A WAL-mode workspace cannot change its page size that way (SQLite refuses
 * with SQLITE_READONLY), so a copy with another page size is first rebuilt with the workspace's.
 */
async function writeInto(source: string, real: string, pageSize: number, shown: string): Promise<void> {
  let src = openDatabase(source, { readonly: true });
  if (src.pragma('page_size', { simple: true }) !== pageSize) {
    src.close();
    const copy = plainConnection(source, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      copy.pragma(`page_size = ${pageSize}`);
      copy.exec('VACUUM');
    } finally {
      copy.close();
    }
    src = openDatabase(source, { readonly: true });
  }
  let remaining = -1;
  let since = Date.now();
  try {
    await src.backup(real, {
      progress: (p) => {
        if (p.remainingPages !== remaining) {
          remaining = p.remainingPages;
          since = Date.now();
        } else if (Date.now() - since > RESTORE_BUSY_MS)
          throw new WorkspaceError(
            `${shown} is busy: another program is writing to it. Nothing was restored; try again when it has finished.`,
            'BUSY',
          );
        return 4096;
      },
    });
  } finally {
    src.close();
  }
}

/**
 * A damaged or missing workspace is replaced by a rename. Its -wal/-shm belong to the damaged file (a
 * stale WAL would be replayed onto the restored one); no process of the app can have a damaged
 * workspace open (it is refused at open) and this one holds its lock, so they are not anyone's.
 */
function replaceWith(copy: string, real: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${real}${suffix}`, { force: true });
  fs.renameSync(copy, real);
}

/**
 * Checks the private copy of a restore point (integrity, and that it is a workspace this version reads);
 * errors name the backup the user chose, not the copy. The copy's -wal/-shm go with the check.
 */
function checkRestorePoint(copy: string, backupFile: string): void {
  const named = (err: unknown) =>
    err instanceof WorkspaceError
      ? new WorkspaceError(err.message.split(copy).join(backupFile), err.code)
      : err;
  let check: ReadableDb;
  try {
    check = openDatabase(copy, { readonly: true });
  } catch (err) {
    throw named(err);
  }
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok')
      throw new WorkspaceError(
        `${backupFile} failed the integrity check (${String(ok)}); nothing was restored.`,
        'CORRUPT',
      );
  } catch (err) {
    throw named(err);
  } finally {
    check.close();
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${copy}${suffix}`, { force: true });
  }
}
