import {
  plausibleQuarter,
  plausibleYears,
  quarterOfMonth,
  yearRangeText,
  type FiscalQuarter,
  type YearRange,
} from '../../shared/fiscal';
import type { ReportPeriods } from '../../shared/api/report';
import type { WorkspaceSettings } from '../../shared/domain';
import type { Db } from '../store/db';
import { getSettings } from '../store/settings';

/** The first and last month of a range, as stored months compare (`YYYY-MM`, four-digit years). */
function monthBounds(r: YearRange): [string, string] {
  return [`${r.earliestYear}-01`, `${r.latestYear}-12`];
}

/**
 * Quarters with any data (oldest first) and the latest quarter with spend, within the workspace's plausible
 * range: data dated outside it (stored before the range was checked on import, or before it was narrowed)
 * never becomes a period, let alone the one the app opens on.
 */
export function reportPeriods(db: Db): ReportPeriods {
  const settings = getSettings(db);
  const { fiscalStartMonth } = settings;
  const [from, to] = monthBounds(plausibleYears(settings));
  const months = db
    .prepare(
      `SELECT month FROM (
         SELECT DISTINCT month FROM spend_monthly UNION SELECT DISTINCT month FROM budget
         UNION SELECT DISTINCT month FROM benefits UNION SELECT DISTINCT substr(period_end, 1, 7) FROM kpi_observations)
        WHERE month BETWEEN ? AND ? ORDER BY 1`,
    )
    .pluck()
    .all(from, to) as string[];
  const periods = [...new Set(months.map((m) => quarterOfMonth(m, fiscalStartMonth).label))];
  const lastSpend = db
    .prepare('SELECT max(month) FROM spend_monthly WHERE month BETWEEN ? AND ?')
    .pluck()
    .get(from, to) as string | null;
  return {
    periods,
    defaultPeriod: lastSpend
      ? quarterOfMonth(lastSpend, fiscalStartMonth).label
      : (periods[periods.length - 1] ?? null),
  };
}

/** The quarter a report is asked for, refused (PeriodError) when it is not plausible for this workspace. */
export function reportQuarter(
  label: string,
  settings: Pick<WorkspaceSettings, 'fiscalStartMonth' | 'earliestYear' | 'latestYear'>,
): FiscalQuarter {
  return plausibleQuarter(label, settings.fiscalStartMonth, settings);
}

/** Stored data dated outside the plausible range, per table: reports leave it out and say so. */
export interface DataOutsideRange {
  what: string;
  rows: number;
  first: string;
  last: string;
}

const DATED = [
  [
    'spend lines',
    'SELECT sum(line_count), min(month), max(month) FROM spend_monthly WHERE month < ? OR month > ?',
  ],
  ['budget lines', 'SELECT count(*), min(month), max(month) FROM budget WHERE month < ? OR month > ?'],
  ['benefit lines', 'SELECT count(*), min(month), max(month) FROM benefits WHERE month < ? OR month > ?'],
  [
    'KPI values',
    `SELECT count(*), min(substr(period_end, 1, 7)), max(substr(period_end, 1, 7)) FROM kpi_observations
      WHERE substr(period_end, 1, 7) < ? OR substr(period_end, 1, 7) > ?`,
  ],
] as const;

export function dataOutsideRange(db: Db, range: YearRange): DataOutsideRange[] {
  const [from, to] = monthBounds(plausibleYears(range));
  const out: DataOutsideRange[] = [];
  for (const [what, sql] of DATED) {
    const [rows, first, last] = db.prepare(sql).raw().get(from, to) as [number | null, string, string];
    if (rows) out.push({ what, rows, first, last });
  }
  return out;
}

/** The report's note for it: how much, which months, and where the range is set. */
export function outsideRangeNote(outside: DataOutsideRange[], range: YearRange): string | null {
  if (outside.length === 0) return null;
  const parts = outside.map(
    (o) => `${o.rows} ${o.what} (${o.first === o.last ? o.first : `${o.first} to ${o.last}`})`,
  );
  return (
    `${parts.join(', ')} are dated outside the workspace's plausible range ${yearRangeText(plausibleYears(range))} ` +
    '(Settings) and are left out of every figure: undo their batch, or widen the range if the dates are real.'
  );
}
