import type { DataKind, ImportBatch } from '../../shared/domain';
import { describeReconciliation, type Reconciliation } from '../../shared/import/controlRows';
import type { Micro } from '../../shared/money';
import type { BatchRef } from '../../shared/report';
import { cached, type ReadableDb, type WritableDb } from './connection';

export interface NewBatch {
  kind: DataKind;
  format: string;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  sheet: string | null;
  mapping?: unknown;
}

export interface BatchTotals {
  rows: number;
  excluded: number;
  total: Micro | null;
  currency: string | null;
  problems?: unknown;
  /** The file's totals checked against the imported rows (shared/import/controlRows.ts); null: none. */
  reconciliation?: Reconciliation | null;
  /** How the file was read, as the preview said it (net of credits, annual budgets spread, currency assumed). */
  notes?: readonly string[];
}

/** Must be called inside the import's transaction: the batch and its lines commit together. */
export function createBatch(db: WritableDb, b: NewBatch, importedAt = new Date().toISOString()): number {
  const info = db
    .prepare(
      `INSERT INTO import_batches (kind, format, file_name, file_sha256, file_size, sheet, imported_at, mapping_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      b.kind,
      b.format,
      b.fileName,
      b.fileSha256,
      b.fileSize,
      b.sheet,
      importedAt,
      b.mapping === undefined ? null : JSON.stringify(b.mapping),
    );
  return Number(info.lastInsertRowid);
}

export function finishBatch(db: WritableDb, id: number, t: BatchTotals): void {
  db.prepare(
    `UPDATE import_batches SET row_count = ?, excluded_count = ?, total_micro = ?, currency = ?, problems_json = ?,
       reconciliation_json = ? WHERE id = ?`,
  ).run(
    t.rows,
    t.excluded,
    t.total,
    t.currency,
    t.problems === undefined ? null : JSON.stringify(t.problems),
    t.reconciliation ? JSON.stringify(t.reconciliation) : null,
    id,
  );
  // Only when there are notes (migration 7's column): a batch finished without any writes what it always did.
  if (t.notes && t.notes.length > 0) {
    db.prepare('UPDATE import_batches SET notes_json = ? WHERE id = ?').run(JSON.stringify(t.notes), id);
  }
}

/** A batch's reconciliation as stored (null: the file had no total rows, or was imported before they were read). */
export function batchReconciliation(db: ReadableDb, id: number): Reconciliation | null {
  const json = cached(db, 'SELECT reconciliation_json FROM import_batches WHERE id = ?', 'pluck').get(id) as
    string | null | undefined;
  return json ? (JSON.parse(json) as Reconciliation) : null;
}

interface BatchRow {
  id: number;
  kind: string;
  format: string;
  file_name: string;
  file_sha256: string;
  file_size: number;
  sheet: string | null;
  imported_at: string;
  row_count: number;
  excluded_count: number;
  total_micro: number | null;
  currency: string | null;
  status: string;
  undone_at: string | null;
  reconciliation_json: string | null;
}

function fromRow(r: BatchRow): ImportBatch {
  return {
    id: r.id,
    kind: r.kind as DataKind,
    format: r.format,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    fileSize: r.file_size,
    sheet: r.sheet,
    importedAt: r.imported_at,
    rows: r.row_count,
    excluded: r.excluded_count,
    total: r.total_micro,
    currency: r.currency,
    status: r.status as ImportBatch['status'],
    undoneAt: r.undone_at,
    reconciliation: r.reconciliation_json
      ? describeReconciliation(JSON.parse(r.reconciliation_json) as Reconciliation)
      : null,
  };
}

export function listBatches(db: ReadableDb): ImportBatch[] {
  return (db.prepare('SELECT * FROM import_batches ORDER BY id DESC').all() as BatchRow[]).map(fromRow);
}

export function getBatch(db: ReadableDb, id: number): ImportBatch | null {
  const row = db.prepare('SELECT * FROM import_batches WHERE id = ?').get(id) as BatchRow | undefined;
  return row ? fromRow(row) : null;
}

export class BatchError extends Error {}

/**
 * Removes every line a batch brought in, in one transaction; the batch record stays, marked undone,
 * so the audit trail keeps what was imported and when it was taken back.
 */
export function undoBatch(db: WritableDb, id: number, at = new Date().toISOString()): ImportBatch {
  const batch = getBatch(db, id);
  if (!batch) throw new BatchError(`No import batch ${id} in this workspace.`);
  if (batch.status === 'undone')
    throw new BatchError(`Batch ${id} (${batch.fileName}) was already undone on ${batch.undoneAt}.`);
  db.transaction(() => {
    const lines = spendRowidRange(db, id);
    if (lines) {
      db.prepare(`DELETE FROM spend WHERE id BETWEEN ? AND ? AND batch_id = ?`).run(
        lines.first,
        lines.last,
        id,
      );
    }
    for (const table of ['budget', 'benefits', 'kpi_observations', 'fx_rates', 'commitments']) {
      db.prepare(`DELETE FROM ${table} WHERE batch_id = ?`).run(id);
    }
    // Initiatives created by the batch go only if nothing else refers to them now (spend lines through their
    // rollup, which has a row for every initiative with lines; 0 stands for none).
    db.prepare(
      `DELETE FROM initiatives WHERE batch_id = ?
         AND id NOT IN (SELECT initiative_id FROM spend_monthly)
         AND id NOT IN (SELECT initiative_id FROM benefits)
         AND id NOT IN (SELECT initiative_id FROM budget WHERE initiative_id IS NOT NULL)
         AND id NOT IN (SELECT initiative_id FROM kpi_observations WHERE initiative_id IS NOT NULL)
         AND id NOT IN (SELECT initiative_id FROM commitments WHERE initiative_id IS NOT NULL)`,
    ).run(id);
    db.prepare(`UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?`).run(at, id);
  }).immediate();
  return getBatch(db, id)!;
}

/** The batches a report names (its figures' sources), by id; ids not in this workspace are left out. */
export function batchRefs(db: ReadableDb, ids: number[]): Record<number, BatchRef> {
  const out: Record<number, BatchRef> = {};
  if (ids.length === 0) return out;
  const stmt = cached(
    db,
    'SELECT id, kind, format, file_name, file_sha256, sheet, imported_at, reconciliation_json, notes_json FROM import_batches WHERE id = ?',
  );
  for (const id of ids) {
    const r = stmt.get(id) as
      | {
          id: number;
          kind: string;
          format: string;
          file_name: string;
          file_sha256: string;
          sheet: string | null;
          imported_at: string;
          reconciliation_json: string | null;
          notes_json: string | null;
        }
      | undefined;
    if (r) {
      out[id] = {
        id: r.id,
        kind: r.kind,
        format: r.format,
        fileName: r.file_name,
        fileSha256: r.file_sha256,
        sheet: r.sheet,
        importedAt: r.imported_at,
        reconciliation: r.reconciliation_json
          ? describeReconciliation(JSON.parse(r.reconciliation_json) as Reconciliation)
          : null,
        notes: r.notes_json ? (JSON.parse(r.notes_json) as string[]) : [],
      };
    }
  }
  return out;
}

/** Where each kind's rows are stored (the batch_id column of each names the batch that brought them in). */
const TABLE_OF_KIND: Record<DataKind, string> = {
  spend: 'spend',
  budget: 'budget',
  benefits: 'benefits',
  kpis: 'kpi_observations',
  initiatives: 'initiatives',
  fx: 'fx_rates',
  commitments: 'commitments',
};

/**
 * Where a batch's spend lines lie in the table: every one has a rowid between these (the `spend` table has no
 * index on batch_id; each rollup group keeps its lines' least and greatest rowid, migration 8). Null: none.
 */
function spendRowidRange(db: ReadableDb, batchId: number): { first: number; last: number } | null {
  const r = cached(
    db,
    'SELECT min(first_id) AS first, max(last_id) AS last FROM spend_monthly WHERE batch_id = ? AND line_count > 0',
  ).get(batchId) as { first: number | null; last: number | null };
  return r.first === null || r.last === null ? null : { first: r.first, last: r.last };
}

/** Each row a batch brought in, as stored (every column, in table order), in the order inserted. */
export function forEachBatchRow(
  db: ReadableDb,
  kind: DataKind,
  batchId: number,
  fn: (row: unknown[]) => void,
): void {
  if (kind === 'spend') {
    const lines = spendRowidRange(db, batchId);
    if (!lines) return;
    const rows = db
      .prepare(`SELECT * FROM spend WHERE id BETWEEN ? AND ? AND batch_id = ? ORDER BY id`)
      .raw();
    for (const row of rows.iterate(lines.first, lines.last, batchId)) fn(row as unknown[]);
    return;
  }
  const rows = db.prepare(`SELECT * FROM ${TABLE_OF_KIND[kind]} WHERE batch_id = ? ORDER BY id`).raw();
  for (const row of rows.iterate(batchId)) fn(row as unknown[]);
}

/** Records a batch's fingerprint (the SHA-256 of its file, or of its rows for a batch without one). */
export function setBatchSha256(db: WritableDb, id: number, sha256: string): void {
  cached(db, 'UPDATE import_batches SET file_sha256 = ? WHERE id = ?').run(sha256, id);
}

/** How many import batches the workspace holds, undone ones included. */
export function batchCount(db: ReadableDb): number {
  return cached(db, 'SELECT count(*) FROM import_batches', 'pluck').get() as number;
}

/** The latest committed (not undone) batch of the file with this SHA-256; null when there is none. */
export function committedBatchOfFile(
  db: ReadableDb,
  sha256: string,
): { id: number; importedAt: string } | null {
  const row = cached(
    db,
    `SELECT id, imported_at FROM import_batches WHERE file_sha256 = ? AND status = 'committed' ORDER BY id DESC LIMIT 1`,
  ).get(sha256) as { id: number; imported_at: string } | undefined;
  return row ? { id: row.id, importedAt: row.imported_at } : null;
}

/**
 * What a batch was read from, known once its file is read through: the file's SHA-256 and size, and the
 * mapping as the rows decided it. Inside the import's transaction.
 */
export function recordBatchFile(
  db: WritableDb,
  id: number,
  file: { sha256: string; size: number; mapping: unknown },
): void {
  cached(db, 'UPDATE import_batches SET file_sha256 = ?, file_size = ?, mapping_json = ? WHERE id = ?').run(
    file.sha256,
    file.size,
    JSON.stringify(file.mapping),
    id,
  );
}
