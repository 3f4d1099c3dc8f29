import type { RagStatus } from '../../../../shared/domain';
import { STATUS_LABEL } from '../../../../shared/export/format';
import { StatusShape } from './StatusShape';

/** Status by colour, shape and word: legible in greyscale and to a screen reader. */
export function StatusBadge({ status }: { status: RagStatus }) {
  return (
    <span className={`status status-${status}`}>
      <StatusShape status={status} />
      <span>{STATUS_LABEL[status]}</span>
    </span>
  );
}
