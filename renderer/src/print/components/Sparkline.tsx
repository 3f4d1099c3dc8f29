import { kpiValue } from '../../../../shared/export/format';
import type { KpiReport } from '../../../../shared/report';
import { STATUS_COLOUR } from '../charts/palette';
import { sparklineGeometry } from '../charts/sparklineGeometry';

const WIDTH = 84;
const HEIGHT = 22;

/**
 * Six quarters of a KPI, oldest first; the last point marked in its status colour. Inline SVG, not a
 * Chart.js canvas: a table of KPIs has one per row, and as vectors they print sharp at any zoom and cost
 * the page and the PDF writer next to nothing (the pack's charts proper stay Chart.js).
 */
export function Sparkline({ kpi, currency }: { kpi: KpiReport; currency: string }) {
  const { history, name } = kpi;
  if (history.every((h) => h.value === null)) return <span className="muted">No history</span>;
  const { path, last } = sparklineGeometry(
    history.map((h) => h.value),
    WIDTH,
    HEIGHT,
    3,
  );
  // Read out as printed in the Value column: the KPI's unit and decimals, never a raw float.
  const values = history
    .map((h) => `${h.period} ${h.value === null ? 'no data' : kpiValue(h.value, kpi, currency)}`)
    .join(', ');
  return (
    <svg
      className="sparkline-svg"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${name}, last six quarters: ${values}`}
    >
      <path d={path} fill="none" stroke="#475569" strokeWidth={1.2} strokeLinejoin="round" />
      {last ? (
        <circle cx={last.x} cy={last.y} r={2.5} fill={STATUS_COLOUR[history[history.length - 1]!.status]} />
      ) : null}
    </svg>
  );
}
