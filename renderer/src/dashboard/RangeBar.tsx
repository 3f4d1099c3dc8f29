import type { ReactNode } from 'react';

/**
 * A band drawn to scale: the 10th–90th percentile as a bar, the median as a tick, the point figure (the
 * amounts as stated) as a diamond, on an axis from `min` to `max`.
 */
export function RangeBar({
  label,
  p10,
  p50,
  p90,
  point,
  min,
  max,
  children,
  testId,
}: {
  label: string;
  p10: number;
  p50: number;
  p90: number;
  point: number;
  min: number;
  max: number;
  /** The figures as text (each with its explanation). */
  children: ReactNode;
  testId?: string;
}) {
  const span = max - min || 1;
  const at = (v: number) => `${(((v - min) / span) * 100).toFixed(2)}%`;
  return (
    <div className="range-row" data-testid={testId}>
      <div className="range-label">{label}</div>
      <div
        className="range-track"
        role="img"
        aria-label={`${label}: 10th to 90th percentile band, median and point figure`}
      >
        <span className="range-band" style={{ left: at(p10), width: `calc(${at(p90)} - ${at(p10)})` }} />
        <span className="range-median" style={{ left: at(p50) }} />
        <span className="range-point" style={{ left: at(point) }} />
      </div>
      <div className="range-figures">{children}</div>
    </div>
  );
}
