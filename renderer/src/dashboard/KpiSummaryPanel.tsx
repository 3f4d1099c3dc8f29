import type { RagStatus } from '../../../shared/domain';
import type { ReportModel } from '../../../shared/report';
import { Panel } from '../components/Panel';
import { StatusBadge } from '../kit/StatusBadge';
import { Figure } from '../explain/Figure';
import { formatKpiTarget, kpiFormatter } from '../kpiFormat';
import { KPI_CATEGORIES } from '../../../shared/domain';
import { StatusShape } from '../kit/StatusShape';
import { STATUS_LABEL } from '../labels';

const ORDER: RagStatus[] = ['green', 'amber', 'red', 'no_data'];

/** KPI status by category, then the KPIs off track with value vs target. */
export function KpiSummaryPanel({ report }: { report: ReportModel }) {
  const off = report.kpis.filter((k) => k.status === 'red');
  return (
    <Panel title="KPI status" actions={<a href="#/scorecard">Open scorecard</a>}>
      <table className="table table-compact" aria-label="KPI status by category">
        <thead>
          <tr>
            <th scope="col">Category</th>
            {ORDER.map((s) => (
              <th scope="col" className="num" key={s}>
                <span className={`status status-${s} status-compact`}>
                  <StatusShape status={s} />
                </span>{' '}
                {STATUS_LABEL[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {KPI_CATEGORIES.filter((c) => report.kpis.some((k) => k.category === c)).map((c) => (
            <tr key={c}>
              <th scope="row">{c}</th>
              {ORDER.map((s) => {
                const n = report.kpis.filter((k) => k.category === c && k.status === s).length;
                return (
                  <td className={`num${n === 0 ? ' muted' : ''}`} key={s}>
                    {n}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {off.length > 0 && (
        <>
          <h3 className="subhead">Off track</h3>
          <ul className="kpi-off-list">
            {off.map((k) => (
              <li key={k.id}>
                <StatusBadge status={k.status} compact />
                <span className="kpi-off-name">{k.name}</span>
                <Figure explain={k.explain} label={k.name}>
                  {kpiFormatter(k, report.currency)(k.value)}
                </Figure>
                <span className="muted small">target {formatKpiTarget(k, report.currency)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
