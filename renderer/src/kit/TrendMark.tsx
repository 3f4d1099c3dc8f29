import type { Trend } from '../../../shared/domain';
import { TREND_LABEL } from '../../../shared/labels';

/**
 * The arrow shows which way the value moved (↑ up, ↓ down, – unchanged); the word and its colour say
 * whether that is good (the report model computes the trend in the KPI's good direction).
 */
export function TrendMark({
  trend,
  value,
  previous,
  echo = false,
}: {
  trend: Trend;
  value: number | null;
  previous: number | null;
  /** A second showing of a trend already marked in the same row (e.g. folded under a sparkline): untagged. */
  echo?: boolean;
}) {
  const moved = value !== null && previous !== null ? Math.sign(value - previous) : 0;
  const arrow = trend === 'no_data' ? '·' : moved > 0 ? '↑' : moved < 0 ? '↓' : '–';
  return (
    <span className={`trend trend-${trend}`} data-trend={echo ? undefined : trend}>
      <span aria-hidden="true" className="trend-arrow">
        {arrow}
      </span>{' '}
      {TREND_LABEL[trend]}
    </span>
  );
}
