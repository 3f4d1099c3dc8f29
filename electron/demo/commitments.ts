import type { CommitmentType } from '../../shared/domain';
import { MICRO_PER_UNIT } from '../../shared/money';
import { commitmentInserter } from '../store/commitments';
import { demoBatch, type DemoContext } from './context';

/**
 * What an AI programme typically signs: a prepaid model-API credit, a model vendor's annual commitment and a
 * cloud commit. Sized against the demo's spend so the pack shows each outlook: the OpenAI credit runs out
 * before its end, the Anthropic commitment will be under-used, the AWS commit is close to its run rate.
 */
const DEMO_COMMITMENTS: {
  vendor: string;
  type: CommitmentType;
  units: number;
  start: string;
  end: string;
  description: string;
}[] = [
  {
    vendor: 'OpenAI',
    type: 'prepaid',
    units: 500_000,
    start: '2026-01-01',
    end: '2026-12-31',
    description: 'Prepaid API credits, FY2026',
  },
  {
    vendor: 'Anthropic',
    type: 'commitment',
    units: 450_000,
    start: '2026-04-01',
    end: '2027-03-31',
    description: 'Annual committed spend, Claude API',
  },
  {
    vendor: 'AWS',
    type: 'commitment',
    units: 400_000,
    start: '2026-01-01',
    end: '2026-12-31',
    description: 'Enterprise discount programme commit',
  },
];

export function generateCommitments(ctx: DemoContext): number {
  const batch = demoBatch(ctx, 'commitments', 'commitments');
  const add = commitmentInserter(ctx.db);
  for (const c of DEMO_COMMITMENTS) {
    const amount = c.units * MICRO_PER_UNIT;
    add({
      vendor: c.vendor,
      amount,
      currency: ctx.currency,
      start: c.start,
      end: c.end,
      type: c.type,
      initiativeId: null,
      description: c.description,
      batchId: batch.id,
      sourceRow: batch.nextRow(),
    });
    batch.add(amount);
  }
  return batch.finish(true);
}
