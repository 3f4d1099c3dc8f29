import type { KpiScore } from '../../../shared/report';
import { KpiSparkline } from '../kit/KpiSparkline';
import { StatusBadge } from '../kit/StatusBadge';
import { TrendMark } from '../kit/TrendMark';
import { Figure } from '../explain/Figure';
import { formatKpiTarget, kpiFormatter } from '../kpiFormat';
import { TargetChangedMarker } from './TargetChangedMarker';

/**
 * The cells every scored KPI row shows, on the scorecard and in an initiative's KPIs: the value (opening its
 * explanation), the target, the status (colour + shape + words), the trend and the 6-quarter sparkline.
 */
export function KpiScoreCells({
  kpi,
  currency,
  label = kpi.name,
  testPrefix = 'kpi',
}: {
  kpi: KpiScore;
  currency: string;
  /** What the figure is, for its accessible name (e.g. the KPI name with the initiative's). */
  label?: string;
  /** Test ids are `${testPrefix}-value-${id}`, `-target-`, `-status-`. */
  testPrefix?: string;
}) {
  const fmt = kpiFormatter(kpi, currency);
  return (
    <>
      <td className="num kpi-value">
        <Figure explain={kpi.explain} label={label} testId={`${testPrefix}-value-${kpi.id}`}>
          {fmt(kpi.value)}
        </Figure>
      </td>
      <td className="num">
        <span data-testid={`${testPrefix}-target-${kpi.id}`}>{formatKpiTarget(kpi, currency)}</span>
        <TargetChangedMarker kpi={kpi} format={(x) => fmt(x)} />
      </td>
      <td data-testid={`${testPrefix}-status-${kpi.id}`}>
        <StatusBadge status={kpi.status} />
      </td>
      <td className="col-trend">
        <TrendMark trend={kpi.trend} value={kpi.value} previous={kpi.previousValue} />
      </td>
      <td>
        <KpiSparkline kpi={kpi} currency={currency} label={label} />
        {/* Shown instead of the trend column in a narrow window (only one of the two is ever displayed). */}
        <div className="trend-under">
          <TrendMark trend={kpi.trend} value={kpi.value} previous={kpi.previousValue} echo />
        </div>
      </td>
    </>
  );
}
