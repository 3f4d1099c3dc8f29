import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Panel } from '../components/Panel';
import { ScreenHeader } from '../components/ScreenHeader';
import { AnomalyList } from '../components/AnomalyList';
import { CumulativePanel } from '../dashboard/CumulativePanel';
import { DashboardSkeleton } from '../dashboard/DashboardSkeleton';
import { HeadlineTiles } from '../dashboard/HeadlineTiles';
import { KpiSummaryPanel } from '../dashboard/KpiSummaryPanel';
import { RoiPanel } from '../dashboard/RoiPanel';
import { SensitivityPanel } from '../dashboard/SensitivityPanel';
import { SpendVsBudgetPanel } from '../dashboard/SpendVsBudgetPanel';
import { ExplainProvider } from '../explain/ExplainProvider';
import { ReportSubtitle } from '../report/ReportSubtitle';
import { useReport } from '../report/useReport';
import { useWorkspace } from '../WorkspaceContext';

export function DashboardScreen() {
  const { period } = useWorkspace();
  const report = useReport();
  if (report.status === 'empty')
    return (
      <section aria-labelledby="screen-title">
        <ScreenHeader title="Dashboard" />
        <EmptyState
          title="No data yet"
          action={
            <a className="button primary" href="#/import">
              Import a file
            </a>
          }
        >
          Import a spend export (cloud billing in FOCUS format, an AI vendor cost export or a GL extract), a
          budget and your KPI values to see the quarter&apos;s scorecard here.
        </EmptyState>
      </section>
    );
  const data = report.data;
  return (
    <section aria-labelledby="screen-title" aria-busy={report.status === 'loading'}>
      <ScreenHeader title="Dashboard" subtitle={data ? <ReportSubtitle report={data} /> : period} />
      {report.status === 'error' && (
        <ErrorNotice
          title={`The ${period} figures could not be computed`}
          error={report.error}
          onRetry={report.reload}
        />
      )}
      {!data ? (
        <DashboardSkeleton />
      ) : (
        <ExplainProvider report={data}>
          <div
            className={report.status === 'loading' ? 'stale' : undefined}
            data-testid="dashboard"
            data-period={data.period.label}
          >
            <HeadlineTiles report={data} />
            <div className="grid-2">
              <SpendVsBudgetPanel report={data} />
              <CumulativePanel report={data} />
              <RoiPanel report={data} />
              <SensitivityPanel report={data} />
              <KpiSummaryPanel report={data} />
              <Panel title="Spend anomalies" actions={<a href="#/budget">Budget details</a>}>
                <AnomalyList report={data} limit={5} />
              </Panel>
            </div>
          </div>
        </ExplainProvider>
      )}
    </section>
  );
}
