import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FROM_THE_START, targetInForce, type KpiTargetEntry } from '../../shared/kpiTargets';

const quarter = fc
  .record({ year: fc.integer({ min: 2023, max: 2028 }), q: fc.integer({ min: 1, max: 4 }) })
  .map(({ year, q }) => `FY${year}-Q${q}`);

const entry = (effectiveFrom: string, target: number): KpiTargetEntry => ({
  kpiId: 'k',
  effectiveFrom,
  target,
  amber: target / 2,
  tolerance: null,
  changedAt: '2026-01-01T00:00:00Z',
  note: null,
});

/** A history as the store returns it: one entry per quarter, oldest first, starting "from the start". */
const history = fc
  .uniqueArray(fc.tuple(quarter, fc.integer({ min: 1, max: 1000 })), { selector: ([q]) => q, maxLength: 8 })
  .map((rows) => [
    entry(FROM_THE_START, 500),
    ...rows.sort(([a], [b]) => (a < b ? -1 : 1)).map(([q, t]) => entry(q, t)),
  ]);

describe('target in force: properties', () => {
  it('a change from quarter Q never changes the target of a quarter before Q', () => {
    fc.assert(
      fc.property(history, quarter, quarter, fc.integer({ min: 1, max: 1000 }), (h, asked, from, target) => {
        const before = targetInForce({ target: 1, amber: 0, tolerance: null }, h, asked);
        const changed = [...h.filter((e) => e.effectiveFrom !== from), entry(from, target)].sort((a, b) =>
          a.effectiveFrom < b.effectiveFrom ? -1 : 1,
        );
        const after = targetInForce({ target: 1, amber: 0, tolerance: null }, changed, asked);
        if (asked < from) expect(after.target).toBe(before.target);
        // From Q on, until the next change, the new target is the one in force.
        const next = h.find((e) => e.effectiveFrom > from);
        if (asked >= from && (!next || asked < next.effectiveFrom)) expect(after.target).toBe(target);
      }),
      { numRuns: 500 },
    );
  });

  it('the target in force is the latest entry from that quarter or before (none before the first: the KPI’s own)', () => {
    fc.assert(
      fc.property(history, quarter, (h, asked) => {
        const t = targetInForce({ target: 7, amber: 3, tolerance: null }, h, asked);
        const expected = h.filter((e) => e.effectiveFrom <= asked).at(-1)!;
        expect(t.entry).toBe(expected);
        expect(t.target).toBe(expected.target);
        expect(
          targetInForce(
            { target: 7, amber: 3, tolerance: null },
            h.slice(1).filter((e) => e.effectiveFrom > asked),
            asked,
          ),
        ).toMatchObject({ target: 7, entry: null });
      }),
    );
  });
});
