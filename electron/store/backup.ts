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
): Promise<string> {
  const dest = out ?? target(workspaceFile, reason);
  const tmp = `${dest}.partial`;
  await db.backup(tmp);
  fs.renameSync(tmp, dest);
  rotate(workspaceFile);
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

function rotate(workspaceFile: string): void {
  const automatic = listBackups(workspaceFile).filter((b) => b.reason !== 'manual');
  for (const old of automatic.slice(KEEP_AUTOMATIC)) fs.rmSync(old.file, { force: true });
}

/**
 * Replaces a (closed) workspace file with a backup. The backup is checked to be a readable workspace
 * first; the current file is itself backed up; the swap is a rename, so it is all or nothing.
 */
export async function restoreWorkspace(
  backupFile: string,
  workspaceFile: string,
): Promise<{ safetyCopy: string | null }> {
  const check = openDatabase(backupFile, { readonly: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok')
      throw new WorkspaceError(
        `${backupFile} failed the integrity check (${String(ok)}); nothing was restored.`,
        'CORRUPT',
      );
  } finally {
    check.close();
  }
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
        safetyCopy = await backupWorkspace(current, workspaceFile, 'before-restore');
      } finally {
        current.close();
      }
    }
  }
  const tmp = `${workspaceFile}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${workspaceFile}${suffix}`, { force: true });
  fs.renameSync(tmp, workspaceFile);
  return { safetyCopy };
}
