import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Panel } from '../components/Panel';
import { Skeleton } from '../components/Skeleton';
import { InitiativeKpiTable } from './InitiativeKpiTable';
import { useInitiativeKpis } from './useInitiativeKpis';

/** The KPIs observed for one initiative, scored like the scorecard; or what to import to see them. */
export function InitiativeKpis({
  id,
  initiative,
  period,
  currency,
}: {
  id: number;
  initiative: string;
  period: string;
  currency: string;
}) {
  const state = useInitiativeKpis(id, period);
  return (
    <Panel title="KPIs" id="initiative-kpis-title">
      {state.status === 'error' ? (
        <ErrorNotice title="The KPIs could not be loaded" error={state.error} onRetry={state.retry} />
      ) : state.status === 'loading' ? (
        <Skeleton lines={4} label={`Loading the KPIs of ${initiative}`} />
      ) : state.kpis.length === 0 ? (
        <EmptyState
          title="No KPI values for this initiative"
          action={
            <a className="button" href="#/import">
              Import KPI values
            </a>
          }
        >
          Import KPI values with an Initiative column (KPI, period, value and the initiative’s name). Values
          for {initiative} from the last six quarters then show here with their target, status and trend.
        </EmptyState>
      ) : (
        <InitiativeKpiTable kpis={state.kpis} initiative={initiative} period={period} currency={currency} />
      )}
    </Panel>
  );
}
