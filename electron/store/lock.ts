import fs from 'node:fs';
import os from 'node:os';
import { WorkspaceError } from './db';

interface LockInfo {
  pid: number;
  host: string;
  app: string;
  since: string;
}

const held = new Map<string, number>(); // lock file → open count in this process

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPath(file: string): string {
  return `${file}.lock`;
}

/**
 * Marks a workspace as open for writing by this process. A second process gets a clear BUSY error
 * naming who holds it; a lock left by a process that died is taken over. SQLite's own locking
 * already prevents corruption; this is what turns "database is locked" into a sentence a user understands.
 */
export function acquireWorkspaceLock(file: string, app: string): () => void {
  const lock = lockPath(file);
  const count = held.get(lock);
  if (count !== undefined) {
    held.set(lock, count + 1);
    return () => release(lock);
  }
  const info: LockInfo = { pid: process.pid, host: os.hostname(), app, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, JSON.stringify(info), { flag: 'wx' });
      held.set(lock, 1);
      return () => release(lock);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const other = liveHolder(lock);
      if (other) throw busy(file, other);
      fs.rmSync(lock, { force: true });
    }
  }
  throw new WorkspaceError(`Could not lock ${file} for writing.`, 'BUSY');
}

/** Throws BUSY when another live process holds the workspace; a stale lock is ignored. */
export function checkWorkspaceLock(file: string): void {
  const lock = lockPath(file);
  if (held.has(lock)) return;
  const other = liveHolder(lock);
  if (other) throw busy(file, other);
}

/**
 * Who holds a lock file, if that is another process still running; null for no file, an unreadable
 * one, or one left by a process that is gone (or by this one, which would be in `held` if it held it).
 */
function liveHolder(lock: string): LockInfo | null {
  let other: LockInfo;
  try {
    other = JSON.parse(fs.readFileSync(lock, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
  if (other.pid === process.pid || (other.host === os.hostname() && !alive(other.pid))) return null;
  return other;
}

function busy(file: string, other: LockInfo): WorkspaceError {
  return new WorkspaceError(
    `${file} is open in another ${other.app} (process ${other.pid} on ${other.host}, since ${other.since}). ` +
      'Close it there first, or open this workspace read-only.',
    'BUSY',
  );
}

function release(lock: string): void {
  const count = held.get(lock) ?? 0;
  if (count > 1) {
    held.set(lock, count - 1);
    return;
  }
  held.delete(lock);
  fs.rmSync(lock, { force: true });
}
