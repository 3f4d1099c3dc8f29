import type { Micro } from '../money';
import { Xoshiro128 } from './prng';
import { roi } from './roi';
import { nearestRank } from './triangular';

/** The method and sample size every report states (the JSON's `method` and `draws`). */
export const SENSITIVITY_METHOD =
  'Monte Carlo, triangular(low, base, high) per ranged benefit line, one uniform draw per assumption ' +
  '(lines naming the same assumption move together), xoshiro128** seeded by FNV-1a, percentiles by nearest rank';
export const SENSITIVITY_DRAWS = 10_000;

/**
 * A realized benefit line dated to the period end whose amount carries a range: the only lines that move
 * the cumulative ROI and the NPV as DESIGN.md defines them (projected lines are in neither).
 */
export interface RangedLine {
  /** Lines with the same group move together (see `assumptionGroup`). */
  group: string;
  /** The assumption as first written, or a name for a line that states none. */
  label: string;
  initiativeId: number;
  low: Micro;
  base: Micro;
  high: Micro;
  /**
   * The divisor npv() applies to the line's month: (1 + monthly rate)^t, t months after the report's
   * discount base, built by the same repeated multiplication (see `discountDivisors`).
   */
  divisor: number;
}

export interface SensitivityInput {
  seed: number;
  draws: number;
  /** The portfolio NPV as npv() returned it, before rounding to the micro-unit. */
  npvUnrounded: number;
  cumulativeBenefit: Micro;
  cumulativeCost: Micro;
  lines: readonly RangedLine[];
}

export interface Band<T> {
  p10: T;
  p50: T;
  p90: T;
}

export interface Driver {
  group: string;
  assumption: string;
  initiativeIds: number[];
  /** Portfolio NPV with this assumption's lines at their low, every other line at its base. */
  npvLow: Micro;
  npvHigh: Micro;
}

export interface SensitivityResult {
  npv: Band<Micro>;
  cumulativeRoi: Band<number | null>;
  drivers: Driver[];
  /** The groups drawn (assumptions with at least one non-empty range). */
  assumptions: number;
}

/**
 * Lines that name the same assumption (case, and runs of spaces, aside) share one group; a ranged line naming
 * none is its own.
 */
export function assumptionGroup(assumption: string | null, lineId: number): string {
  const a = assumption?.trim().replace(/\s+/g, ' ').toLowerCase();
  return a ? `a:${a}` : `line:${lineId}`;
}

/** npv()'s divisors for periods 0 … n − 1, by its own recurrence (factor ×= 1 + rate), so each term matches. */
export function discountDivisors(ratePerPeriod: number, n: number): Float64Array {
  const out = new Float64Array(n);
  let factor = 1;
  for (let t = 0; t < n; t++) {
    out[t] = factor;
    factor *= 1 + ratePerPeriod;
  }
  return out;
}

/** Rounds half away from zero to an integer, as the point NPV is rounded to the micro-unit. */
export function roundMicro(x: number): Micro {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * The change from base of a group's two weighted sums — NPV (w = 1 / divisor) and cumulative benefit (w = 1)
 * — Σ w·(Q_i(u) − base_i), for any u in O(log n) (the draws read them from drawTable). Q_i is triangularQuantile: lines whose mode position
 * c_i = (base − low)/(high − low) exceeds u are on their rising side, low + √(u·span·(base − low)); the others
 * on their falling side, high − √((1−u)·span·(high − base)). With the lines sorted by c, both sides are
 * prefix sums, and one search serves both sums.
 */
class GroupSum {
  /** Each line's mode position, ascending. */
  readonly c: Float64Array;
  /** Over lines [k, n): Σ w(low − base) and Σ w·√(span(base − low)); over [0, k): the high side. */
  readonly npv: {
    lowDelta: Float64Array;
    lowRoot: Float64Array;
    highDelta: Float64Array;
    highRoot: Float64Array;
  };
  readonly cum: GroupSum['npv'];
  readonly npvAtLow: number;
  readonly npvAtHigh: number;
  constructor(lines: readonly { low: number; base: number; high: number; divisor: number }[]) {
    const ranged = lines
      .filter((l) => l.high > l.low)
      .map((l) => ({ ...l, c: (l.base - l.low) / (l.high - l.low) }))
      .sort((a, b) => a.c - b.c);
    const n = ranged.length;
    this.c = Float64Array.from(ranged, (l) => l.c);
    const sums = (w: (l: (typeof ranged)[number]) => number) => {
      const s = {
        lowDelta: new Float64Array(n + 1),
        lowRoot: new Float64Array(n + 1),
        highDelta: new Float64Array(n + 1),
        highRoot: new Float64Array(n + 1),
      };
      for (let i = n - 1; i >= 0; i--) {
        const l = ranged[i]!;
        s.lowDelta[i] = s.lowDelta[i + 1]! + w(l) * (l.low - l.base);
        s.lowRoot[i] = s.lowRoot[i + 1]! + w(l) * Math.sqrt((l.high - l.low) * (l.base - l.low));
      }
      for (let i = 0; i < n; i++) {
        const l = ranged[i]!;
        s.highDelta[i + 1] = s.highDelta[i]! + w(l) * (l.high - l.base);
        s.highRoot[i + 1] = s.highRoot[i]! + w(l) * Math.sqrt((l.high - l.low) * (l.high - l.base));
      }
      return s;
    };
    this.npv = sums((l) => 1 / l.divisor);
    this.cum = sums(() => 1);
    this.npvAtLow = this.npv.lowDelta[0]!;
    this.npvAtHigh = this.npv.highDelta[n]!;
  }
}

interface Group {
  key: string;
  label: string;
  initiativeIds: number[];
  sums: GroupSum;
}

function groupsOf(lines: readonly RangedLine[]): Group[] {
  const byKey = new Map<string, RangedLine[]>();
  for (const l of lines) {
    if (l.high === l.low) continue; // no range: the line is its base in every draw
    const list = byKey.get(l.group);
    if (list) list.push(l);
    else byKey.set(l.group, [l]);
  }
  return [...byKey.keys()].sort().map((key) => {
    const ls = byKey.get(key)!;
    return {
      key,
      label: ls[0]!.label,
      initiativeIds: [...new Set(ls.map((l) => l.initiativeId))].sort((a, b) => a - b),
      sums: new GroupSum(ls),
    };
  });
}

/** Prefix sums per split point k in the flat table: NPV's four (GroupSum.npv at k), then the benefit's four. */
const SUMS = 8;

/**
 * Every group's distinct mode positions in one array (group j's at [cStart[j], cStart[j + 1]), ascending) and,
 * for each count q = 0 … m_j of them at or below a uniform, its prefix sums at the split point k = the lines
 * with c at or below the q-th (SUMS apiece from sumStart[j]): one contiguous table for the draws' inner loop.
 * Lines of one assumption often share a mode position (the same relative range), so the search is short.
 */
function drawTable(groups: readonly GroupSum[]): {
  c: Float64Array;
  cStart: Int32Array;
  sums: Float64Array;
  sumStart: Int32Array;
} {
  // Per group: its distinct positions, and k after each (the lines at or below it).
  const distinct = groups.map((g) => {
    const values: number[] = [];
    const k: number[] = [0];
    for (let i = 0; i < g.c.length; i++) {
      if (i + 1 < g.c.length && g.c[i + 1] === g.c[i]) continue;
      values.push(g.c[i]!);
      k.push(i + 1);
    }
    return { values, k };
  });
  const cStart = new Int32Array(groups.length + 1);
  const sumStart = new Int32Array(groups.length + 1);
  distinct.forEach((d, j) => {
    cStart[j + 1] = cStart[j]! + d.values.length;
    sumStart[j + 1] = sumStart[j]! + d.k.length * SUMS;
  });
  const c = new Float64Array(cStart[groups.length]!);
  const sums = new Float64Array(sumStart[groups.length]!);
  groups.forEach((g, j) => {
    const d = distinct[j]!;
    c.set(d.values, cStart[j]!);
    d.k.forEach((k, q) => {
      const at = sumStart[j]! + q * SUMS;
      sums[at] = g.npv.lowDelta[k]!;
      sums[at + 1] = g.npv.lowRoot[k]!;
      sums[at + 2] = g.npv.highDelta[k]!;
      sums[at + 3] = g.npv.highRoot[k]!;
      sums[at + 4] = g.cum.lowDelta[k]!;
      sums[at + 5] = g.cum.lowRoot[k]!;
      sums[at + 6] = g.cum.highDelta[k]!;
      sums[at + 7] = g.cum.highRoot[k]!;
    });
  });
  return { c, cStart, sums, sumStart };
}

function band<T>(sorted: readonly T[]): Band<T> {
  return { p10: nearestRank(sorted, 10), p50: nearestRank(sorted, 50), p90: nearestRank(sorted, 90) };
}

/**
 * The portfolio NPV and cumulative ROI under the benefit ranges. Each draw takes one uniform per group, in
 * the groups' key order, from one generator seeded with `seed`; every ranged line moves to its triangular
 * quantile at its group's uniform; the draw's NPV is npv()'s unrounded sum plus each line's change divided
 * by its month's divisor, rounded to the micro-unit as the point NPV is; its cumulative ROI is roi() of the
 * cumulative benefit so moved (rounded to the micro-unit) over the cumulative cost. With no range the draws
 * are the point figures, exactly.
 */
export function runSensitivity(input: SensitivityInput): SensitivityResult {
  const groups = groupsOf(input.lines);
  const cost = input.cumulativeCost;
  const drivers = groups
    .map((g) => ({
      group: g.key,
      assumption: g.label,
      initiativeIds: g.initiativeIds,
      npvLow: roundMicro(input.npvUnrounded + g.sums.npvAtLow),
      npvHigh: roundMicro(input.npvUnrounded + g.sums.npvAtHigh),
    }))
    .sort(
      (a, b) =>
        Math.abs(b.npvHigh - b.npvLow) - Math.abs(a.npvHigh - a.npvLow) ||
        (a.assumption < b.assumption ? -1 : a.assumption > b.assumption ? 1 : 0),
    );
  if (groups.length === 0) {
    const npv = roundMicro(input.npvUnrounded);
    const r = roi(input.cumulativeBenefit, cost);
    return {
      npv: { p10: npv, p50: npv, p90: npv },
      cumulativeRoi: { p10: r, p50: r, p90: r },
      drivers,
      assumptions: 0,
    };
  }
  const rng = new Xoshiro128(input.seed);
  const { c, cStart, sums, sumStart } = drawTable(groups.map((g) => g.sums));
  const npvs = new Float64Array(input.draws);
  const benefits = new Float64Array(input.draws);
  const count = groups.length;
  // Each group's change at its uniform u, over the flat table: q = the number of its distinct positions ≤ u, so
  // the split k = its lines with c ≤ u (on their falling side), then the prefix sums at k — Σ w(low − base) + √u·Σ w·√(span(base − low)) over [k, n), plus
  // Σ w(high − base) − √(1 − u)·Σ w·√(span(high − base)) over [0, k) — for the NPV's weights and the benefit's.
  for (let d = 0; d < input.draws; d++) {
    let npvDelta = 0;
    let cumDelta = 0;
    for (let j = 0; j < count; j++) {
      const u = rng.nextUnit();
      const first = cStart[j]!;
      let lo = first;
      let hi = cStart[j + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (c[mid]! <= u) lo = mid + 1;
        else hi = mid;
      }
      const at = sumStart[j]! + (lo - first) * SUMS;
      const su = Math.sqrt(u);
      const sv = Math.sqrt(1 - u);
      npvDelta += sums[at]! + su * sums[at + 1]! + sums[at + 2]! - sv * sums[at + 3]!;
      cumDelta += sums[at + 4]! + su * sums[at + 5]! + sums[at + 6]! - sv * sums[at + 7]!;
    }
    npvs[d] = roundMicro(input.npvUnrounded + npvDelta);
    benefits[d] = roundMicro(input.cumulativeBenefit + cumDelta);
  }
  npvs.sort();
  benefits.sort();
  // roi() of each draw, ordered: it rises with the benefit when the cost is positive, falls when negative.
  const rois = Array.from(benefits, (b) => roi(b, cost));
  if (cost < 0) rois.reverse();
  return {
    npv: band(Array.from(npvs)),
    cumulativeRoi: band(rois),
    drivers,
    assumptions: groups.length,
  };
}

/**
 * Break-even of an initiative: how far its cumulative realized benefit can fall before its cumulative ROI
 * reaches zero (ROI = 0 exactly when benefit = cost), as an amount (benefit − cost) and as a share of the
 * benefit. Null where the ROI is (cost 0); the share is null without benefit. A negative margin says the
 * ROI is already below zero, by that much.
 */
export function breakEven(
  cumulativeBenefit: Micro,
  cumulativeCost: Micro,
): { margin: Micro | null; share: number | null } {
  if (cumulativeCost === 0) return { margin: null, share: null };
  const margin = cumulativeBenefit - cumulativeCost;
  return { margin, share: cumulativeBenefit > 0 ? margin / cumulativeBenefit : null };
}
