import type { RagStatus } from '../../../shared/domain';
import { STATUS_LABEL } from '../../../shared/labels';
import { StatusShape } from '../kit/StatusShape';

/**
 * Status as colour AND shape AND words, readable by colour-blind users and in greyscale print. `compact`
 * keeps the words for screen readers only (a column headed by the words already).
 */
export function StatusBadge({
  status,
  label,
  compact,
}: {
  status: RagStatus;
  label?: string;
  compact?: boolean;
}) {
  const text = label ?? STATUS_LABEL[status];
  return (
    <span className={`status status-${status}${compact ? ' status-compact' : ''}`} data-status={status}>
      <StatusShape status={status} />
      {compact ? <span className="sr-only">{text}</span> : <span>{text}</span>}
    </span>
  );
}
