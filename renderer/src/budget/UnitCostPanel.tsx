import type { ReportModel } from '../../../shared/report';
import { monthLabel } from '../kit/charts/axis';
import { Panel } from '../components/Panel';
import { Figure } from '../explain/Figure';
import { formatMoney, formatNumber, formatSignedPct } from '../format';
import { formatKpiValue } from '../kpiFormat';

/** Inference cost per key action by month and for the quarter. */
export function UnitCostPanel({ report }: { report: ReportModel }) {
  const u = report.unitEconomics;
  const c = report.currency;
  return (
    <Panel title="Unit economics: inference cost per key action">
      <p className="muted small">
        Model API + compute spend ÷ key actions served. Quarter:{' '}
        <Figure explain={u.quarter.explain} label="Cost per key action, quarter">
          {formatKpiValue('currency', u.quarter.costPerAction, c)}
        </Figure>{' '}
        · previous quarter{' '}
        <Figure explain={u.previousQuarter.explain} label="Cost per key action, previous quarter">
          {formatKpiValue('currency', u.previousQuarter.costPerAction, c)}
        </Figure>{' '}
        · change {formatSignedPct(u.qoqChange)}
      </p>
      <table className="table table-compact" aria-label="Cost per key action by month">
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" className="num">
              Inference cost
            </th>
            <th scope="col" className="num">
              Key actions
            </th>
            <th scope="col" className="num">
              Per action
            </th>
          </tr>
        </thead>
        <tbody>
          {u.months.map((m) => (
            <tr key={m.period}>
              <th scope="row">{monthLabel(m.period)}</th>
              <td className="num">{formatMoney(m.inferenceCost, c)}</td>
              <td className="num">{formatNumber(m.keyActions)}</td>
              <td className="num">
                <Figure explain={m.explain} label={`Cost per key action ${m.period}`}>
                  {formatKpiValue('currency', m.costPerAction, c)}
                </Figure>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
