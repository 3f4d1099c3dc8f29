import path from 'node:path';
import { backupBeforeMigration } from './backup';
import { openDatabase, type Db, type OpenOptions } from './db';
import { seedBuiltinKpis } from './kpis';
import { acquireWorkspaceLock, checkWorkspaceLock } from './lock';
import { getSettings, updateSettings } from './settings';

export interface Workspace {
  readonly db: Db;
  readonly file: string;
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
}

/** Opens a workspace file: backup before any migration, lock, seed the built-in KPIs. */
export function openWorkspace(file: string, options: WorkspaceOpenOptions = {}): Workspace {
  const abs = path.resolve(file);
  let release = () => {};
  if (!options.readonly) {
    if (options.lock === 'hold') release = acquireWorkspaceLock(abs, options.holder ?? 'CAIO Scorecard');
    else checkWorkspaceLock(abs);
  }
  let db: Db;
  try {
    db = openDatabase(abs, { beforeMigrate: (d) => backupBeforeMigration(d, abs), ...options });
    if (!options.readonly) seedBuiltinKpis(db);
  } catch (err) {
    release();
    throw err;
  }
  return {
    db,
    file: abs,
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
