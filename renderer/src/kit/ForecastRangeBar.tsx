import { rangeBarGeometry } from '../../../shared/export/rangeBar';
import type { Micro } from '../../../shared/money';

/**
 * The year-end forecast as a point inside its 80% range, with the annual budget marked (▼) on the same scale;
 * the text alternative also states the fiscal-YTD actual, the floor of the range. Used on screen and in print.
 */
export function ForecastRangeBar({
  low,
  high,
  forecast,
  ytd,
  budget,
  format,
  width = 240,
  height = 26,
}: {
  low: Micro;
  high: Micro;
  forecast: Micro;
  ytd: Micro;
  budget: Micro | null;
  format: (micro: Micro) => string;
  width?: number;
  height?: number;
}) {
  const g = rangeBarGeometry({ low, high, forecast, budget });
  const x = (f: number) => Math.round(f * width * 10) / 10;
  const mid = height / 2;
  const label =
    `80% range ${format(low)} to ${format(high)}, forecast ${format(forecast)}` +
    `${budget ? `, annual budget ${format(budget)}` : ''}, spent so far ${format(ytd)}`;
  return (
    <svg
      className="range-bar"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="forecast-range-bar"
    >
      <title>{label}</title>
      <line className="range-bar-axis" x1={0} x2={width} y1={mid} y2={mid} />
      <rect
        className="range-bar-band"
        x={x(g.low)}
        y={mid - 5}
        width={Math.max(1, x(g.high) - x(g.low))}
        height={10}
        rx={3}
      />
      {g.budget !== null && (
        <path
          className="range-bar-budget"
          d={`M${x(g.budget) - 4},1 L${x(g.budget) + 4},1 L${x(g.budget)},7 Z M${x(g.budget)},7 L${x(g.budget)},${height - 1}`}
        />
      )}
      <circle className="range-bar-point" cx={x(g.forecast)} cy={mid} r={4} />
    </svg>
  );
}
