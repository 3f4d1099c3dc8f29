import type { RagStatus } from '../../../shared/domain';
import { StatusBadge } from '../kit/StatusBadge';

const ITEMS: [RagStatus, string][] = [
  ['green', 'meets target'],
  ['amber', 'between amber threshold and target'],
  ['red', 'beyond the amber threshold'],
  ['no_data', 'no value this quarter'],
];

/** What the status shapes mean; click any value to see where it comes from. */
export function ScorecardLegend() {
  return (
    <p className="legend muted small" aria-label="Status legend">
      {ITEMS.map(([s, text]) => (
        <span key={s} className="legend-item">
          <StatusBadge status={s} /> {text}
        </span>
      ))}
      <span className="legend-item">Click a value to see where it comes from.</span>
    </p>
  );
}
