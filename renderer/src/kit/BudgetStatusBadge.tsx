import type { RagStatus } from '../../../shared/domain';
import { budgetStatusView } from '../../../shared/format/budgetStatus';
import { StatusShape } from './StatusShape';

/**
 * A budget status: the severity's colour and words with the side it is on — "Over budget" ▲ in the status
 * colour, "Under budget" ▼ in its own colour, "On budget" ● — so an underspend never looks like an overspend.
 */
export function BudgetStatusBadge({
  status,
  variance,
  compact,
}: {
  status: RagStatus;
  /** actual − budget, in micro-units (its sign decides the side). */
  variance: number | null;
  compact?: boolean;
}) {
  const v = budgetStatusView(status, variance);
  return (
    <span
      className={`status status-${status} budget-${v.side}${compact ? ' status-compact' : ''}`}
      data-status={status}
      data-budget-side={v.side}
    >
      {v.side === 'over' || v.side === 'under' ? (
        <svg
          width={10}
          height={10}
          viewBox="0 0 10 10"
          aria-hidden="true"
          focusable="false"
          className="status-shape"
        >
          <polygon
            points={v.side === 'over' ? '5,0.5 9.6,9.5 0.4,9.5' : '0.4,0.5 9.6,0.5 5,9.5'}
            fill="currentColor"
          />
        </svg>
      ) : (
        <StatusShape status={status} />
      )}
      {compact ? <span className="sr-only">{v.label}</span> : <span>{v.label}</span>}
    </span>
  );
}
