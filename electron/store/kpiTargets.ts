import { FROM_THE_START, type KpiTargetEntry, type KpiTargetValues } from '../../shared/kpiTargets';
import { cached, type ReadableDb, type WritableDb } from './connection';

type Row = [string, string, number, number, number | null, string, string | null];

const COLUMNS = 'kpi_id, effective_from, target, amber, tolerance, changed_at, note';

function fromRow([kpiId, effectiveFrom, target, amber, tolerance, changedAt, note]: Row): KpiTargetEntry {
  return { kpiId, effectiveFrom, target, amber, tolerance, changedAt, note };
}

/** Every KPI's target history, by KPI id, oldest quarter first. */
export function targetHistoryByKpi(db: ReadableDb): Map<string, KpiTargetEntry[]> {
  const rows = cached(
    db,
    `SELECT ${COLUMNS} FROM kpi_target_history ORDER BY kpi_id, effective_from`,
    'raw',
  ).all() as Row[];
  const out = new Map<string, KpiTargetEntry[]>();
  for (const r of rows) {
    const e = fromRow(r);
    const list = out.get(e.kpiId);
    if (list) list.push(e);
    else out.set(e.kpiId, [e]);
  }
  return out;
}

export function targetHistory(db: ReadableDb, kpiId: string): KpiTargetEntry[] {
  return (
    cached(
      db,
      `SELECT ${COLUMNS} FROM kpi_target_history WHERE kpi_id = ? ORDER BY effective_from`,
      'raw',
    ).all(kpiId) as Row[]
  ).map(fromRow);
}

/**
 * Sets a KPI's target and thresholds from quarter `effectiveFrom` on (replacing a change already made for
 * that quarter); earlier quarters keep theirs. A KPI without history first gets its current values as
 * "from the start", so the quarters before keep them. The kpis row then mirrors the latest entry. The
 * caller runs this in a transaction with any other edit of the KPI.
 */
export function setKpiTarget(
  db: WritableDb,
  kpiId: string,
  current: KpiTargetValues,
  next: KpiTargetValues,
  effectiveFrom: string,
  changedAt: string,
  note: string | null,
): void {
  const insert = cached(
    db,
    `INSERT INTO kpi_target_history (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kpi_id, effective_from) DO UPDATE SET target = excluded.target, amber = excluded.amber,
         tolerance = excluded.tolerance, changed_at = excluded.changed_at, note = excluded.note`,
  );
  const has = cached(db, 'SELECT 1 FROM kpi_target_history WHERE kpi_id = ? LIMIT 1', 'pluck').get(kpiId);
  if (!has && effectiveFrom !== FROM_THE_START)
    insert.run(kpiId, FROM_THE_START, current.target, current.amber, current.tolerance, changedAt, null);
  insert.run(kpiId, effectiveFrom, next.target, next.amber, next.tolerance, changedAt, note);
  cached(
    db,
    `UPDATE kpis SET (target, amber, tolerance) = (
       SELECT target, amber, tolerance FROM kpi_target_history WHERE kpi_id = ? ORDER BY effective_from DESC LIMIT 1)
     WHERE id = ?`,
  ).run(kpiId, kpiId);
}
