import type { ReactNode } from 'react';

/** A headline number with its label and a line of context. */
export function Tile({
  label,
  value,
  sub,
  badge,
  testId,
}: {
  label: string;
  value: ReactNode;
  sub?: ReactNode;
  badge?: ReactNode;
  testId?: string;
}) {
  return (
    <div className="tile" data-testid={testId}>
      <div className="tile-head">
        <span className="tile-label">{label}</span>
        {badge}
      </div>
      <div className="tile-value">{value}</div>
      {sub && <div className="tile-sub">{sub}</div>}
    </div>
  );
}
