import type { ReactNode } from 'react';

/** A headline figure: its label (and a status badge beside it), the value, and a line of context. */
export function Tile({
  label,
  value,
  detail,
  badge,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
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
      {detail ? <div className="tile-detail">{detail}</div> : null}
    </div>
  );
}
