import { useMemo } from 'react';
import type { ReportModel } from '../../../shared/report';
import { CumulativeChart, type CumulativeSeries } from '../charts/CumulativeChart';
import { Panel } from '../components/Panel';
import { Figure } from '../explain/Figure';
import { chartMajor } from '../format';

/** Cumulative realized benefit vs cumulative cost (projected benefit dashed, never in ROI). */
export function CumulativePanel({ report }: { report: ReportModel }) {
  const { months, series } = useMemo(() => {
    const pts = report.cumulative;
    const s: CumulativeSeries[] = [
      { label: 'Cumulative cost', data: pts.map((p) => chartMajor(p.cumulativeCost)), color: 'actual' },
      {
        label: 'Cumulative realized benefit',
        data: pts.map((p) => chartMajor(p.cumulativeBenefit)),
        color: 'benefit',
        fill: true,
      },
    ];
    if (pts.some((p) => p.cumulativeProjectedBenefit !== 0))
      s.push({
        label: 'Realized + projected benefit',
        data: pts.map((p) => chartMajor(p.cumulativeBenefit + p.cumulativeProjectedBenefit)),
        color: 'projected',
        dashed: true,
      });
    return { months: pts.map((p) => p.month), series: s };
  }, [report]);
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
      {months.length === 0 ? (
        <p className="muted">No spend or benefit up to {report.period.end}.</p>
      ) : (
        <CumulativeChart
          title={`Running totals to ${report.period.label}, ${report.currency}`}
          months={months}
          series={series}
          currency={report.currency}
          testId="chart-cumulative"
        />
      )}
    </Panel>
  );
}
