import type { RagStatus } from '../domain';
import type { CommitmentReport } from '../report';
import { BOARD_PRECISION, money } from './money';
import { pct } from './number';

export const COMMITMENT_TYPE_LABEL = { prepaid: 'Prepaid credit', commitment: 'Commitment' } as const;

/**
 * A commitment's outlook as a status: red when it runs out before its end or is overrun, amber when some of
 * it will be left unused, green otherwise (used exactly, or used up at its end).
 */
export function commitmentStatus(c: Pick<CommitmentReport, 'outcome' | 'phase'>): RagStatus {
  switch (c.outcome) {
    case 'overrun':
    case 'runs_out_early':
      return 'red';
    case 'under_used':
      return 'amber';
    case 'used_up':
      return c.phase === 'ended' ? 'green' : 'red';
    case 'on_track':
      return 'green';
  }
}

/** The outlook in a few words for a tile or a table cell ("runs out 2026-10-07", "67.3% unused at end"). */
export function commitmentOutlookText(c: CommitmentReport, currency: string): string {
  switch (c.outcome) {
    case 'runs_out_early':
      return `Runs out ${c.runOutDate}, before its end ${c.end}`;
    case 'under_used':
      return c.phase === 'ended'
        ? `${money(c.projectedUnused.micro, currency, BOARD_PRECISION)} (${pct(c.projectedUnusedShare)}) left unused at its end`
        : `${money(c.projectedUnused.micro, currency, BOARD_PRECISION)} (${pct(c.projectedUnusedShare)}) unused at its end ${c.end}`;
    case 'overrun':
      return `Overrun by ${money(-c.remaining.micro, currency, BOARD_PRECISION)}`;
    case 'used_up':
      return c.phase === 'ended' ? 'Used in full' : `Used up before its end ${c.end}`;
    case 'on_track':
      return `On track to be used by ${c.end}`;
  }
}
