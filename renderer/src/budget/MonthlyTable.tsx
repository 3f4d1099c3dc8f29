import type { ReportModel } from '../../../shared/report';
import { monthLabel } from '../kit/charts/axis';
import { formatMoney, formatSignedMoney } from '../format';

/** Every month of the fiscal year: budget, actual and variance (the chosen quarter highlighted). */
export function MonthlyTable({ report }: { report: ReportModel }) {
  const c = report.currency;
  const inQuarter = new Set(report.period.months);
  return (
    <table className="table table-compact" aria-label="Budget vs actual by month">
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col" className="num">
            Budget
          </th>
          <th scope="col" className="num">
            Actual
          </th>
          <th scope="col" className="num">
            Variance
          </th>
        </tr>
      </thead>
      <tbody>
        {report.budget.monthly.map((m) => (
          <tr key={m.month} className={inQuarter.has(m.month) ? 'row-selected' : undefined}>
            <th scope="row" className="nowrap">
              {monthLabel(m.month)}
            </th>
            <td className="num">{formatMoney(m.budget, c)}</td>
            <td className="num">
              {m.actual === null ? <span className="muted">not reported</span> : formatMoney(m.actual, c)}
            </td>
            <td className="num">{m.actual === null ? '—' : formatSignedMoney(m.actual - m.budget, c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
