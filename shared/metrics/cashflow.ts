/**
 * Discounted cash flow over equally spaced periods (months in the report). Flows are amounts in any unit;
 * flow t is discounted by (1 + rate)^t, so the first flow is not discounted.
 */
export function npv(ratePerPeriod: number, flows: readonly number[]): number {
  let total = 0;
  let factor = 1;
  for (const f of flows) {
    total += f / factor;
    factor *= 1 + ratePerPeriod;
  }
  return total;
}

/** The monthly rate equivalent to an annual effective rate: (1 + annual)^(1/12) − 1. */
export function monthlyRateFromAnnual(annual: number): number {
  return Math.pow(1 + annual, 1 / 12) - 1;
}

/** The annual effective rate equivalent to a monthly rate: (1 + monthly)^12 − 1. */
export function annualRateFromMonthly(monthly: number): number {
  return Math.pow(1 + monthly, 12) - 1;
}

function signChanges(flows: readonly number[]): number {
  let changes = 0;
  let last = 0;
  for (const f of flows) {
    if (f === 0) continue;
    if (last !== 0 && Math.sign(f) !== Math.sign(last)) changes++;
    last = f;
  }
  return changes;
}

/** −99% a period: below this a rate means nothing for a business case. */
const MIN_RATE = -0.99;
const MAX_RATE = 1e6;

/**
 * NPV(r) = Σ c_t / (1 + r)^t = P(x), the polynomial Σ c_t x^t at x = 1 / (1 + r), by Horner's rule
 * (no division, no power): the IRR search works on P over x.
 */
function poly(c: Float64Array, x: number): number {
  let v = 0;
  for (let t = c.length - 1; t >= 0; t--) v = v * x + c[t]!;
  return v;
}

/** Bisects P between two x with opposite signs, to full double precision. */
function bisectX(c: Float64Array, lo: number, hi: number): number {
  let pLo = poly(c, lo);
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    const pMid = poly(c, mid);
    if (pMid === 0) return mid;
    if (pMid < 0 === pLo < 0) {
      lo = mid;
      pLo = pMid;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}

/** x = 1/(1+r) probes from r = MAX_RATE down to r = MIN_RATE, dense near r = 0 (x = 1), increasing. */
function probeXs(count: number): Float64Array {
  const rates: number[] = [MAX_RATE, 0, MIN_RATE];
  const half = count / 2;
  for (let i = 1; i < half; i++) {
    rates.push(Math.pow(10, -6 + (i / half) * 12)); // 1e-6 … 1e6
    rates.push(-0.99 * Math.pow(10, -6 + (i / half) * 6)); // −9.9e-7 … −0.99
  }
  const xs = rates.filter((r) => r >= MIN_RATE && r <= MAX_RATE).map((r) => 1 / (1 + r));
  return Float64Array.from(new Set(xs)).sort();
}
const COARSE = probeXs(200);
const FINE = probeXs(1600);

/**
 * A certificate that x0 is P's only positive root: P(x) = (x − x0)·Q(x), and when Q's coefficients never
 * change sign, Q has no positive root (Descartes). Inconclusive (false) otherwise.
 */
function isOnlyPositiveRoot(c: Float64Array, x0: number): boolean {
  const n = c.length - 1;
  let b = c[n]!;
  let last = 0;
  const scale = c.reduce((m, v) => Math.max(m, Math.abs(v)), 0) * 1e-9;
  for (let k = n - 1; k >= 0; k--) {
    // b is Q's coefficient of x^k
    if (Math.abs(b) > scale) {
      if (last !== 0 && Math.sign(b) !== last) return false;
      last = Math.sign(b);
    }
    b = c[k]! + x0 * b;
  }
  return true;
}

/** The x in (1/(1+MAX_RATE), 1/(1+MIN_RATE)) where P changes sign, found between consecutive probes. */
function rootsX(c: Float64Array, probes: Float64Array, stopAfter: number): number[] {
  const roots: number[] = [];
  let prevX = probes[0]!;
  let prev = poly(c, prevX);
  if (prev === 0) roots.push(prevX);
  for (let i = 1; i < probes.length && roots.length < stopAfter; i++) {
    const x = probes[i]!;
    const v = poly(c, x);
    if (v === 0) roots.push(x);
    else if (prev !== 0 && v < 0 !== prev < 0) roots.push(bisectX(c, prevX, x));
    prevX = x;
    prev = v;
  }
  return roots;
}

/**
 * Internal rate of return per period: the rate r > −1 at which NPV = 0. Null when the flows never change
 * sign (no IRR exists) or when more than one rate solves it (the IRR is ambiguous) — never a made-up number.
 * By Descartes' rule of signs, one sign change in the flows means exactly one root; with more, the roots are
 * searched on a fine grid of rates from −99% to +10^8 % a period, and the answer is given only when there
 * is exactly one and the sign-change count allows no hidden pair (an even count with one root found is
 * treated as ambiguous).
 */
export function irr(flows: readonly number[]): number | null {
  const changes = signChanges(flows);
  if (changes === 0) return null;
  const c = Float64Array.from(flows);
  let roots: number[];
  if (changes === 1) {
    roots = rootsX(c, COARSE, 1);
  } else {
    roots = rootsX(c, COARSE, 2);
    // Roots of P come in a count with the parity of the sign changes: one root with an even count hides another.
    if (roots.length === 1 && changes % 2 === 0) return null;
    if (roots.length === 1 && !isOnlyPositiveRoot(c, roots[0]!)) roots = rootsX(c, FINE, 2);
  }
  return roots.length === 1 ? 1 / roots[0]! - 1 : null;
}
