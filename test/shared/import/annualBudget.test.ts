import { describe, expect, it } from 'vitest';
import { annualPeriod, headerYear, spreadOverTwelve } from '../../../shared/import/annualBudget';

describe('annualPeriod', () => {
  it('a four-digit year is the calendar year; FY2026 the workspace’s fiscal year', () => {
    expect(annualPeriod('2018', 1)).toMatchObject({ label: 'calendar year 2018' });
    expect(annualPeriod(2018, 4)!.months).toEqual([
      '2018-01',
      '2018-02',
      '2018-03',
      '2018-04',
      '2018-05',
      '2018-06',
      '2018-07',
      '2018-08',
      '2018-09',
      '2018-10',
      '2018-11',
      '2018-12',
    ]);
    const fy = annualPeriod('FY2026', 4)!;
    expect(fy.label).toBe('fiscal year FY2026 (2025-04 to 2026-03)');
    expect(fy.months[0]).toBe('2025-04');
    expect(fy.months[11]).toBe('2026-03');
    expect(annualPeriod('fy 26', 1)!.months[0]).toBe('2026-01');
  });

  it('anything more precise or not a year is not annual', () => {
    for (const t of ['2018-03', 'Q3 2026', 'FY2026-Q1', '18', '2018.5', 'year', '', true, null]) {
      expect(annualPeriod(t as string, 1)).toBeNull();
    }
  });
});

describe('spreadOverTwelve', () => {
  it('whole cents, the leftover cents one each to the first months, summing exactly', () => {
    // 1,200.05 = 120,005 cents = 12 × 10,000 + 5: five months of 100.01, seven of 100.00.
    const parts = spreadOverTwelve(1_200_050_000);
    expect(parts).toEqual([...Array(5).fill(100_010_000), ...Array(7).fill(100_000_000)]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_200_050_000);
  });

  it('a sub-cent part goes to the last month; negatives mirror; zero stays zero', () => {
    const parts = spreadOverTwelve(12_000_123);
    expect(parts.slice(0, 11)).toEqual(Array(11).fill(1_000_000));
    expect(parts[11]).toBe(1_000_123);
    expect(spreadOverTwelve(-1_200_050_000)).toEqual(spreadOverTwelve(1_200_050_000).map((p) => -p));
    expect(spreadOverTwelve(0)).toEqual(Array(12).fill(0));
    // Fewer cents than months: one cent to each of the first months.
    expect(spreadOverTwelve(50_000)).toEqual([...Array(5).fill(10_000), ...Array(7).fill(0)]);
  });

  it('any amount: twelve parts summing to it, no two whole-cent parts more than a cent apart', () => {
    for (const a of [1, 9_999, 10_000, 119_999, 41_000_000_000_000, 632_268_000_000_000, -7_654_321_987]) {
      const parts = spreadOverTwelve(a);
      expect(parts.reduce((x, y) => x + y, 0)).toBe(a);
      const cents = parts.slice(0, 11).map((p) => Math.abs(p) / 10_000);
      expect(cents.every(Number.isInteger)).toBe(true);
      expect(Math.max(...cents) - Math.min(...cents)).toBeLessThanOrEqual(1);
    }
  });
});

describe('headerYear', () => {
  it("one year or FY label among the header's words", () => {
    expect(headerYear('Voranschlag 2012 EUR', 1)!.label).toBe(
      'calendar year 2012, from the header "Voranschlag 2012 EUR"',
    );
    expect(headerYear('Budget FY2027', 4)!.months[0]).toBe('2026-04');
    expect(headerYear('Plan_2026', 1)!.months[11]).toBe('2026-12');
  });

  it('none, several, or a number that is no year: null', () => {
    for (const h of ['Budget', 'Budget 2025 vs 2026', 'Account 4400', 'Cost (EUR)', 'Q3 2026']) {
      expect(headerYear(h, 1), h).toBeNull();
    }
  });
});
