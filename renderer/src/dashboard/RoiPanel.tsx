import { useMemo } from 'react';
import type { ReportModel } from '../../../shared/report';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../kit/ChartCanvas';
import { chartLook, roiByInitiativeChart } from '../kit/charts';
import { useThemeVersion } from '../kit/charts/useThemeVersion';
import { Panel } from '../components/Panel';
import { Figure } from '../explain/Figure';
import { formatPayback, formatPct } from '../format';

const MAX_ROWS = 12;
const TITLE = 'ROI by initiative (%)';

/** ROI (quarter and cumulative) and payback by initiative. */
export function RoiPanel({ report }: { report: ReportModel }) {
  // The most material initiatives (by cumulative cost) when there are many; the full list is on Initiatives.
  const rows = useMemo(
    () =>
      [...report.initiatives]
        .sort((a, b) => b.cumulativeCost.micro - a.cumulativeCost.micro || a.id - b.id)
        .slice(0, MAX_ROWS)
        .sort((a, b) => (b.cumulativeRoi.value ?? -Infinity) - (a.cumulativeRoi.value ?? -Infinity)),
    [report],
  );
  const hidden = report.initiatives.length - rows.length;
  const themeVersion = useThemeVersion();
  const config = useMemo(
    () => roiByInitiativeChart(rows, ['cumulative', 'quarter'], chartLook('screen'), { title: TITLE }),
    // themeVersion: the screen's colours are read again when the OS switches light/dark.
    [rows, themeVersion],
  );
  return (
    <Panel
      title="ROI and payback by initiative"
      className="span-2"
      actions={
        hidden > 0 ? (
          <a href="#/initiatives">
            {rows.length} largest by cost · all {report.initiatives.length} initiatives
          </a>
        ) : undefined
      }
    >
      {rows.length === 0 ? (
        <p className="muted">No initiatives yet. Import an initiative register on the Import screen.</p>
      ) : rows.every((r) => r.roi.value === null && r.cumulativeRoi.value === null) ? (
        <p className="muted" data-testid="roi-none">
          No initiative has spend up to {report.period.end} yet, so there is no ROI to show. Spend counted as
          shared platform (no initiative) is in the portfolio figures above.
        </p>
      ) : (
        <div className="split">
          <ChartCanvas
            config={config as ChartConfiguration}
            label={TITLE}
            summary="Cumulative and quarter ROI by initiative"
            height={Math.max(160, 56 + rows.length * 30)}
            testId="chart-roi"
          />
          <table className="table table-compact" aria-label="ROI and payback by initiative">
            <thead>
              <tr>
                <th scope="col">Initiative</th>
                <th scope="col" className="num">
                  Quarter ROI
                </th>
                <th scope="col" className="num">
                  Cumulative ROI
                </th>
                <th scope="col" className="num">
                  Payback
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={`#/initiatives/${r.id}`}>{r.name}</a>
                  </th>
                  <td className="num">
                    <Figure explain={r.roi.explain} label={`${r.name} quarter ROI`}>
                      {formatPct(r.roi.value)}
                    </Figure>
                  </td>
                  <td className="num">
                    <Figure explain={r.cumulativeRoi.explain} label={`${r.name} cumulative ROI`}>
                      {formatPct(r.cumulativeRoi.value)}
                    </Figure>
                  </td>
                  <td className="num">
                    <Figure explain={r.paybackMonths.explain} label={`${r.name} payback`}>
                      {formatPayback(r.paybackMonths.value, 'short', r.stage)}
                    </Figure>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
