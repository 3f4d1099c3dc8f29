import type { ReportModel } from '../../../shared/report';
import { monthLabel } from '../kit/charts/axis';
import { formatMonthSpan } from '../format';

/** "FY2026-Q3 · Jul – Sep 2026 · data through Sep 2026" plus the report's notes. */
export function ReportSubtitle({ report }: { report: ReportModel }) {
  return (
    <>
      <span className="period-label">{report.period.label}</span> · {formatMonthSpan(report.period.months)} ·{' '}
      {report.dataThrough ? `spend data through ${monthLabel(report.dataThrough)}` : 'no spend data yet'}
      {report.notes.map((n) => (
        <span key={n} className="report-note">
          {' '}
          · {n}
        </span>
      ))}
    </>
  );
}
