import { commitmentOutlookText, commitmentStatus } from '../../../shared/format/commitment';
import type { RagStatus } from '../../../shared/domain';
import type { ReportModel } from '../../../shared/report';
import { Figure } from '../explain/Figure';
import { formatMoney } from '../format';
import { StatusBadge } from '../kit/StatusBadge';
import { StatusShape } from '../kit/StatusShape';
import { Tile } from '../kit/Tile';

const RANK: Record<RagStatus, number> = { red: 0, amber: 1, no_data: 2, green: 3 };

/** Commitments and prepaid credits: how many need attention, and each one's outlook (worst first). */
export function CommitmentsTile({ report }: { report: ReportModel }) {
  const c = report.currency;
  const lines = report.commitments
    .map((x) => ({ x, status: commitmentStatus(x) }))
    .sort((a, b) => RANK[a.status] - RANK[b.status]);
  const warnings = lines.filter((l) => l.x.warning !== null).length;
  const worst = lines[0]?.status ?? 'green';
  return (
    <Tile
      label="Commitments & prepaid credits"
      testId="tile-commitments"
      badge={<StatusBadge status={worst} label={warnings === 0 ? 'On track' : `${warnings} to act on`} />}
      value={
        <span data-testid="tile-commitments-remaining">
          {lines.length} <span className="tile-of">{lines.length === 1 ? 'commitment' : 'commitments'}</span>
        </span>
      }
      detail={
        <ul className="commitment-lines">
          {lines.map(({ x, status }) => (
            <li key={x.id} data-testid="commitment-line" title={x.warning ?? undefined}>
              <StatusShape status={status} /> {x.vendor}:{' '}
              <Figure explain={x.remaining.explain} label={`${x.vendor} remaining`}>
                {formatMoney(x.remaining.micro, c)}
              </Figure>{' '}
              left ·{' '}
              <Figure explain={x.explain} label={`${x.vendor} outlook`}>
                {commitmentOutlookText(x, c)}
              </Figure>
            </li>
          ))}
        </ul>
      }
    />
  );
}
