import path from 'node:path';
import { openDatabase, type Db, type OpenOptions } from './db';
import { seedBuiltinKpis } from './kpis';
import { getSettings, updateSettings } from './settings';

export interface Workspace {
  readonly db: Db;
  readonly file: string;
  close(): void;
}

/** Opens a workspace file, creating and seeding it when asked. */
export function openWorkspace(file: string, options: OpenOptions = {}): Workspace {
  const abs = path.resolve(file);
  const db = openDatabase(abs, options);
  if (!options.readonly) seedBuiltinKpis(db);
  return {
    db,
    file: abs,
    close: () => db.close(),
  };
}

export interface InitOptions {
  name?: string;
  currency?: string;
  fiscalStartMonth?: number;
}

export function initWorkspace(file: string, init: InitOptions = {}, options: OpenOptions = {}): Workspace {
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
