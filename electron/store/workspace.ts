import fs from 'node:fs';
import path from 'node:path';
import { backupBeforeMigration, removeStaleTemporaries } from './backup';
import {
  openDatabase,
  readOnlyError,
  sqliteWorkspaceError,
  writeBlocker,
  type Db,
  type OpenOptions,
} from './db';
import { seedBuiltinKpis } from './kpis';
import { acquireWorkspaceLock, checkWorkspaceLock } from './lock';
import { getSettings, updateSettings } from './settings';

export interface Workspace {
  readonly db: Db;
  readonly file: string;
  /** Open for viewing only (asked for, or a read-only file or folder opened with `ifReadOnly: 'view'`). */
  readonly readOnly: boolean;
  close(): void;
}

export interface WorkspaceOpenOptions extends OpenOptions {
  /**
   * 'hold': this process keeps the workspace open for writing (the app, the web bridge) and others
   * are told it is in use; 'check' (default): refuse to write while another live process holds it.
   */
  lock?: 'hold' | 'check';
  /** Who holds the lock, for the message another process shows. */
  holder?: string;
  /**
   * A workspace whose file or folder cannot be written: 'refuse' (default) says so (READ_ONLY);
   * 'view' opens it read-only instead (the app and the web bridge), and every change is refused then.
   */
  ifReadOnly?: 'refuse' | 'view';
}

/** Opens a workspace file: backup before any migration, lock, seed the built-in KPIs. */
export function openWorkspace(file: string, options: WorkspaceOpenOptions = {}): Workspace {
  const abs = path.resolve(file);
  let readonly = options.readonly ?? false;
  if (!readonly) {
    // Before the lock, which could not be written either: say read-only, not "damaged" or EROFS.
    const blocked = writeBlocker(abs);
    if (blocked && options.ifReadOnly === 'view' && fs.existsSync(abs)) readonly = true;
    else if (blocked) throw readOnlyError(abs, blocked);
  }
  let release = () => {};
  if (!readonly) {
    if (options.lock === 'hold') release = acquireWorkspaceLock(abs, options.holder ?? 'CAIO Scorecard');
    else checkWorkspaceLock(abs);
    // What killed backups and restores left behind (only their own files, and only a dead writer's).
    removeStaleTemporaries(abs);
  }
  let db: Db;
  try {
    db = openDatabase(abs, { beforeMigrate: (d) => backupBeforeMigration(d, abs), ...options, readonly });
    if (!readonly) seedBuiltinKpis(db);
  } catch (err) {
    release();
    throw sqliteWorkspaceError(err, abs) ?? err;
  }
  return {
    db,
    file: abs,
    readOnly: readonly,
    close: () => {
      db.close();
      release();
    },
  };
}

export interface InitOptions {
  name?: string;
  currency?: string;
  fiscalStartMonth?: number;
}

export function initWorkspace(
  file: string,
  init: InitOptions = {},
  options: WorkspaceOpenOptions = {},
): Workspace {
  const ws = openWorkspace(file, { ...options, create: true });
  const current = getSettings(ws.db);
  updateSettings(ws.db, {
    name:
      init.name ??
      (current.name === 'Untitled workspace' ? path.basename(file).replace(/\.[^.]+$/, '') : current.name),
    ...(init.currency ? { currency: init.currency } : {}),
    ...(init.fiscalStartMonth ? { fiscalStartMonth: init.fiscalStartMonth } : {}),
  });
  return ws;
}
