import type { RagStatus } from '../../../../shared/domain';
import { StatusBadge } from '../../kit/StatusBadge';

const ALL: RagStatus[] = ['green', 'amber', 'red', 'no_data'];

/** The key to the status marks, printed above the scorecard. */
export function StatusLegend() {
  return (
    <p className="legend">
      <span className="legend-title">Status:</span>
      {ALL.map((s) => (
        <StatusBadge key={s} status={s} />
      ))}
      <span className="muted">
        Trend compares with the previous quarter in the KPI&apos;s good direction.
      </span>
    </p>
  );
}
