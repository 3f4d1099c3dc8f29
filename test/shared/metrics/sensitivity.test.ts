import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npv } from '../../../shared/metrics/cashflow';
import { fnv1a32, Xoshiro128 } from '../../../shared/metrics/prng';
import { roi } from '../../../shared/metrics/roi';
import {
  assumptionGroup,
  breakEven,
  discountDivisors,
  roundMicro,
  runSensitivity,
  type RangedLine,
  type SensitivityInput,
} from '../../../shared/metrics/sensitivity';
import { nearestRank, triangularQuantile } from '../../../shared/metrics/triangular';
import { m } from '../../electron/report/builder';

const RATE = 0.01; // a month

/** Two months of cash flow: cost 1,000 then 0; realized benefit in both months. */
const COST = [m('1000'), 0];

interface Line {
  group: string;
  month: 0 | 1;
  low: string;
  base: string;
  high: string;
}

function inputFor(lines: Line[], seed = 42, draws = 10_000): SensitivityInput {
  const divisors = discountDivisors(RATE, 2);
  const benefit = [0, 0];
  for (const l of lines) benefit[l.month] = benefit[l.month]! + m(l.base);
  const ranged: RangedLine[] = lines.map((l) => ({
    group: l.group,
    label: l.group,
    initiativeId: 1,
    low: m(l.low),
    base: m(l.base),
    high: m(l.high),
    divisor: divisors[l.month]!,
  }));
  return {
    seed,
    draws,
    npvUnrounded: npv(RATE, [benefit[0]! - COST[0]!, benefit[1]! - COST[1]!]),
    cumulativeBenefit: benefit[0]! + benefit[1]!,
    cumulativeCost: COST[0]! + COST[1]!,
    lines: ranged,
  };
}

/**
 * The definition itself, line by line: each draw moves every line to its triangular quantile at its group's
 * uniform (same generator, same order of groups), rounds it to the micro-unit, rebuilds the monthly net flows
 * and calls npv() and roi() — the report's own functions.
 */
function direct(input: SensitivityInput, lines: Line[]) {
  const keys = [...new Set(lines.filter((l) => l.low !== l.high).map((l) => l.group))].sort();
  const rng = new Xoshiro128(input.seed);
  const npvs: number[] = [];
  const rois: number[] = [];
  for (let d = 0; d < input.draws; d++) {
    const u = new Map(keys.map((k) => [k, rng.nextUnit()]));
    const benefit = [0, 0];
    for (const l of lines) {
      const t = { low: m(l.low), base: m(l.base), high: m(l.high) };
      benefit[l.month] =
        benefit[l.month]! + (u.has(l.group) ? triangularQuantile(t, u.get(l.group)!) : t.base);
    }
    npvs.push(roundMicro(npv(RATE, [benefit[0]! - COST[0]!, benefit[1]! - COST[1]!])));
    rois.push(roi(roundMicro(benefit[0]! + benefit[1]!), input.cumulativeCost)!);
  }
  npvs.sort((a, b) => a - b);
  rois.sort((a, b) => a - b);
  const band = (s: number[]) => ({ p10: s[999]!, p50: s[4999]!, p90: s[8999]! });
  return { npv: band(npvs), cumulativeRoi: band(rois) };
}

/** Two assumptions: "tickets deflected" (one line, month 0) and "cost per ticket" (two lines, both months). */
const TWO: Line[] = [
  { group: 'tickets', month: 0, low: '600', base: '700', high: '900' },
  { group: 'cost per ticket', month: 0, low: '100', base: '200', high: '250' },
  { group: 'cost per ticket', month: 1, low: '150', base: '300', high: '300' },
];

describe('sensitivity: triangular quantiles and percentiles', () => {
  it('the quantile is low at 0, base at the mode, high at 1', () => {
    const t = { low: 10, base: 40, high: 110 };
    expect(triangularQuantile(t, 0)).toBe(10);
    expect(triangularQuantile(t, 0.3)).toBeCloseTo(40, 12);
    expect(triangularQuantile(t, 1)).toBe(110);
    // F(x) = (x − low)² / ((high − low)(base − low)) below the mode: F(25) = 225 / 3000 = 0.075.
    expect(triangularQuantile(t, 0.075)).toBeCloseTo(25, 12);
    expect(triangularQuantile({ low: 5, base: 5, high: 5 }, 0.37)).toBe(5);
  });

  it('nearest rank: the ⌈q/100 · n⌉-th value', () => {
    const s = Array.from({ length: 10_000 }, (_, i) => i + 1);
    expect([nearestRank(s, 10), nearestRank(s, 50), nearestRank(s, 90)]).toEqual([1000, 5000, 9000]);
    expect(nearestRank([7, 8, 9], 50)).toBe(8);
  });
});

describe('sensitivity: the degenerate case is the point figures, exactly', () => {
  it('no ranged line, or ranges with low = high: every band is the point NPV and ROI', () => {
    for (const lines of [[], TWO.map((l) => ({ ...l, low: l.base, high: l.base }))]) {
      const input = inputFor(lines);
      const s = runSensitivity(input);
      const pointNpv = roundMicro(input.npvUnrounded);
      const pointRoi = roi(input.cumulativeBenefit, input.cumulativeCost);
      expect(s.npv).toEqual({ p10: pointNpv, p50: pointNpv, p90: pointNpv });
      expect(s.cumulativeRoi).toEqual({ p10: pointRoi, p50: pointRoi, p90: pointRoi });
      expect(s.drivers).toEqual([]);
    }
  });
});

describe('sensitivity: two assumptions, checked by hand', () => {
  const input = inputFor(TWO);
  const s = runSensitivity(input);
  const point = roundMicro(input.npvUnrounded);

  it('point: benefit 700 + 200 in month 0 and 300 in month 1 against cost 1,000', () => {
    // NPV = (900 − 1000) + 300 / 1.01 = −100 + 297.029703 = 197.029703 (to the micro-unit)
    expect(point).toBe(m('197.029703'));
  });

  it('swings: one assumption at low, then high, the other at base; largest first', () => {
    // tickets: low −100, high +200 (month 0, undiscounted): swing 300.
    // cost per ticket at low: (700 + 100 − 1000) + 150 / 1.01 = −51.4851485…; at high: (700 + 250 − 1000)
    // + 300 / 1.01 = 247.0297029…: swing 298.51…, second.
    expect(s.drivers.map((d) => d.assumption)).toEqual(['tickets', 'cost per ticket']);
    expect(s.drivers[0]).toMatchObject({ npvLow: m('97.029703'), npvHigh: m('397.029703') });
    expect(s.drivers[1]).toMatchObject({ npvLow: m('-51.485149'), npvHigh: m('247.029703') });
  });

  it('bands in order, inside the all-low and all-high cases, and the point case within them', () => {
    expect(s.npv.p10).toBeLessThan(s.npv.p50);
    expect(s.npv.p50).toBeLessThan(s.npv.p90);
    expect(s.npv.p10).toBeGreaterThan(point - m('100') - m('248.514851'));
    expect(s.npv.p90).toBeLessThan(point + m('200') + m('50'));
    expect(s.npv.p10).toBeLessThan(point);
    expect(s.cumulativeRoi.p10!).toBeLessThan(s.cumulativeRoi.p50!);
    expect(s.cumulativeRoi.p50!).toBeLessThan(s.cumulativeRoi.p90!);
    // Cumulative benefit 1,200 at base; lows sum to 850, highs to 1,450: ROI between −0.15 and 0.45.
    expect(s.cumulativeRoi.p10!).toBeGreaterThan(-0.15);
    expect(s.cumulativeRoi.p90!).toBeLessThan(0.45);
  });

  it('equals the definition evaluated line by line through npv() and roi() (to the micro-unit)', () => {
    const d = direct(input, TWO);
    for (const q of ['p10', 'p50', 'p90'] as const) {
      expect(Math.abs(s.npv[q] - d.npv[q])).toBeLessThanOrEqual(1);
      expect(s.cumulativeRoi[q]).toBeCloseTo(d.cumulativeRoi[q], 9);
    }
  });

  it('a band is the percentile of a triangle for one line: p50 of triangular(600, 700, 900)', () => {
    const one = runSensitivity(
      inputFor([TWO[0]!, ...TWO.slice(1).map((l) => ({ ...l, low: l.base, high: l.base }))]),
    );
    // median of the triangle: high − √(0.5 · 300 · 200) = 900 − 173.205… = 726.795; NPV = that + 200 + 297.03 − 1000
    const expected = 726.795 + 200 + 300 / 1.01 - 1000;
    // Standard error of a sample median: 1 / (2 f(median) √n), f(median) = 2 · 173.2 / (300 · 200): 0.87.
    expect(Math.abs(one.npv.p50 / 1e6 - expected)).toBeLessThan(3 * 0.87);
  });
});

describe('sensitivity: seeds', () => {
  it('the same inputs and seed give the same bands; another seed other draws', () => {
    expect(runSensitivity(inputFor(TWO, 7))).toEqual(runSensitivity(inputFor(TWO, 7)));
    expect(runSensitivity(inputFor(TWO, 7)).npv).not.toEqual(runSensitivity(inputFor(TWO, 8)).npv);
  });

  it('xoshiro128** and FNV-1a are the published algorithms', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    const r = new Xoshiro128(0);
    const first = [r.nextUint32(), r.nextUint32()];
    expect(new Xoshiro128(0).nextUint32()).toBe(first[0]);
    expect(first.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  it('groups assumptions by their words, not their case or spacing', () => {
    expect(assumptionGroup('Tickets  deflected ', 1)).toBe(assumptionGroup('tickets deflected', 2));
    expect(assumptionGroup(null, 3)).not.toBe(assumptionGroup(null, 4));
    expect(assumptionGroup('  ', 3)).toBe('line:3');
  });
});

describe('sensitivity: properties', () => {
  const amount = fc.integer({ min: 0, max: 5000 });
  const line = fc
    .record({
      a: amount,
      b: amount,
      c: amount,
      month: fc.constantFrom<0 | 1>(0, 1),
      g: fc.constantFrom('x', 'y', 'z'),
    })
    .map(({ a, b, c, month, g }) => {
      const [low, base, high] = [a, b, c].sort((p, q) => p - q);
      return { group: g, month, low: String(low), base: String(base), high: String(high) };
    });
  const widening = fc.record({
    down: fc.integer({ min: 0, max: 3000 }),
    up: fc.integer({ min: 0, max: 3000 }),
  });

  /**
   * Lines of one assumption move together: each draw's NPV is a sum of quantiles at one uniform, and a wider
   * triangle's quantile spread Q(v) − Q(w) (v > w) is never smaller (∂Q/∂high rises with u, ∂Q/∂low falls),
   * so the bands never narrow, draw by draw (1 micro-unit for rounding). Across independent assumptions it
   * holds for the distribution (triangular densities are log-concave, and a sum with a log-concave term keeps
   * the dispersive order) and for the 10,000 draws up to their sampling noise: 0.5% of the band here.
   */
  const widens = (oneAssumption: boolean, noise: number) => () =>
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.nat(), widening, (drawn, pick, w) => {
        const lines = oneAssumption ? drawn.map((l) => ({ ...l, group: 'x' })) : drawn;
        const i = pick % lines.length;
        const wider = lines.map((l, j) =>
          j === i ? { ...l, low: String(Number(l.low) - w.down), high: String(Number(l.high) + w.up) } : l,
        );
        const a = runSensitivity(inputFor(lines, 1, 2000));
        const b = runSensitivity(inputFor(wider, 1, 2000));
        const npvWidth = a.npv.p90 - a.npv.p10;
        expect(b.npv.p90 - b.npv.p10).toBeGreaterThanOrEqual(npvWidth * (1 - noise) - 2);
        const width = (r: typeof a) => r.cumulativeRoi.p90! - r.cumulativeRoi.p10!;
        expect(width(b)).toBeGreaterThanOrEqual(width(a) * (1 - noise) - 1e-9);
        const swing = (r: typeof a) => {
          const d = r.drivers.find((x) => x.group === lines[i]!.group);
          return d ? d.npvHigh - d.npvLow : 0;
        };
        expect(swing(b)).toBeGreaterThanOrEqual(swing(a));
      }),
      { numRuns: 150 },
    );
  it('widening a range never narrows the bands of its assumption, nor its swing (exact)', widens(true, 0));
  it('… nor, across independent assumptions, beyond sampling noise', widens(false, 0.005));

  it('the bands lie between the all-low and all-high cases and are ordered', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.nat(), (lines, seed) => {
        const s = runSensitivity(inputFor(lines, seed, 1000));
        const lo = runSensitivity(inputFor(lines.map((l) => ({ ...l, base: l.low, high: l.low }))));
        const hi = runSensitivity(inputFor(lines.map((l) => ({ ...l, base: l.high, low: l.high }))));
        expect(s.npv.p10).toBeLessThanOrEqual(s.npv.p50);
        expect(s.npv.p50).toBeLessThanOrEqual(s.npv.p90);
        expect(s.npv.p10).toBeGreaterThanOrEqual(lo.npv.p50 - 1);
        expect(s.npv.p90).toBeLessThanOrEqual(hi.npv.p50 + 1);
      }),
      { numRuns: 100 },
    );
  });
});

describe('break-even', () => {
  it('how far cumulative realized benefit can fall before cumulative ROI is zero', () => {
    expect(breakEven(m('1500'), m('1000'))).toEqual({ margin: m('500'), share: 1 / 3 });
    expect(breakEven(m('800'), m('1000'))).toEqual({ margin: m('-200'), share: -0.25 });
    expect(breakEven(0, m('1000'))).toEqual({ margin: m('-1000'), share: null });
    expect(breakEven(m('10'), 0)).toEqual({ margin: null, share: null });
    expect(roi(m('1500') - breakEven(m('1500'), m('1000')).margin!, m('1000'))).toBe(0);
  });
});
