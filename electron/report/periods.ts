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
import type { ReadableDb } from '../store/connection';
import { dataOutside, lastSpendMonth, monthsWithData, type DataOutsideRange } from '../store/reportFacts';
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
export function reportPeriods(db: ReadableDb): ReportPeriods {
  const settings = getSettings(db);
  const { fiscalStartMonth } = settings;
  const [from, to] = monthBounds(plausibleYears(settings));
  const months = monthsWithData(db, [from, to]);
  const periods = [...new Set(months.map((m) => quarterOfMonth(m, fiscalStartMonth).label))];
  const lastSpend = lastSpendMonth(db, [from, to]);
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
export function dataOutsideRange(db: ReadableDb, range: YearRange): DataOutsideRange[] {
  return dataOutside(db, monthBounds(plausibleYears(range)));
}

export type { DataOutsideRange };

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
