import { useMemo } from 'react';
import type { ReportModel } from '../../../shared/report';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../kit/ChartCanvas';
import { chartLook, cumulativeChart } from '../kit/charts';
import { useThemeVersion } from '../kit/charts/useThemeVersion';
import { Panel } from '../components/Panel';
import { Figure } from '../explain/Figure';

/** Cumulative realized benefit vs cumulative cost (projected benefit dashed, never in ROI). */
export function CumulativePanel({ report }: { report: ReportModel }) {
  const themeVersion = useThemeVersion();
  const title = `Running totals to ${report.period.label}, ${report.currency}`;
  const config = useMemo(
    () => cumulativeChart(report, chartLook('screen'), { title }),
    // themeVersion: the screen's colours are read again when the OS switches light/dark.
    [report, title, themeVersion],
  );
  return (
    <Panel
      title="Benefit vs cost, cumulative"
      actions={
        <Figure
          explain={report.cumulativeExplain}
          label="Cumulative benefit and cost"
          className="link-figure"
        >
          How is this computed?
        </Figure>
      }
    >
      {report.cumulative.length === 0 ? (
        <p className="muted">No spend or benefit up to {report.period.end}.</p>
      ) : (
        <ChartCanvas
          config={config as ChartConfiguration}
          label={title}
          summary={`Running totals by month in ${report.currency}: ${config.data.datasets.map((d) => d.label).join(', ')}`}
          testId="chart-cumulative"
        />
      )}
    </Panel>
  );
}
