import type Database from 'better-sqlite3';

declare const readable: unique symbol;
declare const writable: unique symbol;

/**
 * A workspace connection the store may read through (as Signal Desktop types its ReadableDB). Functions
 * that only read take this; a workspace opened for viewing hands out only this.
 */
export type ReadableDb = Database.Database & { readonly [readable]: true };

/** A connection the store may also write through: usable wherever a ReadableDb is, not the reverse. */
export type WritableDb = ReadableDb & { readonly [writable]: true };

/** The brands for connections the store itself opened (openDatabase, openWorkspace). */
export function asReadable(db: Database.Database): ReadableDb {
  return db as ReadableDb;
}

export function asWritable(db: Database.Database): WritableDb {
  return db as WritableDb;
}

type Mode = 'rows' | 'pluck' | 'raw';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A statement prepared once per connection and kept for its next call (SQLite re-prepares it itself after
 * a schema change). Only for statements run to completion with run/get/all, never iterate: a cached
 * statement must not be busy when it is called again. The mode is part of the key, so two callers of the
 * same text in different modes do not toggle each other's.
 */
export function cached(db: ReadableDb, sql: string, mode: Mode = 'rows'): Database.Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  const key = `${mode}\0${sql}`;
  let stmt = byText.get(key);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (mode === 'pluck') stmt.pluck();
    else if (mode === 'raw') stmt.raw();
    byText.set(key, stmt);
  }
  return stmt;
}

/** True while a transaction is open on this connection (its changes may still be rolled back). */
export function inTransaction(db: ReadableDb): boolean {
  return db.inTransaction;
}

/**
 * What changes whenever the workspace's data might have: commits by other connections (`data_version`)
 * and rows written through this one (`total_changes()`, triggers included).
 */
export function dataChangeToken(db: ReadableDb): string {
  const version = cached(db, 'PRAGMA data_version', 'pluck').get() as number;
  const changes = cached(db, 'SELECT total_changes()', 'pluck').get() as number;
  return `${version}:${changes}`;
}

/** Runs `fn` in one transaction (BEGIN IMMEDIATE: the write lock is taken first); all of it or none. */
export function writeTransaction<T>(db: WritableDb, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/*
 * A write transaction opened and closed by hand, for one that spans awaits (an import reads its file
 * asynchronously inside it, which `writeTransaction` cannot): beginWrite takes the write lock at once
 * (BEGIN IMMEDIATE, waiting up to the busy timeout, then SQLITE_BUSY), and exactly one of commitWrite or
 * rollbackWrite ends it. The connection must be used by no one else meanwhile.
 */
export function beginWrite(db: WritableDb): void {
  db.exec('BEGIN IMMEDIATE');
}

export function commitWrite(db: WritableDb): void {
  db.exec('COMMIT');
}

export function rollbackWrite(db: WritableDb): void {
  db.exec('ROLLBACK');
}

/**
 * A bigger page cache (32 MiB) for a large write's index and rollup updates; returns what puts the
 * connection's own size back.
 */
export function largePageCache(db: WritableDb): () => void {
  const size = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -32768');
  return () => {
    db.pragma(`cache_size = ${size}`);
  };
}
