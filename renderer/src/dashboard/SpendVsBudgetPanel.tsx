import { useMemo } from 'react';
import type { ReportModel } from '../../../shared/report';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../kit/ChartCanvas';
import { budgetVsActualChart, chartLook } from '../kit/charts';
import { useThemeVersion } from '../kit/charts/useThemeVersion';
import { Panel } from '../components/Panel';
import { Figure } from '../explain/Figure';

/** Monthly actual (bars) vs budget (line) over the fiscal year, the chosen quarter emphasised. */
export function SpendVsBudgetPanel({ report }: { report: ReportModel }) {
  const themeVersion = useThemeVersion();
  const title = `Actual spend vs budget, ${report.currency} per month`;
  const config = useMemo(
    () => budgetVsActualChart(report, chartLook('screen'), { title }),
    // themeVersion: the screen's colours are read again when the OS switches light/dark.
    [report, title, themeVersion],
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
      <ChartCanvas
        config={config as ChartConfiguration}
        label={title}
        summary={`Monthly actual spend against budget in ${report.currency}`}
        testId="chart-budget"
      />
    </Panel>
  );
}
