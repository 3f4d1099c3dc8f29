import type { InitiativeKpiReport } from '../../../shared/report';
import { InitiativeKpiRow } from './InitiativeKpiRow';

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
          <col style={{ width: '100px' }} />
          <col style={{ width: '112px' }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col">Status</th>
            <th scope="col">Trend</th>
            <th scope="col">6 quarters</th>
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
