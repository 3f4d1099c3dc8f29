import { useMemo } from 'react';
import type { ReportModel } from '../../../shared/report';
import { BudgetActualChart } from '../charts/BudgetActualChart';
import { Panel } from '../components/Panel';
import { Figure } from '../explain/Figure';
import { chartMajor } from '../format';

/** Monthly actual (bars) vs budget (line) over the fiscal year, the chosen quarter emphasised. */
export function SpendVsBudgetPanel({ report }: { report: ReportModel }) {
  const data = useMemo(
    () => ({
      months: report.budget.monthly.map((m) => m.month),
      budget: report.budget.monthly.map((m) => chartMajor(m.budget)),
      actual: report.budget.monthly.map((m) => (m.actual === null ? null : chartMajor(m.actual))),
      highlight: [...report.period.months],
    }),
    [report],
  );
  return (
    <Panel
      title={`Spend vs budget by month, FY${report.period.fiscalYear}`}
      actions={
        <Figure
          explain={report.budget.monthlyExplain}
          label="Monthly spend vs budget"
          className="link-figure"
        >
          How is this computed?
        </Figure>
      }
    >
      <BudgetActualChart
        title={`Actual spend vs budget, ${report.currency} per month`}
        currency={report.currency}
        {...data}
        testId="chart-budget"
      />
    </Panel>
  );
}
