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

function bisect(flows: readonly number[], lo: number, hi: number): number {
  let fLo = npv(lo, flows);
  for (let i = 0; i < 300; i++) {
    const mid = (lo + hi) / 2;
    const fMid = npv(mid, flows);
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else {
      hi = mid;
    }
    if (hi - lo <= 1e-15 * Math.max(1, Math.abs(mid))) break;
  }
  return (lo + hi) / 2;
}

/** Rates to probe for sign changes of NPV: dense near 0, spreading out to both ends. */
function probeRates(): number[] {
  const out: number[] = [MIN_RATE];
  for (let i = 400; i >= 1; i--) out.push(-0.99 * Math.pow(10, -6 + (i / 400) * 6));
  out.push(0);
  for (let i = 1; i <= 400; i++) out.push(Math.pow(10, -6 + (i / 400) * 12));
  return out.filter((r) => r >= MIN_RATE && r <= MAX_RATE).sort((a, b) => a - b);
}
const PROBES = probeRates();

/**
 * Internal rate of return per period: the rate r > −1 at which NPV = 0. Null when the flows never change
 * sign (no IRR exists) or when more than one rate solves it (the IRR is ambiguous) — never a made-up number.
 */
export function irr(flows: readonly number[]): number | null {
  const changes = signChanges(flows);
  if (changes === 0) return null;
  const roots: number[] = [];
  let prevRate = PROBES[0]!;
  let prevValue = npv(prevRate, flows);
  for (let i = 1; i < PROBES.length; i++) {
    const rate = PROBES[i]!;
    const value = npv(rate, flows);
    if (value === 0) {
      roots.push(rate);
    } else if (prevValue !== 0 && Math.sign(value) !== Math.sign(prevValue)) {
      roots.push(bisect(flows, prevRate, rate));
    }
    prevRate = rate;
    prevValue = value;
    // Descartes: with one sign change there is exactly one root, so stop at the first.
    if (changes === 1 && roots.length === 1) break;
  }
  return roots.length === 1 ? roots[0]! : null;
}
