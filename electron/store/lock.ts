import fs from 'node:fs';
import os from 'node:os';
import { storageError, WorkspaceError } from './db';
import { fileIdentity, realWorkspacePath } from './identity';

interface LockInfo {
  pid: number;
  host: string;
  app: string;
  since: string;
  /** The workspace's real path and its identity (device:inode) when the lock was taken. */
  file?: string;
  id?: string | null;
}

/**
 * Locks this process holds, by the lock file's own identity (device:inode) → open count: two paths to
 * one workspace (a symlink, or a name spelt in another case where that is the same file) are one hold.
 */
const held = new Map<string, { lock: string; count: number }>();

/** Whether a process with this id runs on this machine (one this user may not signal counts too). */
export function alive(pid: number): boolean {
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

/** The lock file of a workspace, whatever the path it is reached by: beside its real path. */
export function workspaceLockPath(file: string): string {
  return lockPath(realWorkspacePath(file));
}

/** This process's hold on `lock`, if the lock file there is one it created and still holds. */
function ownHold(lock: string): string | null {
  const id = fileIdentity(lock);
  return id !== null && held.has(id) ? id : null;
}

/**
 * Marks a workspace as open for writing by this process. A second process gets a clear BUSY error
 * naming who holds it — whatever path either reaches the workspace by; a lock left by a process that
 * died is taken over. SQLite's own locking already prevents corruption; this is what turns
 * "database is locked" into a sentence a user understands, and what a restore relies on to know no other
 * process of the app has the workspace open.
 */
export function acquireWorkspaceLock(file: string, app: string): () => void {
  const real = realWorkspacePath(file);
  const lock = lockPath(real);
  const own = ownHold(lock);
  if (own !== null) {
    held.get(own)!.count++;
    return once(() => release(own));
  }
  const info: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    app,
    since: new Date().toISOString(),
    file: real,
    id: fileIdentity(real),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    const what = `the lock file ${lock}, which marks the workspace open`;
    try {
      fd = fs.openSync(lock, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw storageError(err, file, what) ?? err;
      const other = liveHolder(lock);
      if (other) throw busy(file, other);
      fs.rmSync(lock, { force: true });
      continue;
    }
    let id: string;
    try {
      fs.writeSync(fd, JSON.stringify(info));
      const s = fs.fstatSync(fd);
      id = `${s.dev}:${s.ino}`;
    } catch (err) {
      // Never leave an empty or half-written lock behind (a full disk did: 0 bytes, no holder).
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
      throw storageError(err, file, what) ?? err;
    }
    fs.closeSync(fd);
    held.set(id, { lock, count: 1 });
    return once(() => release(id));
  }
  throw new WorkspaceError(`Could not lock ${file} for writing.`, 'BUSY');
}

/** Throws BUSY when another live process holds the workspace; a stale lock is ignored. */
export function checkWorkspaceLock(file: string): void {
  const lock = workspaceLockPath(file);
  if (ownHold(lock) !== null) return;
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

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

function release(id: string): void {
  const h = held.get(id);
  if (!h) return;
  if (h.count > 1) {
    h.count--;
    return;
  }
  held.delete(id);
  // Only the lock file this process created: one another process took over meanwhile stays.
  if (fileIdentity(h.lock) === id) fs.rmSync(h.lock, { force: true });
}
