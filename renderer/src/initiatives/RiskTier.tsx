import type { RiskTier as Tier } from '../../../shared/domain';

const NAMES: Record<Tier, string> = { 1: 'Low', 2: 'Moderate', 3: 'High', 4: 'Critical' };

/** "Tier 3 · High" with a marker for tiers 3–4 (formal approval required). */
export function RiskTier({ tier }: { tier: Tier }) {
  return (
    <span
      className={`badge${tier >= 3 ? ' badge-warn' : ''}`}
      title={tier >= 3 ? 'High-risk: needs formal approval' : undefined}
    >
      Tier {tier} · {NAMES[tier]}
    </span>
  );
}
