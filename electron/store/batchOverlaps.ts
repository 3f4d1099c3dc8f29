import type { ImportKind } from '../../shared/import/mapping';
import type { ImportOverlap } from '../../shared/import/summary';
import { cached, type ReadableDb } from './connection';

/** Per kind: the batches with rows in months [?, ?] (first day, last day), and how many. */
const OVERLAP_SQL: Partial<Record<ImportKind, string>> = {
  // Spend lines are counted from their monthly rollup (equal to a GROUP BY over them; no index on their dates).
  spend: `SELECT batch_id AS b, sum(line_count) AS n FROM spend_monthly WHERE month BETWEEN substr(?, 1, 7) AND substr(?, 1, 7) AND batch_id <> 0 GROUP BY batch_id`,
  budget: `SELECT batch_id AS b, count(*) AS n FROM budget WHERE month BETWEEN substr(?, 1, 7) AND substr(?, 1, 7) AND batch_id IS NOT NULL GROUP BY batch_id`,
  benefits:
    'SELECT batch_id AS b, count(*) AS n FROM benefits WHERE date BETWEEN ? AND ? AND batch_id IS NOT NULL GROUP BY batch_id',
  kpis: 'SELECT batch_id AS b, count(*) AS n FROM kpi_observations WHERE period_end BETWEEN ? AND ? AND batch_id IS NOT NULL GROUP BY batch_id',
  fx: `SELECT batch_id AS b, count(*) AS n FROM fx_rates WHERE month BETWEEN substr(?, 1, 7) AND substr(?, 1, 7) AND batch_id IS NOT NULL GROUP BY batch_id`,
};

/** Per kind: a batch's first and last month of data and its stored records (the unit `OVERLAP_SQL` counts). */
const SPAN_SQL: Partial<Record<ImportKind, string>> = {
  spend:
    'SELECT min(month) AS f, max(month) AS t, sum(line_count) AS n FROM spend_monthly WHERE batch_id = ?',
  budget: 'SELECT min(month) AS f, max(month) AS t, count(*) AS n FROM budget WHERE batch_id = ?',
  benefits: 'SELECT min(month) AS f, max(month) AS t, count(*) AS n FROM benefits WHERE batch_id = ?',
  kpis: 'SELECT substr(min(period_start), 1, 7) AS f, substr(max(period_end), 1, 7) AS t, count(*) AS n FROM kpi_observations WHERE batch_id = ?',
  fx: 'SELECT min(month) AS f, max(month) AS t, count(*) AS n FROM fx_rates WHERE batch_id = ?',
};

/**
 * The batches of a kind with records dated between two days (both included; `YYYY-MM-DD`), but `except`:
 * how many of their records those are, how many they hold in all and which months. Records, not file rows,
 * on both sides: a wide KPI file's row holds many observations. Kinds without dated records have none.
 */
export function overlappingBatches(
  db: ReadableDb,
  kind: ImportKind,
  from: string,
  to: string,
  except?: number,
): ImportOverlap[] {
  const sql = OVERLAP_SQL[kind];
  const spanSql = SPAN_SQL[kind];
  if (!sql || !spanSql) return [];
  const rows = (cached(db, sql).all(from, to) as { b: number; n: number }[]).filter((r) => r.b !== except);
  const name = cached(db, 'SELECT file_name FROM import_batches WHERE id = ?', 'pluck');
  const span = cached(db, spanSql);
  return rows.map((r) => {
    const s = span.get(r.b) as { f: string; t: string; n: number };
    return { batch: r.b, fileName: name.get(r.b) as string, rows: r.n, batchRows: s.n, from: s.f, to: s.t };
  });
}
