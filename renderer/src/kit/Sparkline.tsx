import type { RagStatus } from '../../../shared/domain';
import { sparklineGeometry } from './sparklineGeometry';

export interface SparklineProps {
  /** Oldest first; null = no value that period. */
  values: readonly (number | null)[];
  /** Period labels, same length as values (read out in the text alternative). */
  periods: readonly string[];
  /** Accessible name, e.g. "AI Portfolio ROI, last 6 quarters". */
  label: string;
  /** Formats a value for the text alternative, as the table beside it prints values. */
  format(value: number): string;
  /** The last period's status: its point is drawn in that status's colour. */
  lastStatus?: RagStatus;
  width?: number;
  height?: number;
}

/**
 * A few quarters at a glance: a line without axes and the last point marked. Inline SVG, on screen and in
 * the PDF: a table has one per row, and as vectors they print sharp at any zoom and cost next to nothing.
 * The text alternative lists each period's value.
 */
export function Sparkline({
  values,
  periods,
  label,
  format,
  lastStatus,
  width = 84,
  height = 22,
}: SparklineProps) {
  if (values.every((v) => v === null)) return <span className="muted sparkline-empty">No history</span>;
  const { path, last } = sparklineGeometry(values, width, height, 3);
  const readOut = values.map((v, i) => `${periods[i]}: ${v === null ? 'no data' : format(v)}`).join('; ');
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${label}. ${readOut}`}
    >
      <path d={path} className="sparkline-line" fill="none" strokeWidth={1.4} strokeLinejoin="round" />
      {last ? (
        <circle
          cx={last.x}
          cy={last.y}
          r={2.5}
          className={`sparkline-last status-shape-${lastStatus ?? 'no_data'}`}
          fill="currentColor"
        />
      ) : null}
    </svg>
  );
}
