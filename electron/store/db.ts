import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { asReadable, asWritable, type ReadableDb, type WritableDb } from './connection';
import { APPLICATION_ID, LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';

/** The driver's own connection: inside the store only (everything else holds a ReadableDb or WritableDb). */
export type Db = Database.Database;

export class WorkspaceError extends Error {
  constructor(
    message: string,
    readonly code:
      'NEWER_VERSION' | 'NOT_A_WORKSPACE' | 'CORRUPT' | 'NOT_FOUND' | 'BUSY' | 'READ_ONLY' | 'DISK_FULL',
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

/**
 * Why this process cannot write a workspace (the file, or its folder, where SQLite keeps the -wal and
 * -shm beside it and the app its lock and backups), in words; null when it can. `access` answers for the
 * file system (a read-only disk or mount: EROFS) and the file modes (EACCES; root may write any file).
 */
export function writeBlocker(file: string): string | null {
  const targets = fs.existsSync(file) ? [file, path.dirname(file)] : [path.dirname(file)];
  for (const target of targets) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const what = target === file ? 'the file' : `its folder ${target}`;
      if (code === 'EROFS') return `${what} is on a read-only disk or mount`;
      if (code === 'EACCES' || code === 'EPERM') return `${what} may not be written by this user`;
    }
  }
  return null;
}

export function readOnlyError(file: string, why: string): WorkspaceError {
  return new WorkspaceError(
    `${file} is read-only (${why}); it was left unchanged. It can still be opened read-only to look at it ` +
      '(the app opens it for viewing; `caio-scorecard report` works) — to change it, copy it to a writable folder.',
    'READ_ONLY',
  );
}

/** A change asked of a workspace open for viewing only. */
export function viewOnlyError(file: string): WorkspaceError {
  return new WorkspaceError(
    `${file} is read-only here (open for viewing only: its file or folder cannot be written). ` +
      'Nothing was changed; to change it, copy it to a writable folder and open the copy.',
    'READ_ONLY',
  );
}

/** True when the disk holding `file` has (next to) no room left for this user. */
export function diskIsFull(file: string): boolean {
  try {
    const s = fs.statfsSync(fs.existsSync(file) ? file : path.dirname(file));
    return s.bavail * s.bsize < 1024 * 1024;
  } catch {
    return false;
  }
}

/** `what` names what could not be written, with its path: "the backup /x/w.backups/…". */
export function diskFullError(what: string): WorkspaceError {
  return new WorkspaceError(
    `The disk is full: ${what} could not be written. Nothing was changed; free some space and try again.`,
    'DISK_FULL',
  );
}

/**
 * A workspace on a read-only disk (or a full one) whose last connection closed cleanly has no -wal or
 * -shm, and SQLite cannot create the -shm it needs to read a WAL-mode file there. Its bytes are then the
 * whole workspace: they are read into memory and opened from there, read-only, marked as not WAL. Not
 * when a -wal with content is beside it: its latest changes would be missing.
 */
function openView(file: string, nativeBinding: string | undefined, why: WorkspaceError): Db {
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0)
    throw new WorkspaceError(
      `${why.message} Its latest changes are in ${path.basename(wal)}, which can only be read where the folder ` +
        'can be written: copy both files to a writable folder to open them.',
      why.code,
    );
  const bytes = fs.readFileSync(file);
  if (bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new Database(bytes, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/**
 * A plain connection, none of a workspace's checks, with the binding this process runs (the default of
 * OpenOptions.nativeBinding): for files of the store's own making, such as a restore's private copy.
 */
export function plainConnection(file: string, options: Database.Options = {}): Db {
  const nativeBinding = process.env.CAIO_NATIVE_BINDING || undefined;
  return new Database(file, { ...(nativeBinding ? { nativeBinding } : {}), ...options });
}

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

function damaged(file: string, err: unknown): WorkspaceError {
  return new WorkspaceError(
    `${file} is damaged and cannot be opened as a workspace (${(err as Error).message}); it was left unchanged. ` +
      'Restore it from a backup (Restore from Backup… in the app, or caio-scorecard restore BACKUP --db FILE).',
    'CORRUPT',
  );
}

/**
 * Opens (or creates) a workspace file: WAL, foreign keys, busy timeout, then migrations.
 * Foreign SQLite files and files written by a newer version are refused unchanged. Opened read-only it
 * is only a ReadableDb.
 */
export function openDatabase(file: string, options: OpenOptions & { readonly: true }): ReadableDb;
export function openDatabase(file: string, options?: OpenOptions & { readonly?: false }): WritableDb;
export function openDatabase(file: string, options?: OpenOptions): ReadableDb;
export function openDatabase(file: string, options: OpenOptions = {}): ReadableDb {
  const db = openConnection(file, options);
  return options.readonly ? asReadable(db) : asWritable(db);
}

function openConnection(file: string, options: OpenOptions): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  const nativeBinding = options.nativeBinding ?? (process.env.CAIO_NATIVE_BINDING || undefined);
  const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
  const exists = fs.existsSync(file);
  if (!exists && !options.create) {
    throw new WorkspaceError(`Workspace file not found: ${file}`, 'NOT_FOUND');
  }
  if (!options.readonly) {
    const blocked = writeBlocker(file);
    if (blocked) throw readOnlyError(file, blocked);
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
    let appId = 0;
    let version = 0;
    const header = () => {
      appId = db.pragma('application_id', { simple: true }) as number;
      version = db.pragma('user_version', { simple: true }) as number;
    };
    try {
      header();
    } catch (err) {
      // A folder that cannot be written, or a full disk, before calling it damaged: SQLite could not
      // make the -shm a WAL-mode file needs. Read-only, the bytes alone are the workspace.
      const blocked = writeBlocker(file);
      const why = blocked
        ? readOnlyError(file, blocked)
        : diskIsFull(file)
          ? diskFullError(`the shared-memory file SQLite needs beside ${file} to open it`)
          : null;
      if (!why) {
        // The file starts like an SQLite database but cannot be read: damaged or truncated.
        throw damaged(file, err);
      }
      if (!options.readonly) throw why;
      db.close();
      db = openView(file, nativeBinding, why);
      try {
        header();
      } catch (again) {
        throw damaged(file, again);
      }
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
    // PRAGMA foreign_keys is a no-op inside a transaction: it is switched around it, and restored after.
    const keysOff =
      m.rebuildsReferencedTable === true && (db.pragma('foreign_keys', { simple: true }) as number) === 1;
    if (keysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        // The version guard: a second process that migrated meanwhile makes this a no-op.
        if (schemaVersion(db) >= m.version) return;
        db.exec(m.sql);
        if (keysOff) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0)
            throw new Error(`migration ${m.version} left ${broken.length} broken references`);
        }
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } finally {
      if (keysOff) db.pragma('foreign_keys = ON');
    }
  }
}

export { LATEST_VERSION };

/**
 * SQLite errors a user can act on, in plain words: damage inside a data page (only met by the first
 * query that reads it), a workspace another process is writing, a full disk and a workspace opened
 * read-only (SQLite's codes and the file system's). Other errors pass through as null.
 */
export function sqliteWorkspaceError(err: unknown, file: string | undefined): WorkspaceError | null {
  if (err instanceof WorkspaceError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const name = file ?? 'The workspace';
  const storage = storageError(err, file ?? 'the workspace', `the change to ${name}`);
  if (storage) return storage;
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

/**
 * A full disk or a read-only file system, from SQLite's codes or the file system's, in plain words:
 * `what` names what could not be written, with its path ("the backup /x/…"). Null for anything else.
 */
export function storageError(err: unknown, file: string, what: string): WorkspaceError | null {
  if (err instanceof WorkspaceError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return diskFullError(what);
  if (code === 'SQLITE_READONLY_DBMOVED')
    return new WorkspaceError(
      `${file} was moved, deleted or replaced while it was open (by another program?). Nothing was changed; ` +
        'open it again.',
      'BUSY',
    );
  if (/^SQLITE_READONLY/.test(code)) return viewOnlyError(file);
  // (EACCES is not taken for read-only here: reading a file one may not read gives it too.)
  if (code === 'EROFS')
    return new WorkspaceError(
      `${what[0]!.toUpperCase()}${what.slice(1)} could not be written: it is on a read-only disk or mount. ` +
        'Nothing was changed.',
      'READ_ONLY',
    );
  return null;
}
