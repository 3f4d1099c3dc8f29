import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/report/buildReport';
import { SPEND_CATEGORIES, type SpendCategory } from '../../../shared/domain';
import { TestWorkspace } from './builder';

const line = fc.record({
  month: fc.constantFrom('2026-05', '2026-07', '2026-08', '2026-09'),
  day: fc.integer({ min: 1, max: 28 }),
  micro: fc.integer({ min: -2_000_000_000, max: 50_000_000_000 }), // −2,000 to 50,000 with sub-cent digits
  initiative: fc.integer({ min: 0, max: 3 }), // 0 = shared platform
  category: fc.constantFrom<SpendCategory>(...SPEND_CATEGORIES),
  vendor: fc.constantFrom('OpenAI', 'AWS', 'Anthropic', ''),
  batch: fc.integer({ min: 0, max: 2 }),
});

function micro(n: number): string {
  const neg = n < 0;
  const a = Math.abs(n);
  return `${neg ? '-' : ''}${Math.floor(a / 1e6)}.${String(a % 1e6).padStart(6, '0')}`;
}

describe('totals equal the sum of the parts for any split', () => {
  it('by initiative (with shared platform), by category and by vendor', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (lines) => {
        const w = new TestWorkspace();
        try {
          const ids = [w.initiative('A'), w.initiative('B'), w.initiative('C')];
          for (let b = 0; b < 3; b++) {
            const part = lines.filter((l) => l.batch === b);
            if (part.length === 0) continue;
            w.spend(
              part.map((l) => ({
                date: `${l.month}-${String(l.day).padStart(2, '0')}`,
                amount: micro(l.micro),
                initiative: l.initiative === 0 ? null : ids[l.initiative - 1]!,
                category: l.category,
                vendor: l.vendor === '' ? null : l.vendor,
              })),
              `batch${b}.csv`,
            );
          }
          const r = buildReport(w.db, 'FY2026-Q3');
          const inQuarter = lines.filter((l) => l.month !== '2026-05');
          const expected = inQuarter.reduce((s, l) => s + l.micro, 0);
          const total = r.portfolio.cost.micro;
          expect(total).toBe(expected);
          expect(
            r.initiatives.reduce((s, i) => s + i.cost.micro, 0) + r.portfolio.sharedPlatformCost.micro,
          ).toBe(total);
          expect(r.budget.byCategory.reduce((s, c) => s + c.actual.micro, 0)).toBe(total);
          expect(r.budget.byVendor.reduce((s, v) => s + v.actual.micro, 0)).toBe(total);
          expect(r.budget.actual.micro).toBe(total);
          expect(r.budget.monthly.reduce((s, x) => s + (x.actual ?? 0), 0)).toBe(r.budget.ytdActual.micro);
          expect(r.portfolio.cumulativeCost.micro).toBe(lines.reduce((s, l) => s + l.micro, 0));
          // the explanation's line count is the number of lines in the quarter
          expect(r.explanations[r.portfolio.cost.explain]!.inputs[0]!.lineCount).toBe(inQuarter.length);
          const direct = w.db
            .prepare(
              "SELECT coalesce(sum(amount_micro), 0) FROM spend WHERE month BETWEEN '2026-07' AND '2026-09'",
            )
            .pluck()
            .get();
          expect(total).toBe(direct);
        } finally {
          w.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('with amounts in another currency converted at monthly rates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ l: line, eur: fc.boolean() }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom('1.0850', '0.9', '1.123457'),
        (lines, rate) => {
          const w = new TestWorkspace();
          try {
            const ids = [w.initiative('A'), w.initiative('B'), w.initiative('C')];
            w.fx(
              ['2026-05', '2026-07', '2026-08', '2026-09'].map((month) => ({ month, currency: 'EUR', rate })),
            );
            w.spend(
              lines.map(({ l, eur }) => ({
                date: `${l.month}-${String(l.day).padStart(2, '0')}`,
                amount: micro(l.micro),
                currency: eur ? 'EUR' : 'USD',
                initiative: l.initiative === 0 ? null : ids[l.initiative - 1]!,
                category: l.category,
                vendor: l.vendor === '' ? null : l.vendor,
              })),
            );
            const r = buildReport(w.db, 'FY2026-Q3');
            const total = r.portfolio.cost.micro;
            expect(Number.isSafeInteger(total)).toBe(true);
            expect(
              r.initiatives.reduce((s, i) => s + i.cost.micro, 0) + r.portfolio.sharedPlatformCost.micro,
            ).toBe(total);
            expect(r.budget.byCategory.reduce((s, c) => s + c.actual.micro, 0)).toBe(total);
            expect(r.budget.byVendor.reduce((s, v) => s + v.actual.micro, 0)).toBe(total);
            const usd = lines
              .filter(({ l, eur }) => !eur && l.month !== '2026-05')
              .reduce((s, { l }) => s + l.micro, 0);
            const eurLines = lines.filter(({ l, eur }) => eur && l.month !== '2026-05');
            // each converted cell is within half a micro-unit of its exact value
            const eurExact = eurLines.reduce((s, { l }) => s + l.micro * Number(rate), 0);
            expect(Math.abs(total - usd - eurExact)).toBeLessThanOrEqual(eurLines.length * 0.5 + 1);
          } finally {
            w.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
