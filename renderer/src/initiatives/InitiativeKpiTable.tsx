import type { InitiativeKpiReport } from '../../../shared/report';
import { InitiativeKpiRow } from './InitiativeKpiRow';
import { KpiScoreHeaders } from '../scorecard/KpiScoreHeaders';

/** The KPIs observed for one initiative in a quarter: one scored row each. */
export function InitiativeKpiTable({
  kpis,
  initiative,
  period,
  currency,
}: {
  kpis: InitiativeKpiReport[];
  initiative: string;
  period: string;
  currency: string;
}) {
  return (
    <div className="table-wrap">
      <table className="table table-compact kpi-table" data-testid="initiative-kpis">
        <caption className="sr-only">
          KPIs observed for {initiative}, {period}
        </caption>
        <colgroup>
          <col />
          <col style={{ width: '72px' }} />
          <col style={{ width: '76px' }} />
          <col style={{ width: '100px' }} />
          <col className="col-trend" style={{ width: '100px' }} />
          <col style={{ width: '112px' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <KpiScoreHeaders />
          </tr>
        </thead>
        <tbody>
          {kpis.map((k) => (
            <InitiativeKpiRow key={k.id} kpi={k} initiative={initiative} currency={currency} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
