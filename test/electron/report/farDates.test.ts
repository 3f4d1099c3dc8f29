import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInitiativeKpiReport, buildReport, reportPeriods } from '../../../electron/report/buildReport';
import {
  addMonths,
  DEFAULT_YEAR_RANGE,
  fiscalYearStart,
  isCalendarDate,
  lastDayOfMonth,
  MAX_MONTH_WALK,
  monthRange,
  monthsBetween,
  PeriodError,
  plausibleQuarter,
  quarterFromLabel,
  quarterOfMonth,
  quartersBetween,
  shiftQuarter,
  YEAR_LIMITS,
} from '../../../shared/fiscal';
import { TestWorkspace } from './builder';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const month = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`;
const anyMonth = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }));
const startMonth = fc.integer({ min: 1, max: 12 });

describe('fiscal walks near the ends of the four-digit years', () => {
  it('a month walk across 9999-12 ends (text order would call 10000-01 earlier and walk forever)', () => {
    expect(monthRange('9999-10', '9999-12')).toEqual(['9999-10', '9999-11', '9999-12']);
    expect(() => addMonths('9999-12', 1)).toThrow(RangeError);
    expect(() => addMonths('0000-01', -1)).toThrow(RangeError);
    // Budget's walk over FY9999 (January start): twelve months, not an endless loop.
    expect(monthRange(fiscalYearStart(9999, 1), addMonths(fiscalYearStart(9999, 1), 11))).toHaveLength(12);
  });

  it('a walk longer than any plausible range is refused at once, whatever its ends', () => {
    const t = performance.now();
    expect(() => monthRange('0000-01', '9999-12')).toThrow(/more than any plausible range/);
    expect(() => quartersBetween('1000-01', '9999-12', 7)).toThrow(RangeError);
    expect(performance.now() - t).toBeLessThan(100);
    expect(monthRange(`${YEAR_LIMITS.earliestYear}-01`, `${YEAR_LIMITS.latestYear}-12`)).toHaveLength(
      (YEAR_LIMITS.latestYear - YEAR_LIMITS.earliestYear + 1) * 12,
    );
    expect(monthRange('2026-05', '2026-04')).toEqual([]);
  });

  it('FY0000 is year 0000, not NaN; the leap years are the calendar’s (0000 and 2000, not 1900)', () => {
    const q = quarterFromLabel('FY0000-Q1', 1);
    expect(q.months).toEqual(['0000-01', '0000-02', '0000-03']);
    expect(JSON.stringify(q)).not.toMatch(/NaN/);
    expect(lastDayOfMonth('0000-02')).toBe('0000-02-29');
    expect(lastDayOfMonth('1900-02')).toBe('1900-02-28');
    expect(lastDayOfMonth('2000-02')).toBe('2000-02-29');
    expect(lastDayOfMonth('9999-12')).toBe('9999-12-31');
    expect(quarterOfMonth('0005-03', 1).label).toBe('FY0005-Q1');
  });

  it('property: every walk between two four-digit months ends with exactly the months between them, or refuses', () => {
    // Half the pairs anywhere in 0000–9999, half near each other (walks that run, to 9999-12 included).
    const index = ([y, m]: [number, number]) => y * 12 + m - 1;
    const text = (i: number) => month(Math.floor(i / 12), (i % 12) + 1);
    const near = fc
      .tuple(anyMonth, fc.integer({ min: -24, max: MAX_MONTH_WALK + 24 }))
      .map(([a, d]): [string, string] => [
        text(index(a)),
        text(Math.min(9999 * 12 + 11, Math.max(0, index(a) + d))),
      ]);
    const far = fc
      .tuple(anyMonth, anyMonth)
      .map(([a, b]): [string, string] => [text(index(a)), text(index(b))]);
    fc.assert(
      fc.property(fc.oneof(far, near), ([from, to]) => {
        const n = monthsBetween(from, to) + 1;
        if (n > MAX_MONTH_WALK) {
          expect(() => monthRange(from, to)).toThrow(RangeError);
          return;
        }
        const walk = monthRange(from, to);
        expect(walk).toHaveLength(Math.max(0, n));
        if (n > 0) expect([walk[0], walk[walk.length - 1]]).toEqual([from, to]);
        const steps = walk.slice(1).filter((m, i) => monthsBetween(walk[i]!, m) !== 1);
        expect(steps).toEqual([]);
      }),
      { numRuns: 1000, seed: 14 },
    );
  });

  it('property: the quarter of any month holds that month, and a quarter’s neighbours are three months away', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 2, max: 9998 }), fc.integer({ min: 1, max: 12 })),
        startMonth,
        ([y, m], start) => {
          const q = quarterOfMonth(month(y, m), start);
          expect(q.months).toContain(month(y, m));
          expect(q.start <= `${month(y, m)}-01` && q.end >= `${month(y, m)}-28`).toBe(true);
          expect(quarterFromLabel(q.label, start)).toEqual(q);
          expect(monthsBetween(q.months[0], shiftQuarter(q, 1, start).months[0])).toBe(3);
          expect(monthsBetween(q.months[0], shiftQuarter(q, -1, start).months[0])).toBe(-3);
        },
      ),
      { numRuns: 2000, seed: 14 },
    );
  });
});

describe('period labels against the plausible range', () => {
  it('FY0000-Q1, FY9999-Q4 and years just outside are refused by name, never computed', () => {
    for (const label of ['FY0000-Q1', 'FY9999-Q4', 'FY1989-Q4', 'FY2102-Q1']) {
      expect(() => plausibleQuarter(label, 1, DEFAULT_YEAR_RANGE)).toThrow(
        `${label} is outside the workspace's plausible range 1990–2100 (Settings)`,
      );
    }
    expect(() => plausibleQuarter('FY2026-Q5', 1, DEFAULT_YEAR_RANGE)).toThrow(
      '"FY2026-Q5" is not a fiscal quarter (expected e.g. FY2026-Q3)',
    );
    // A July year: FY2101 starts in July 2100, so its first two quarters are in range, not its last two.
    expect(plausibleQuarter('FY2101-Q2', 7, DEFAULT_YEAR_RANGE).months).toEqual([
      '2100-10',
      '2100-11',
      '2100-12',
    ]);
    expect(() => plausibleQuarter('FY2101-Q3', 7, DEFAULT_YEAR_RANGE)).toThrow(PeriodError);
    expect(plausibleQuarter('FY1990-Q1', 1, DEFAULT_YEAR_RANGE).start).toBe('1990-01-01');
  });

  it('property: any text is a plausible quarter or a PeriodError with no NaN in it', () => {
    const label = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9 }))
        .map(([y, q]) => `FY${pad(y, 4)}-Q${q}`),
      fc
        .tuple(fc.integer({ min: 1985, max: 2105 }), fc.integer({ min: 1, max: 4 }))
        .map(([y, q]) => `FY${y}-Q${q}`),
    );
    const range = fc
      .tuple(
        fc.integer({ min: YEAR_LIMITS.earliestYear, max: YEAR_LIMITS.latestYear }),
        fc.integer({ min: 0, max: 300 }),
      )
      .map(([from, span]) => ({
        earliestYear: from,
        latestYear: Math.min(YEAR_LIMITS.latestYear, from + span),
      }));
    fc.assert(
      fc.property(label, startMonth, range, (text, start, years) => {
        try {
          const q = plausibleQuarter(text, start, years);
          expect(Number(q.end.slice(0, 4))).toBeGreaterThanOrEqual(years.earliestYear);
          expect(Number(q.start.slice(0, 4))).toBeLessThanOrEqual(years.latestYear);
        } catch (err) {
          expect(err).toBeInstanceOf(PeriodError);
          expect((err as Error).message).not.toMatch(/NaN/);
        }
      }),
      { numRuns: 3000, seed: 14 },
    );
  });

  it('property: the quarter of any month in the range is always plausible (the default period never is refused)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: DEFAULT_YEAR_RANGE.earliestYear, max: DEFAULT_YEAR_RANGE.latestYear }),
        fc.integer({ min: 1, max: 12 }),
        startMonth,
        (y, m, start) => {
          const label = quarterOfMonth(month(y, m), start).label;
          expect(plausibleQuarter(label, start, DEFAULT_YEAR_RANGE).label).toBe(label);
        },
      ),
      { numRuns: 1000, seed: 14 },
    );
  });

  it('pack dates are calendar dates within the years any workspace accepts', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '9999-12-31',
      '0000-01-01',
      '2026-1-01',
    ])
      expect(isCalendarDate(bad), bad).toBe(false);
  });
});

describe('a workspace holding data dated 9999 (stored before dates were checked)', () => {
  const w = new TestWorkspace();
  beforeAll(() => {
    const id = w.initiative('Support copilot');
    w.spend([
      { date: '2026-02-10', amount: '1000.00', category: 'model_api', initiative: id, vendor: 'OpenAI' },
      { date: '2026-03-10', amount: '1200.00', category: 'model_api', initiative: id, vendor: 'OpenAI' },
    ]);
    w.spend([{ date: '9999-12-15', amount: '50.00', category: 'compute', vendor: 'Typo Inc' }], 'typo.csv');
    w.budget([
      { month: '2026-03', amount: '1500.00' },
      { month: '9999-12', amount: '10.00' },
    ]);
    w.benefits([{ date: '0001-01-01', initiative: id, amount: '5.00' }]);
    w.observations('ai_portfolio_roi', [{ start: '9999-10-01', end: '9999-12-31', value: 1 }]);
  });
  afterAll(() => w.close());

  it('never opens on (or lists) a quarter outside the range: the default is the latest plausible one', () => {
    const p = reportPeriods(w.db);
    expect(p.defaultPeriod).toBe('FY2026-Q1');
    expect(p.periods).toEqual(['FY2026-Q1']);
  });

  it('builds the default quarter at once, leaving the far lines out and saying so', () => {
    const t = performance.now();
    const r = buildReport(w.db, 'FY2026-Q1');
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r.portfolio.cost.micro).toBe(2_200_000_000);
    expect(r.budget.budget.micro).toBe(1_500_000_000);
    expect(r.notes.join('\n')).toContain(
      "1 spend lines (9999-12), 1 budget lines (9999-12), 1 benefit lines (0001-01), 1 KPI values (9999-12) are dated outside the workspace's plausible range 1990–2100 (Settings)",
    );
    expect(buildInitiativeKpiReport(w.db, 'FY2026-Q1', r.initiatives[0]!.id)).not.toBeNull();
  });

  it('refuses the far quarter by name instead of walking to it', () => {
    expect(() => buildReport(w.db, 'FY9999-Q4')).toThrow(
      "FY9999-Q4 is outside the workspace's plausible range 1990–2100 (Settings)",
    );
    expect(() => buildReport(w.db, 'FY0000-Q1')).toThrow(PeriodError);
  });
});
