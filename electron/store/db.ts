import fs from 'node:fs';
import Database from 'better-sqlite3';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export class WorkspaceError extends Error {
  constructor(
    message: string,
    readonly code: 'NEWER_VERSION' | 'NOT_A_WORKSPACE' | 'CORRUPT' | 'NOT_FOUND' | 'BUSY',
  ) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

export interface OpenOptions {
  /** Create the file if it does not exist (otherwise a missing file is an error). */
  create?: boolean;
  readonly?: boolean;
  /**
   * Path to a better-sqlite3 binding built for another ABI (the Electron build). Defaults to
   * CAIO_NATIVE_BINDING, which the desktop app sets for its service host, so every connection that
   * process opens (a restore's own included) loads the binding it can run.
   */
  nativeBinding?: string;
  /** Runs before any migration is applied to an existing file (the backup hook). */
  beforeMigrate?: (db: Db, fromVersion: number) => void;
  migrations?: Migration[];
}

function hasUserTables(db: Db): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as {
    n: number;
  };
  return row.n > 0;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens (or creates) a workspace file: WAL, foreign keys, busy timeout, then migrations.
 * Foreign SQLite files and files written by a newer version are refused unchanged.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const nativeBinding = options.nativeBinding ?? (process.env.CAIO_NATIVE_BINDING || undefined);
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const exists = fs.existsSync(file);
  if (!exists && !options.create) {
    throw new WorkspaceError(`Workspace file not found: ${file}`, 'NOT_FOUND');
  }
  if (exists && fs.statSync(file).size === 0 && !options.create) {
    throw new WorkspaceError(
      `${file} is empty (0 bytes); it is not a CAIO Scorecard workspace.`,
      'NOT_A_WORKSPACE',
    );
  }
  if (exists && fs.statSync(file).size > 0 && !hasSqliteHeader(file)) {
    // SQLite itself would take a 1-byte file for an empty database and overwrite it with a new schema.
    throw new WorkspaceError(
      `${file} is not a CAIO Scorecard workspace (not an SQLite database); it was left unchanged.`,
      'NOT_A_WORKSPACE',
    );
  }
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: !options.create,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (err) {
    throw new WorkspaceError(`Cannot open ${file}: ${(err as Error).message}`, 'CORRUPT');
  }
  try {
    db.pragma('busy_timeout = 5000');
    let appId: number;
    let version: number;
    try {
      appId = db.pragma('application_id', { simple: true }) as number;
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (err) {
      // The file starts like an SQLite database but cannot be read: damaged or truncated.
      throw new WorkspaceError(
        `${file} is damaged and cannot be opened as a workspace (${(err as Error).message}); it was left unchanged. ` +
          'Restore it from a backup (Restore from Backup… in the app, or caio-scorecard restore BACKUP --db FILE).',
        'CORRUPT',
      );
    }
    if (appId !== APPLICATION_ID) {
      if (appId !== 0 || version !== 0 || hasUserTables(db)) {
        throw new WorkspaceError(
          `${file} is an SQLite database but not a CAIO Scorecard workspace; it was left unchanged.`,
          'NOT_A_WORKSPACE',
        );
      }
    }
    if (version > latest) {
      throw new WorkspaceError(
        `${file} was written by a newer version of CAIO Scorecard (schema ${version}; this version reads up to ${latest}). ` +
          'Update the app to open it; the file was left unchanged.',
        'NEWER_VERSION',
      );
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) migrate(db, migrations, options.beforeMigrate);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies pending migrations, each in its own transaction with its version record. */
export function migrate(
  db: Db,
  migrations: Migration[] = MIGRATIONS,
  beforeMigrate?: OpenOptions['beforeMigrate'],
): void {
  const current = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0) beforeMigrate?.(db, current);
  for (const m of pending) {
    db.transaction(() => {
      // The version guard: a second process that migrated meanwhile makes this a no-op.
      if (schemaVersion(db) >= m.version) return;
      db.exec(m.sql);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

export { LATEST_VERSION };

/**
 * SQLite errors a user can act on, in plain words: damage inside a data page (only met by the first
 * query that reads it) and a workspace another process is writing. Other errors pass through as null.
 */
export function sqliteWorkspaceError(err: unknown, file: string | undefined): WorkspaceError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const name = file ?? 'The workspace';
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
    return new WorkspaceError(
      `${name} is damaged (${(err as Error).message}). ` +
        'Restore it from a backup (File › Restore from Backup…, or `caio-scorecard backups --db FILE` then `restore`).',
      'CORRUPT',
    );
  }
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) {
    return new WorkspaceError(
      `${name} is busy: another import, undo or the app is writing to it. Nothing was changed; try again when it has finished.`,
      'BUSY',
    );
  }
  return null;
}
