import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpendRecord } from '../../../shared/import/records';
import { sumSpendColumns } from '../../../electron/import/columnsRollup';
import { encodeRecords } from '../../../electron/import/scanProtocol';
import { groupTotal, RollupSum } from '../../../electron/store/spendRollupSum';

/**
 * The worker sums a batch's spend lines by their text indexes in the batch (sumSpendColumns); the result must
 * be the groups `RollupSum.add` gives line by line: same months (several dates of one month), initiatives
 * (none included), vendors (none = ''), currencies, exact totals past 2^53, and line counts.
 */
const spend = fc.record({
  date: fc.constantFrom('2026-01-05', '2026-01-31', '2026-02-01', '2025-12-31'),
  amount: fc.oneof(
    fc.integer({ min: -5_000_000_000, max: 90_000_000_000 }),
    fc.constantFrom(Number.MAX_SAFE_INTEGER - 3, -(Number.MAX_SAFE_INTEGER - 1)),
  ),
  currency: fc.constantFrom('USD', 'EUR'),
  initiative: fc.constantFrom(null, 'Copilot', 'copilot', 'Support bot'),
  category: fc.constantFrom('model_api', 'compute'),
  vendor: fc.constantFrom(null, 'OpenAI', 'AWS'),
  description: fc.option(fc.string({ maxLength: 8 })),
});

/** One generated line (the generator's values, widened: the second test makes its own). */
interface Line {
  date: string;
  amount: number;
  currency: string;
  initiative: string | null;
  category: string;
  vendor: string | null;
  description: string | null;
}

function records(lines: Line[]): SpendRecord[] {
  return lines.map((l, i) => ({
    kind: 'spend' as const,
    row: i + 2,
    date: l.date,
    amount: l.amount,
    currency: l.currency,
    initiative: l.initiative,
    category: l.category as SpendRecord['category'],
    vendor: l.vendor,
    costCenter: null,
    description: l.description,
    tokensIn: null,
    tokensOut: i % 3 ? i : null,
    requests: null,
  }));
}

/** Groups in a comparable form: sorted, totals as exact decimal text. */
function groupsOf(sum: RollupSum<string | null>) {
  return sum
    .rows()
    .map((g) => [g.month, g.initiative, g.category, g.vendor, g.currency, String(groupTotal(g)), g.lines])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('summing a batch of spend columns into the rollup', () => {
  it('gives the groups line-by-line summing gives, over one or several batches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(spend, { minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 4 }),
        (batches) => {
          const byLine = new RollupSum<string | null>();
          const byColumns = new RollupSum<string | null>();
          for (const lines of batches) {
            const recs = records(lines);
            for (const r of recs)
              byLine.add(r.date, r.initiative, r.category, r.vendor, r.currency, r.amount);
            const batch = encodeRecords(recs);
            if ('records' in batch) throw new Error('spend records should cross as columns');
            sumSpendColumns(batch, byColumns);
          }
          expect(groupsOf(byColumns)).toEqual(groupsOf(byLine));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sums a batch with too many texts for one numeric key line by line, to the same groups', () => {
    // 132,000 descriptions: more texts than three indexes can key in a safe integer.
    const lines = Array.from({ length: 132_000 }, (_, i) => ({
      date: i % 2 ? '2026-01-05' : '2026-02-01',
      amount: i * 1_000_003 - 7,
      currency: i % 5 ? 'USD' : 'EUR',
      initiative: i % 3 ? 'Copilot' : null,
      category: 'compute',
      vendor: i % 4 ? 'AWS' : null,
      description: `line ${i}`,
    }));
    const byLine = new RollupSum<string | null>();
    const recs = records(lines);
    for (const r of recs) byLine.add(r.date, r.initiative, r.category, r.vendor, r.currency, r.amount);
    const batch = encodeRecords(recs);
    if ('records' in batch) throw new Error('spend records should cross as columns');
    expect(batch.ends.length).toBeGreaterThan(131_071);
    const byColumns = new RollupSum<string | null>();
    sumSpendColumns(batch, byColumns);
    expect(groupsOf(byColumns)).toEqual(groupsOf(byLine));
  });
});
