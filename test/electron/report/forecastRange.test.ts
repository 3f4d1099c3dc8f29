import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { buildReport } from '../../../electron/report/buildReport';
import { openWorkspace } from '../../../electron/store/workspace';
import {
  FORECAST_RANGE_Z,
  forecastRange,
  roundToCentMicro,
  sampleStdDevMicro,
} from '../../../shared/metrics/forecastRange';
import { m, TestWorkspace } from './builder';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('forecast range, hand-checked (January fiscal year, FY2026-Q3)', () => {
  const w = new TestWorkspace();
  beforeAll(() => {
    // Six months of spend, April to September 2026: 1,000 / 2,000 / 3,000 twice.
    w.spend(
      ['04', '05', '06', '07', '08', '09'].map((mm, i) => ({
        date: `2026-${mm}-10`,
        amount: ['1000.00', '2000.00', '3000.00'][i % 3]!,
      })),
    );
  });
  afterAll(() => w.close());

  it('σ, the half-width and both ends as computed by hand', () => {
    // Mean 2,000; deviations −1,000, 0, +1,000, −1,000, 0, +1,000 → sum of squares 4,000,000; ÷ (6 − 1) =
    // 800,000; σ = √800,000 = 894.427191. YTD 12,000.00; forecast = 12,000 + mean(1,000, 2,000, 3,000) × 3 =
    // 18,000.00. Half-width = 1.2816 × 894.427191 × √3 = 1,985.446183 → 16,014.553817 and 19,985.446183,
    // rounded to the cent: 16,014.55 and 19,985.45.
    const b = buildReport(w.db, 'FY2026-Q3').budget;
    expect(b.forecastYearEnd.micro).toBe(m('18000.00'));
    const r = b.forecastRange!;
    expect(r.low.micro).toBe(m('16014.55'));
    expect(r.high.micro).toBe(m('19985.45'));
    expect(r.level).toBe(0.8);
    expect(r.z).toBe(1.2816);
    expect(r.sigma / 1e6).toBeCloseTo(894.427191, 6);
    expect(r.months.map((x) => x.month)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    expect(r.lowClamped).toBe(false);
    expect(r.method).toMatch(/1\.2816 × σ × √\(months left\)/);
    // Every new figure is explained: the formula names the method, the inputs list the six months with their lines.
    const e = buildReport(w.db, 'FY2026-Q3').explanations;
    for (const key of [r.explain, r.low.explain, r.high.explain]) {
      expect(e[key]!.formula).toMatch(/sample standard deviation/);
      expect(e[key]!.inputs.filter((i) => i.source === 'spend').map((i) => i.lineCount)).toEqual([
        1, 1, 1, 1, 1, 1,
      ]);
    }
    expect(e[r.low.explain]!.notes.join(' ')).toMatch(/floating point/);
  });

  it('in the CLI JSON: low, high, level and method, in major units', async () => {
    const file = w.ws.file;
    const { code, out } = await cli(['report', '--db', file, '--period', 'FY2026-Q3', '--json']);
    expect(code).toBe(0);
    const j = JSON.parse(out).budget;
    expect(j.forecastRange).toEqual({
      low: 16014.55,
      high: 19985.45,
      level: 0.8,
      method: expect.stringContaining('rounded half away from zero to the cent'),
    });
    const text = await cli(['report', '--db', file, '--period', 'FY2026-Q3']);
    expect(text.out).toContain('80% range: 16,014.55 to 19,985.45');
  });

  it('fewer than 3 complete months → null (here: FY2026-Q2 has April to June, exactly 3: a range)', () => {
    expect(buildReport(w.db, 'FY2026-Q2').budget.forecastRange).not.toBeNull();
    const w2 = new TestWorkspace();
    try {
      w2.spend([
        { date: '2026-08-01', amount: '500.00' },
        { date: '2026-09-01', amount: '700.00' },
      ]);
      const b = buildReport(w2.db, 'FY2026-Q3').budget;
      expect(b.forecastRange).toBeNull();
      expect(b.forecastYearEnd.micro).toBeGreaterThan(0);
    } finally {
      w2.close();
    }
  });
});

describe('forecast range: the low end is clamped at the fiscal-YTD actual', () => {
  it('a volatile year: forecast − half-width < YTD actual → low = YTD actual', () => {
    const w = new TestWorkspace();
    try {
      // July 2025 to March 2026: 100 a month except 10,000 in September 2025. As of FY2026-Q1 (March 2026):
      // mean 1,200, sum of squared deviations 8 × 1,100² + 8,800² = 87,120,000; ÷ 8 = 10,890,000; σ = 3,300.
      // YTD (Jan–Mar) 300; forecast = 300 + 100 × 9 = 1,200. Half-width = 1.2816 × 3,300 × √9 = 12,687.84:
      // high 13,887.84; low 1,200 − 12,687.84 < 300 → 300.00.
      const months = [
        '2025-07',
        '2025-08',
        '2025-09',
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
      ];
      w.spend(months.map((mo) => ({ date: `${mo}-05`, amount: mo === '2025-09' ? '10000.00' : '100.00' })));
      const b = buildReport(w.db, 'FY2026-Q1').budget;
      expect(b.ytdActual.micro).toBe(m('300.00'));
      expect(b.forecastYearEnd.micro).toBe(m('1200.00'));
      expect(b.forecastRange!.sigma).toBeCloseTo(3300e6, 0);
      expect(b.forecastRange!.high.micro).toBe(m('13887.84'));
      expect(b.forecastRange!.low.micro).toBe(b.ytdActual.micro);
      expect(b.forecastRange!.lowClamped).toBe(true);
      const notes = buildReport(w.db, 'FY2026-Q1').explanations[b.forecastRange!.low.explain]!.notes;
      expect(notes.join(' ')).toMatch(/raised to the fiscal-YTD actual/);
    } finally {
      w.close();
    }
  });
});

describe('forecast track record: reproducible by the as-of rule (imports through the CLI)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-track-'));
  const db = path.join(dir, 'w.sqlite');
  const csv = (name: string, rows: [string, string][]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(
      file,
      `Date,Amount,Currency,Category,Vendor\n${rows.map(([d, a]) => `${d},${a},USD,compute,AWS`).join('\n')}\n`,
    );
    return file;
  };
  // 2025: January 1,100 rising by 100 a month to December 2,200 (year 19,800.00). 2026: 2,000 a month to
  // June, then 3,000 a month July to September.
  const y2025: [string, string][] = Array.from({ length: 12 }, (_, i) => [
    `2025-${String(i + 1).padStart(2, '0')}-15`,
    `${1100 + 100 * i}.00`,
  ]);
  const h1: [string, string][] = ['01', '02', '03', '04', '05', '06'].map((mm) => [
    `2026-${mm}-15`,
    '2000.00',
  ]);
  const q3: [string, string][] = ['07', '08', '09'].map((mm) => [`2026-${mm}-15`, '3000.00']);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the forecast as of an earlier quarter end is the same after later months are imported', async () => {
    expect((await cli(['init', '--db', db])).code).toBe(0);
    expect(
      (await cli(['import', csv('first.csv', [...y2025, ...h1]), '--db', db, '--as', 'spend', '--json']))
        .code,
    ).toBe(0);
    const before = JSON.parse(
      (await cli(['report', '--db', db, '--period', 'FY2026-Q2', '--json'])).out,
    ).budget;
    // As of June 2026: YTD 12,000 + mean 2,000 × 6 = 24,000.00.
    expect(before.forecastYearEnd).toBe(24000);

    expect((await cli(['import', csv('later.csv', q3), '--db', db, '--as', 'spend', '--json'])).code).toBe(0);
    const after = JSON.parse(
      (await cli(['report', '--db', db, '--period', 'FY2026-Q3', '--json'])).out,
    ).budget;
    const track = after.forecastTrackRecord as {
      period: string;
      asOf: string;
      forecastYearEnd: number;
      actualYearEnd: number | null;
      errorPct: number | null;
    }[];
    expect(track.map((t) => t.period)).toEqual([
      'FY2025-Q1',
      'FY2025-Q2',
      'FY2025-Q3',
      'FY2025-Q4',
      'FY2026-Q1',
      'FY2026-Q2',
    ]);
    // The Q2 forecast as the Q2 report showed it, and the Q1 entry as the Q2 report's own track record had it.
    expect(track.find((t) => t.period === 'FY2026-Q2')!.forecastYearEnd).toBe(before.forecastYearEnd);
    expect(track.find((t) => t.period === 'FY2026-Q1')).toEqual(
      (before.forecastTrackRecord as typeof track).find((t) => t.period === 'FY2026-Q1'),
    );
    // FY2025 is complete as of September 2026: actual 12 × 1,000 + 100 × 78 = 19,800.00. As of 2025-09-30:
    // YTD 13,500 + mean(1,700, 1,800, 1,900) × 3 = 18,900.00 → error (18,900 − 19,800) ÷ 19,800 = −4.5454…%.
    const q3fy25 = track.find((t) => t.period === 'FY2025-Q3')!;
    expect(q3fy25).toMatchObject({ asOf: '2025-09-30', forecastYearEnd: 18900, actualYearEnd: 19800 });
    expect(q3fy25.errorPct).toBeCloseTo(-900 / 19800, 12);
    // As of the year's last day the forecast is the actual: error 0.
    expect(track.find((t) => t.period === 'FY2025-Q4')).toMatchObject({
      forecastYearEnd: 19800,
      errorPct: 0,
    });
    // FY2026 is not complete: no actual, no error.
    expect(track.find((t) => t.period === 'FY2026-Q1')).toMatchObject({
      actualYearEnd: null,
      errorPct: null,
    });
  });

  it('a line imported later for a past month changes that quarter’s forecast: the data as now stored, and the explanation says so', async () => {
    expect(
      (
        await cli([
          'import',
          csv('late.csv', [['2026-05-20', '600.00']]),
          '--db',
          db,
          '--as',
          'spend',
          '--json',
        ])
      ).code,
    ).toBe(0);
    const ws = openWorkspace(db);
    try {
      const r = buildReport(ws.db, 'FY2026-Q3');
      const q2 = r.budget.forecastTrackRecord.find((t) => t.period === 'FY2026-Q2')!;
      // YTD 12,600 + mean(2,600, 2,000, 2,000) × 6 = 12,600 + 13,200 = 25,800.00.
      expect(q2.forecastYearEnd.micro).toBe(m('25800.00'));
      expect(r.explanations[q2.forecastYearEnd.explain]!.notes.join(' ')).toMatch(/data as now stored/);
      expect(r.explanations[q2.errorPct.explain]!.notes.join(' ')).toMatch(/no actual yet/);
    } finally {
      ws.close();
    }
  });
});

describe('forecast range properties', () => {
  const amounts = fc.array(fc.integer({ min: -5_000_000_000, max: 500_000_000_000 }), {
    minLength: 0,
    maxLength: 12,
  });

  it('σ equals the two-pass definition; the ends are whole cents; low ≥ YTD; high ≥ low; the range widens with months left', () => {
    fc.assert(
      fc.property(
        amounts,
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: -1_000_000_000, max: 900_000_000_000 }),
        fc.integer({ min: 0, max: 900_000_000_000 }),
        (months, left, forecast, ytd) => {
          const band = forecastRange(forecast, months, left, ytd);
          if (months.length < 3) return band === null;
          const mean = months.reduce((a, b) => a + b, 0) / months.length;
          const twoPass = Math.sqrt(months.reduce((a, b) => a + (b - mean) ** 2, 0) / (months.length - 1));
          expect(Math.abs(band!.sigma - twoPass)).toBeLessThanOrEqual(1e-9 * Math.max(1, twoPass));
          if (!band!.lowClamped) expect(Math.abs(band!.low % 10_000)).toBe(0);
          expect(Math.abs(band!.high % 10_000) === 0 || band!.high === band!.low).toBe(true);
          expect(band!.low).toBeGreaterThanOrEqual(ytd);
          expect(band!.high).toBeGreaterThanOrEqual(band!.low);
          expect(band!.halfWidth).toBe(FORECAST_RANGE_Z * band!.sigma * Math.sqrt(left));
          const wider = forecastRange(forecast, months, left + 1, ytd)!;
          expect(wider.high).toBeGreaterThanOrEqual(band!.high);
          expect(wider.low).toBeLessThanOrEqual(band!.low);
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shifting every month by a constant leaves σ unchanged; constant months give σ = 0 and a point range at the forecast', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 3, maxLength: 12 }),
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        (months, shift) => {
          expect(sampleStdDevMicro(months.map((x) => x + shift))).toBe(sampleStdDevMicro(months));
        },
      ),
    );
    const flat = forecastRange(m('1234.565'), [m('10'), m('10'), m('10')], 6, 0)!;
    expect(flat.sigma).toBe(0);
    expect(flat.low).toBe(roundToCentMicro(m('1234.565')));
    expect(flat.high).toBe(flat.low);
  });
});
