import { boardMoney, boardSignedMoney, pct, shortMonth } from '../../../../shared/export/format';
import type { PackData } from '../../../../shared/export/packTypes';
import { PackTable } from '../components/PackTable';

export function AnomalyTable({ data }: { data: PackData }) {
  const r = data.report;
  const c = r.currency;
  if (r.anomalies.length === 0)
    return (
      <p className="muted">
        No month in the quarter deviates from its trailing baseline beyond the thresholds.
      </p>
    );
  return (
    <PackTable
      rows={r.anomalies.length}
      title="Spend anomalies"
      columns={6}
      head={
        <tr>
          <th>Month</th>
          <th>Where</th>
          <th className="num">Amount</th>
          <th className="num">Baseline (median)</th>
          <th className="num">Deviation</th>
          <th>Main contributors</th>
        </tr>
      }
    >
      <tbody>
        {r.anomalies.map((a, i) => (
          <tr key={i}>
            <td>{shortMonth(a.month)}</td>
            <td>
              {a.label}{' '}
              <span className="muted">
                ({a.dimension}, {a.direction === 'spike' && a.baselineMedian === 0 ? 'new' : a.direction})
              </span>
            </td>
            <td className="num">{boardMoney(a.amount, c)}</td>
            <td className="num">{boardMoney(a.baselineMedian, c)}</td>
            <td className="num">
              {boardSignedMoney(a.deviation, c)}
              <br />
              <span className="muted">{pct(a.deviationPct)}</span>
            </td>
            <td className="small">
              {a.contributors
                .slice(0, 2)
                .map((x) => `${x.label} ${boardSignedMoney(x.change, c)}`)
                .join('; ')}
            </td>
          </tr>
        ))}
      </tbody>
    </PackTable>
  );
}
