import { AnomalyList } from '../components/AnomalyList';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Panel } from '../components/Panel';
import { ScreenHeader } from '../components/ScreenHeader';
import { Skeleton } from '../components/Skeleton';
import { BudgetTiles } from '../budget/BudgetTiles';
import { CategoryTable } from '../budget/CategoryTable';
import { ForecastTrackRecord } from '../budget/ForecastTrackRecord';
import { MonthlyTable } from '../budget/MonthlyTable';
import { UnitCostPanel } from '../budget/UnitCostPanel';
import { VendorPanel } from '../budget/VendorPanel';
import { SpendVsBudgetPanel } from '../dashboard/SpendVsBudgetPanel';
import { ExplainProvider } from '../explain/ExplainProvider';
import { ReportSubtitle } from '../report/ReportSubtitle';
import { useReport } from '../report/useReport';
import { useWorkspace } from '../WorkspaceContext';

export function BudgetScreen() {
  const { period } = useWorkspace();
  const report = useReport();
  if (report.status === 'empty')
    return (
      <section aria-labelledby="screen-title">
        <ScreenHeader title="Budget" />
        <EmptyState title="No spend or budget yet">
          Import a budget (month, amount, optional category or initiative) and spend exports on the Import
          screen.
        </EmptyState>
      </section>
    );
  const data = report.data;
  return (
    <section aria-labelledby="screen-title">
      <ScreenHeader title="Budget" subtitle={data ? <ReportSubtitle report={data} /> : period} />
      {report.status === 'error' && (
        <ErrorNotice
          title="Budget figures could not be computed"
          error={report.error}
          onRetry={report.reload}
        />
      )}
      {!data ? (
        <Skeleton lines={10} label="Loading budget figures" />
      ) : (
        <ExplainProvider report={data}>
          <div className={report.status === 'loading' ? 'stale' : undefined} data-testid="budget">
            {data.budget.annualBudget.micro === 0 && (
              <div className="notice notice-warn" role="note">
                No budget for FY{data.period.fiscalYear} has been imported: variances are against zero. Import
                a budget file on the Import screen.
              </div>
            )}
            <BudgetTiles report={data} />
            <div className="grid-2">
              <SpendVsBudgetPanel report={data} />
              <Panel title="Anomalies and their cause">
                <AnomalyList report={data} />
              </Panel>
              <Panel title={`By category, ${data.period.label}`} className="span-2">
                <CategoryTable report={data} />
              </Panel>
              <Panel title={`By month, FY${data.period.fiscalYear}`}>
                <MonthlyTable report={data} />
              </Panel>
              <Panel title="Forecast track record">
                <ForecastTrackRecord report={data} />
              </Panel>
              <UnitCostPanel report={data} />
              <VendorPanel report={data} />
            </div>
          </div>
        </ExplainProvider>
      )}
    </section>
  );
}
