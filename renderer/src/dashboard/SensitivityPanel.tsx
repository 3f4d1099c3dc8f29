import { useMemo } from 'react';
import { tornadoDrivers } from '../../../shared/export/tornado';
import type { ReportModel } from '../../../shared/report';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../kit/ChartCanvas';
import { chartLook, tornadoChart, tornadoHeight } from '../kit/charts';
import { useThemeVersion } from '../kit/charts/useThemeVersion';
import { Panel } from '../components/Panel';
import { Figure } from '../explain/Figure';
import { formatMoney, formatPct } from '../format';
import { AssumptionRegisterTable } from './AssumptionRegisterTable';
import { RangeBar } from './RangeBar';

/** An axis around the values with a margin, so a band never fills the whole track. */
function padded(values: number[]): { min: number; max: number } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const margin = (hi - lo) * 0.15 || Math.abs(hi) * 0.1 || 1;
  return { min: lo - margin, max: hi + margin };
}

/** Where the headline NPV and cumulative ROI could land given the benefit ranges, and what moves them most. */
export function SensitivityPanel({ report }: { report: ReportModel }) {
  const s = report.sensitivity;
  const c = report.currency;
  const p = report.portfolio;
  const drivers = useMemo(() => tornadoDrivers(s), [s]);
  const themeVersion = useThemeVersion();
  const tornadoTitle = `What moves NPV most (${drivers.length} of ${s.drivers.length} assumptions)`;
  const tornado = useMemo(
    () => tornadoChart(report, chartLook('screen'), { title: tornadoTitle }),
    // themeVersion: the screen's colours are read again when the OS switches light/dark.
    [report, tornadoTitle, themeVersion],
  );
  const npvAxis = [
    s.npv.p10.micro,
    s.npv.p90.micro,
    p.npv.micro,
    ...drivers.flatMap((d) => [d.npvLow.micro, d.npvHigh.micro]),
  ];
  const roiValues = [s.cumulativeRoi.p10.value, s.cumulativeRoi.p90.value, p.cumulativeRoi.value].filter(
    (v): v is number => v !== null,
  );
  return (
    <Panel title="Sensitivity to benefit assumptions" className="span-2" id="sensitivity">
      {s.rangedLines === 0 ? (
        <p className="muted" data-testid="sensitivity-none">
          No realized benefit line up to {report.period.end} states a range, so the bands are the point
          figures. Add a low and a high to benefit lines (benefits import, or an initiative’s benefit
          assumptions).
          {s.projectedRangedLines > 0
            ? ` ${s.projectedRangedLines} projected line${s.projectedRangedLines === 1 ? '' : 's'} state one: projected benefits are in neither NPV nor ROI.`
            : ''}
        </p>
      ) : (
        <>
          <p className="muted small">
            {s.draws.toLocaleString('en-US')} draws: each ranged realized benefit line is triangular (low,
            amount, high); lines naming the same assumption move together. Bar: 10th–90th percentile; tick:
            median; ◆: the figure as stated.{' '}
            <Figure explain={s.explain} label="Sensitivity method">
              Seed {s.seed}
            </Figure>
          </p>
          <div className="range-list" data-testid="sensitivity-bands">
            <RangeBar
              label="NPV to date"
              p10={s.npv.p10.micro}
              p50={s.npv.p50.micro}
              p90={s.npv.p90.micro}
              point={p.npv.micro}
              {...padded(npvAxis)}
              testId="band-npv"
            >
              <Figure explain={s.npv.p10.explain} label="NPV, 10th percentile">
                {formatMoney(s.npv.p10.micro, c, { compact: true })}
              </Figure>
              {' – '}
              <Figure explain={s.npv.p90.explain} label="NPV, 90th percentile">
                {formatMoney(s.npv.p90.micro, c, { compact: true })}
              </Figure>
              <span className="muted">
                {' '}
                median{' '}
                <Figure explain={s.npv.p50.explain} label="NPV, median">
                  {formatMoney(s.npv.p50.micro, c, { compact: true })}
                </Figure>
              </span>
            </RangeBar>
            {roiValues.length === 3 ? (
              <RangeBar
                label="Cumulative ROI"
                p10={s.cumulativeRoi.p10.value!}
                p50={s.cumulativeRoi.p50.value!}
                p90={s.cumulativeRoi.p90.value!}
                point={p.cumulativeRoi.value!}
                {...padded(roiValues)}
                testId="band-roi"
              >
                <Figure explain={s.cumulativeRoi.p10.explain} label="Cumulative ROI, 10th percentile">
                  {formatPct(s.cumulativeRoi.p10.value)}
                </Figure>
                {' – '}
                <Figure explain={s.cumulativeRoi.p90.explain} label="Cumulative ROI, 90th percentile">
                  {formatPct(s.cumulativeRoi.p90.value)}
                </Figure>
                <span className="muted">
                  {' '}
                  median{' '}
                  <Figure explain={s.cumulativeRoi.p50.explain} label="Cumulative ROI, median">
                    {formatPct(s.cumulativeRoi.p50.value)}
                  </Figure>
                </span>
              </RangeBar>
            ) : null}
          </div>
          <div className="split">
            <ChartCanvas
              config={tornado as ChartConfiguration}
              label={tornadoTitle}
              summary={`NPV (${c}): each assumption at its low and at its high, the others at base`}
              height={tornadoHeight(drivers.length, 'screen')}
              testId="chart-tornado"
            />
            <table className="table table-compact" aria-label="NPV swing by assumption">
              <thead>
                <tr>
                  <th scope="col">Assumption</th>
                  <th scope="col" className="num">
                    NPV at low
                  </th>
                  <th scope="col" className="num">
                    NPV at high
                  </th>
                </tr>
              </thead>
              <tbody>
                {drivers.map((d) => (
                  <tr key={`${d.assumption}|${d.initiatives.join('|')}`}>
                    <th scope="row">
                      {d.assumption}
                      <div className="muted small">{d.initiative ?? d.initiatives.join(', ')}</div>
                    </th>
                    <td className="num">
                      <Figure explain={d.npvLow.explain} label={`NPV with ${d.assumption} at its low`}>
                        {formatMoney(d.npvLow.micro, c, { compact: true })}
                      </Figure>
                    </td>
                    <td className="num">
                      <Figure explain={d.npvHigh.explain} label={`NPV with ${d.assumption} at its high`}>
                        {formatMoney(d.npvHigh.micro, c, { compact: true })}
                      </Figure>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {report.assumptionRegister.length > 0 ? <AssumptionRegisterTable report={report} limit={12} /> : null}
    </Panel>
  );
}
