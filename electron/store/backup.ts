import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, WorkspaceError, type Db } from './db';
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

export function backupDir(workspaceFile: string): string {
  return `${workspaceFile.replace(/\.[^./\\]+$/, '')}.backups`;
}

function stamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function target(workspaceFile: string, reason: BackupReason): string {
  const dir = backupDir(workspaceFile);
  fs.mkdirSync(dir, { recursive: true });
  const base = path.basename(workspaceFile).replace(/\.[^.]+$/, '');
  return path.join(dir, `${base}.${stamp()}.${reason}.sqlite`);
}

/**
 * Consistent copy of a live workspace with SQLite's online backup API, written under a temporary
 * name and renamed when complete, so an interrupted backup never looks like a good one.
 */
export async function backupWorkspace(
  db: Db,
  workspaceFile: string,
  reason: BackupReason,
  out?: string,
  options: RotateOptions = {},
): Promise<string> {
  const dest = out ?? target(workspaceFile, reason);
  const tmp = `${dest}.partial`;
  try {
    await db.backup(tmp);
    fs.renameSync(tmp, dest);
  } catch (err) {
    removeWithCompanions(tmp);
    throw err;
  }
  rotate(workspaceFile, options);
  return dest;
}

/**
 * The pre-migration copy has to finish before the migration transaction starts, inside the
 * synchronous open, so it uses VACUUM INTO (also a consistent snapshot) rather than the async API.
 */
export function backupBeforeMigration(db: Db, workspaceFile: string): string {
  const dest = target(workspaceFile, 'before-migration');
  const tmp = `${dest}.partial`;
  db.prepare('VACUUM INTO ?').run(tmp);
  fs.renameSync(tmp, dest);
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

/** SQLite's files beside a database: its rollback journal, write-ahead log and shared-memory index. */
const COMPANIONS = ['-journal', '-wal', '-shm'];

/** Removes a file of ours and whatever SQLite left beside it. */
function removeWithCompanions(file: string): void {
  for (const f of [file, ...COMPANIONS.map((c) => `${file}${c}`)]) fs.rmSync(f, { force: true });
}

/**
 * Replaces a (closed) workspace file with a backup. The backup is copied first, beside the workspace,
 * and the copy is checked to be a readable workspace: nothing done after that (the rotation of the
 * safety backup included) can take the restore point away. The current file is itself backed up; the
 * swap is a rename, so it is all or nothing. A restore that fails leaves no file of its own behind.
 */
export async function restoreWorkspace(
  backupFile: string,
  workspaceFile: string,
): Promise<{ safetyCopy: string | null }> {
  const tmp = `${workspaceFile}.restoring`;
  try {
    fs.copyFileSync(backupFile, tmp);
  } catch (err) {
    removeWithCompanions(tmp);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !fs.existsSync(backupFile))
      throw new WorkspaceError(`Backup not found: ${backupFile}; nothing was restored.`, 'NOT_FOUND');
    throw err;
  }
  try {
    checkRestorePoint(tmp, backupFile);
    let safetyCopy: string | null = null;
    if (fs.existsSync(workspaceFile)) {
      let current: Db | null = null;
      try {
        current = openDatabase(workspaceFile);
      } catch (err) {
        // A damaged workspace is what a restore is for: keep its bytes as they are, aside, and go on.
        if (!(err instanceof WorkspaceError) || err.code !== 'CORRUPT') throw err;
        const base = path.basename(workspaceFile).replace(/\.[^.]+$/, '');
        fs.mkdirSync(backupDir(workspaceFile), { recursive: true });
        safetyCopy = path.join(backupDir(workspaceFile), `${base}.${stamp()}.damaged`);
        fs.copyFileSync(workspaceFile, safetyCopy);
      }
      if (current) {
        try {
          safetyCopy = await backupWorkspace(current, workspaceFile, 'before-restore', undefined, {
            keep: backupFile,
          });
        } finally {
          current.close();
        }
      }
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${workspaceFile}${suffix}`, { force: true });
    fs.renameSync(tmp, workspaceFile);
    return { safetyCopy };
  } finally {
    removeWithCompanions(tmp);
  }
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
  let check: Db;
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
