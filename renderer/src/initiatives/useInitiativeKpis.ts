import type { InitiativeKpiReport } from '../../../shared/report';
import { api } from '../api/client';
import { useAsync } from '../useAsync';
import { useWorkspace } from '../WorkspaceContext';

export type InitiativeKpisState =
  | { status: 'loading' }
  | { status: 'ready'; kpis: InitiativeKpiReport[] }
  | { status: 'error'; error: Error; retry: () => void };

/**
 * One initiative's KPIs for a quarter, fetched apart from the report (screens' reports leave them out). Rows of
 * another quarter or initiative still on hand while the next load are not shown: their explanation keys
 * would open the wrong quarter's explanation.
 */
export function useInitiativeKpis(id: number, period: string): InitiativeKpisState {
  const { info } = useWorkspace();
  const load = useAsync(
    async () => ({ id, period, kpis: await api.call('report.initiativeKpis', { period, initiative: id }) }),
    [info, id, period],
  );
  if (load.status === 'error') return { status: 'error', error: load.error, retry: load.reload };
  const d = load.data;
  return load.status === 'ready' && d && d.id === id && d.period === period
    ? { status: 'ready', kpis: d.kpis }
    : { status: 'loading' };
}
