import type { PackFile, PackSnapshot } from '../../shared/export/packTypes';
import type { ReportModel } from '../../shared/report';
import { cached, type ReadableDb, type WritableDb } from './connection';

interface SnapshotRow {
  id: number;
  period: string;
  created_at: string;
  inputs_sha256: string;
  files_json: string;
}

function fromRow(r: SnapshotRow): PackSnapshot {
  return {
    id: r.id,
    period: r.period,
    createdAt: r.created_at,
    inputsSha256: r.inputs_sha256,
    files: JSON.parse(r.files_json) as PackFile[],
  };
}

const COLUMNS = 'id, period, created_at, inputs_sha256, files_json';

export function recordSnapshot(
  db: WritableDb,
  s: { period: string; createdAt: string; inputsSha256: string; report: ReportModel; files: PackFile[] },
): PackSnapshot {
  const info = cached(
    db,
    'INSERT INTO pack_snapshots (period, created_at, inputs_sha256, report_json, files_json) VALUES (?, ?, ?, ?, ?)',
  ).run(s.period, s.createdAt, s.inputsSha256, JSON.stringify(s.report), JSON.stringify(s.files));
  return {
    id: Number(info.lastInsertRowid),
    period: s.period,
    createdAt: s.createdAt,
    inputsSha256: s.inputsSha256,
    files: s.files,
  };
}

/** Newest first. */
export function listSnapshots(db: ReadableDb, period?: string): PackSnapshot[] {
  const rows = (
    period
      ? cached(db, `SELECT ${COLUMNS} FROM pack_snapshots WHERE period = ? ORDER BY id DESC`).all(period)
      : cached(db, `SELECT ${COLUMNS} FROM pack_snapshots ORDER BY id DESC`).all()
  ) as SnapshotRow[];
  return rows.map(fromRow);
}

/** The latest snapshot of a quarter that sorts before `period` (the last pack sent before this one). */
export function latestEarlierSnapshot(
  db: ReadableDb,
  period: string,
): (PackSnapshot & { report: ReportModel }) | null {
  const row = cached(
    db,
    `SELECT ${COLUMNS}, report_json FROM pack_snapshots WHERE period < ? ORDER BY period DESC, id DESC LIMIT 1`,
  ).get(period) as (SnapshotRow & { report_json: string }) | undefined;
  return row ? { ...fromRow(row), report: JSON.parse(row.report_json) as ReportModel } : null;
}
