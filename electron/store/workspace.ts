import fs from 'node:fs';
import path from 'node:path';
import { backupBeforeMigration, removeStaleTemporaries } from './backup';
import {
  openDatabase,
  readOnlyError,
  sqliteWorkspaceError,
  viewOnlyError,
  writeBlocker,
  type Db,
  type OpenOptions,
} from './db';
import type { ReadableDb, WritableDb } from './connection';
import { seedBuiltinKpis } from './kpis';
import { acquireWorkspaceLock, checkWorkspaceLock } from './lock';
import { getSettings, updateSettings } from './settings';

interface OpenWorkspace {
  readonly file: string;
  close(): void;
}

/** A workspace this process may change: its connection is a WritableDb. */
export interface WritableWorkspace extends OpenWorkspace {
  readonly db: WritableDb;
  readonly readOnly: false;
}

/**
 * A workspace open for viewing only (asked for, or a read-only file or folder opened with
 * `ifReadOnly: 'view'`): it hands out only a ReadableDb, so no store function that writes takes it.
 */
export interface ViewedWorkspace extends OpenWorkspace {
  readonly db: ReadableDb;
  readonly readOnly: true;
}

export type Workspace = WritableWorkspace | ViewedWorkspace;

/** The workspace's connection for a change; a workspace open for viewing refuses it (READ_ONLY). */
export function writableDb(ws: Workspace): WritableDb {
  if (ws.readOnly) throw viewOnlyError(ws.file);
  return ws.db;
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
export function openWorkspace(
  file: string,
  options: WorkspaceOpenOptions & { readonly: true },
): ViewedWorkspace;
export function openWorkspace(
  file: string,
  options?: WorkspaceOpenOptions & { readonly?: false; ifReadOnly?: 'refuse' },
): WritableWorkspace;
export function openWorkspace(file: string, options?: WorkspaceOpenOptions): Workspace;
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
  try {
    const open = { beforeMigrate: (d: Db) => backupBeforeMigration(d, abs), ...options };
    if (readonly) {
      const db = openDatabase(abs, { ...open, readonly: true });
      return { db, file: abs, readOnly: true, close: () => closeAnd(db, release) };
    }
    const db = openDatabase(abs, { ...open, readonly: false });
    seedBuiltinKpis(db);
    return { db, file: abs, readOnly: false, close: () => closeAnd(db, release) };
  } catch (err) {
    release();
    throw sqliteWorkspaceError(err, abs) ?? err;
  }
}

function closeAnd(db: ReadableDb, release: () => void): void {
  db.close();
  release();
}

export interface InitOptions {
  name?: string;
  currency?: string;
  fiscalStartMonth?: number;
}

export function initWorkspace(
  file: string,
  init: InitOptions = {},
  options: WorkspaceOpenOptions & { readonly?: false; ifReadOnly?: 'refuse' } = {},
): WritableWorkspace {
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
