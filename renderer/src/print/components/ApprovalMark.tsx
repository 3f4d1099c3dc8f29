import { longDate } from '../../../../shared/export/format';
import { StatusShape } from '../../kit/StatusShape';

/** Formal approval of a high-risk use case: a shape, a word and the date, wrapping inside its column. */
export function ApprovalMark({ date }: { date: string | null }) {
  if (!date)
    return (
      <span className="approval status-red">
        <StatusShape status="red" /> Not approved
      </span>
    );
  return (
    <span className="approval status-green">
      <StatusShape status="green" /> Approved {longDate(date)}
    </span>
  );
}
