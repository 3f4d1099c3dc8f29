/** Where a sparkline's line and last point go in a width × height box (SVG user units = CSS px). */
export interface SparklineGeometry {
  /** SVG path data: one run of segments through every value, gaps spanned (no value = no vertex). */
  path: string;
  /** The last period's point, when it has a value. */
  last: { x: number; y: number } | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Values oldest first, spread evenly across the width; the lowest value at the bottom and the highest at
 * the top, inside `padding`. A flat series sits in the middle.
 */
export function sparklineGeometry(
  values: readonly (number | null)[],
  width: number,
  height: number,
  padding: number,
): SparklineGeometry {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return { path: '', last: null };
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const x = (i: number) =>
    values.length === 1 ? width / 2 : padding + (i * (width - 2 * padding)) / (values.length - 1);
  const y = (v: number) =>
    hi === lo ? height / 2 : padding + ((hi - v) * (height - 2 * padding)) / (hi - lo);
  const points = values.flatMap((v, i) => (v === null ? [] : [{ x: round(x(i)), y: round(y(v)) }]));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  const end = values[values.length - 1];
  return { path, last: end === null || end === undefined ? null : points[points.length - 1]! };
}
