import type { WorkspaceInfo } from '../../shared/api';
import type { Month } from '../../shared/fiscal';
import { cached, type ReadableDb } from './connection';

const COUNTED = {
  initiatives: 'initiatives',
  spend: 'spend',
  budget: 'budget',
  benefits: 'benefits',
  observations: 'kpi_observations',
  batches: 'import_batches',
} as const satisfies Record<keyof WorkspaceInfo['counts'], string>;

/** How many rows each table holds (initiatives, lines of each kind, import batches). */
export function workspaceCounts(db: ReadableDb): WorkspaceInfo['counts'] {
  const out = {} as WorkspaceInfo['counts'];
  for (const [key, table] of Object.entries(COUNTED) as [keyof typeof COUNTED, string][])
    out[key] = cached(db, `SELECT count(*) FROM ${table}`, 'pluck').get() as number;
  return out;
}

/** Spend from the monthly rollup between two months (both included), by category, largest first. */
export function spendByCategory(
  db: ReadableDb,
  from: Month,
  to: Month,
): { category: string; total: number; lines: number }[] {
  return cached(
    db,
    `SELECT category, sum(amount_micro) AS total, sum(line_count) AS lines FROM spend_monthly
      WHERE month BETWEEN ? AND ? GROUP BY category ORDER BY total DESC`,
  ).all(from, to) as { category: string; total: number; lines: number }[];
}
