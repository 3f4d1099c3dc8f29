import type { Initiative } from '../../../shared/domain';
import { Tile } from '../kit/Tile';
import { formatDate } from '../format';
import { RiskTier } from './RiskTier';

const yes = (b: boolean) => (b ? 'Yes' : 'No');

/** Governance facts: risk tier, approval, baseline and instrumentation, key dates. */
export function InitiativeFacts({ initiative: i }: { initiative: Initiative }) {
  return (
    <Tile
      label="Governance"
      value={<RiskTier tier={i.riskTier} />}
      detail={
        <dl className="kv small">
          <dt>Approved</dt>
          <dd>
            {i.approvalDate ? (
              formatDate(i.approvalDate)
            ) : i.riskTier >= 3 ? (
              <span className="flag">■ Not approved</span>
            ) : (
              'Not approved'
            )}
          </dd>
          <dt>Baseline</dt>
          <dd>{yes(i.hasBaseline)}</dd>
          <dt>Instrumented</dt>
          <dd>{yes(i.hasOutcomeInstrumentation)}</dd>
          <dt>Concept → prod.</dt>
          <dd>
            {formatDate(i.conceptApprovedDate)} → {formatDate(i.productionDate)}
          </dd>
        </dl>
      }
    />
  );
}
