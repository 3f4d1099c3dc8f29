import { useMemo } from 'react';
import type { ReportModel } from '../../../shared/report';
import { HorizontalBarChart } from '../charts/HorizontalBarChart';
import { moneyFull, moneyTick } from '../kit/charts/axis';
import { Panel } from '../components/Panel';
import { Figure } from '../explain/Figure';
import { chartMajor, formatMoney, formatNumber } from '../format';

/** Spend by vendor in the quarter: the ten largest charted, all listed. */
export function VendorPanel({ report }: { report: ReportModel }) {
  const c = report.currency;
  const top = useMemo(() => report.budget.byVendor.slice(0, 10), [report]);
  const series = useMemo(
    () => [{ label: 'Actual', data: top.map((v) => chartMajor(v.actual.micro)), color: 'actual' }],
    [top],
  );
  const labels = useMemo(() => top.map((v) => v.label), [top]);
  const tick = useMemo(() => moneyTick(c), [c]);
  const full = useMemo(() => moneyFull(c), [c]);
  return (
    <Panel title="Spend by vendor" className="span-2">
      {report.budget.byVendor.length === 0 ? (
        <p className="muted">No spend in {report.period.label}.</p>
      ) : (
        <div className="split">
          <HorizontalBarChart
            title={`Top vendors, ${report.period.label} (${c})`}
            labels={labels}
            series={series}
            axisLabel={`Spend (${c})`}
            tick={tick}
            format={full}
            testId="chart-vendors"
          />
          <table className="table table-compact" aria-label="Spend by vendor">
            <thead>
              <tr>
                <th scope="col">Vendor</th>
                <th scope="col" className="num">
                  Actual
                </th>
                <th scope="col" className="num">
                  Lines
                </th>
              </tr>
            </thead>
            <tbody>
              {report.budget.byVendor.map((v) => (
                <tr key={v.vendor}>
                  <th scope="row">{v.label}</th>
                  <td className="num">
                    <Figure explain={v.actual.explain} label={`${v.label} spend`}>
                      {formatMoney(v.actual.micro, c)}
                    </Figure>
                  </td>
                  <td className="num">{formatNumber(v.lineCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
