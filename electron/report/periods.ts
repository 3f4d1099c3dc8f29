import { quarterOfMonth } from '../../shared/fiscal';
import type { ReportPeriods } from '../../shared/api/report';
import type { Db } from '../store/db';
import { getSettings } from '../store/settings';

/** Quarters with any data (oldest first) and the latest quarter with spend. */
export function reportPeriods(db: Db): ReportPeriods {
  const { fiscalStartMonth } = getSettings(db);
  const months = db
    .prepare(
      `SELECT DISTINCT month FROM spend_monthly UNION SELECT DISTINCT month FROM budget UNION SELECT DISTINCT month FROM benefits
       UNION SELECT DISTINCT substr(period_end, 1, 7) FROM kpi_observations ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
  const periods = [...new Set(months.map((m) => quarterOfMonth(m, fiscalStartMonth).label))];
  const lastSpend = db.prepare('SELECT max(month) FROM spend_monthly').pluck().get() as string | null;
  return {
    periods,
    defaultPeriod: lastSpend
      ? quarterOfMonth(lastSpend, fiscalStartMonth).label
      : (periods[periods.length - 1] ?? null),
  };
}
