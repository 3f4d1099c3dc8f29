import type { InitiativeKpiReport } from '../../../shared/report';
import { EmptyState } from '../components/EmptyState';
import { Panel } from '../components/Panel';
import { InitiativeKpiRow } from './InitiativeKpiRow';

/** The KPIs observed for one initiative, scored like the scorecard; or what to import to see them. */
export function InitiativeKpis({
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
    <Panel title="KPIs" id="initiative-kpis-title">
      {kpis.length === 0 ? (
        <EmptyState
          title="No KPI observations for this initiative"
          action={
            <a className="button" href="#/import">
              Import KPI observations
            </a>
          }
        >
          Import KPI observations with an Initiative column (KPI, period, value and the initiative’s name).
          Values for {initiative} from the last six quarters then show here with their target, status and
          trend.
        </EmptyState>
      ) : (
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
      )}
    </Panel>
  );
}
