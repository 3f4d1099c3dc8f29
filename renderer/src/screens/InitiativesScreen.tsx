import { api } from '../api/client';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { ScreenHeader } from '../components/ScreenHeader';
import { Skeleton } from '../components/Skeleton';
import { ExplainProvider } from '../explain/ExplainProvider';
import { InitiativeDetail } from '../initiatives/InitiativeDetail';
import { InitiativesTable } from '../initiatives/InitiativesTable';
import { ReportSubtitle } from '../report/ReportSubtitle';
import { useReport } from '../report/useReport';
import { useSubRoute } from '../route';
import { useAsync } from '../useAsync';
import { useWorkspace } from '../WorkspaceContext';

export function InitiativesScreen() {
  const { info, period } = useWorkspace();
  const sub = useSubRoute();
  const report = useReport();
  const list = useAsync(() => api.call('initiatives.list', {}), [info]);
  const data = report.status !== 'empty' ? report.data : undefined;
  const selected = sub ? Number(sub) : null;

  if (list.data && list.data.length === 0)
    return (
      <section aria-labelledby="screen-title">
        <ScreenHeader title="Initiatives" />
        <EmptyState title="No initiatives yet">
          Import an initiative register (CSV or Excel with name, owner, stage, risk tier…) on the Import
          screen.
        </EmptyState>
      </section>
    );
  const err = list.status === 'error' ? list.error : report.status === 'error' ? report.error : null;
  return (
    <section aria-labelledby="screen-title">
      {err && <ErrorNotice title="Initiatives could not be loaded" error={err} onRetry={list.reload} />}
      {!data || !list.data ? (
        <>
          <ScreenHeader title="Initiatives" subtitle={period} />
          <Skeleton lines={9} label="Loading initiatives" />
        </>
      ) : (
        <ExplainProvider report={data}>
          {selected !== null && list.data.some((i) => i.id === selected) ? (
            <InitiativeDetail
              id={selected}
              report={data}
              initiative={list.data.find((i) => i.id === selected)!}
            />
          ) : (
            <>
              <ScreenHeader title="Initiatives" subtitle={<ReportSubtitle report={data} />} />
              <InitiativesTable report={data} initiatives={list.data} />
            </>
          )}
        </ExplainProvider>
      )}
    </section>
  );
}
