import { kpiFormatter } from '../../../shared/format/kpi';
import type { KpiScore } from '../../../shared/report';
import { Sparkline } from './Sparkline';

/**
 * A KPI's quarters (the report model's history, oldest first), read out as its value column prints them;
 * the last point in the quarter's status colour.
 */
export function KpiSparkline({
  kpi,
  currency,
  label = kpi.name,
}: {
  kpi: KpiScore;
  currency: string;
  /** What the line is, e.g. the KPI's name with its initiative's. */
  label?: string;
}) {
  const last = kpi.history[kpi.history.length - 1];
  return (
    <Sparkline
      values={kpi.history.map((h) => h.value)}
      periods={kpi.history.map((h) => h.period)}
      label={`${label}, last ${kpi.history.length} quarters`}
      format={kpiFormatter(kpi, currency)}
      lastStatus={last?.status ?? kpi.status}
    />
  );
}
