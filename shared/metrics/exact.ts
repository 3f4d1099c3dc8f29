import { decimalToScaled, divRoundHalfAway, type Micro } from '../money';

/** Digits after the point used to compare settings and KPI values exactly as the decimals they were typed as. */
const SCALE = 18;

/** Thresholds and settings repeat across figures: their exact forms are remembered. */
const memo = new Map<number, bigint>();

/**
 * A finite JS number as the exact decimal its shortest text denotes (0.05 → 5·10^16 at scale 18),
 * so that 1.05 − 1 compares equal to 0.05 as a person means it.
 */
export function toScaled(x: number): bigint {
  const hit = memo.get(x);
  if (hit !== undefined) return hit;
  if (!Number.isFinite(x)) throw new RangeError(`Not a finite number: ${x}`);
  const s = decimalToScaled(String(x), SCALE);
  if (s === null) throw new RangeError(`Not a decimal number: ${x}`);
  if (memo.size > 4096) memo.clear();
  memo.set(x, s);
  return s;
}

export const ONE_SCALED = 10n ** BigInt(SCALE);

export function absBig(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** The number nearest to a scaled decimal (the inverse of `toScaled`). */
export function fromScaled(x: bigint): number {
  const neg = x < 0n;
  const digits = (neg ? -x : x).toString().padStart(SCALE + 1, '0');
  return Number(`${neg ? '-' : ''}${digits.slice(0, -SCALE)}.${digits.slice(-SCALE)}`);
}

/** Sum of numbers taken as the decimals they are written as: 0.1 + 0.2 is 0.3. */
export function decimalSum(values: readonly number[]): number {
  let total = 0n;
  for (const v of values) total += toScaled(v);
  return fromScaled(total);
}

/** Mean of numbers taken as decimals (rounded half away from zero at the 18th decimal). */
export function decimalMean(values: readonly number[]): number {
  let total = 0n;
  for (const v of values) total += toScaled(v);
  return fromScaled(divRoundHalfAway(total, BigInt(values.length)));
}

/** Compares two numbers as decimals: −1, 0 or 1. */
export function compareDecimal(a: number, b: number): -1 | 0 | 1 {
  const d = toScaled(a) - toScaled(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** |part| ≤ fraction × |whole|, exactly (fraction taken as the decimal it is written as). */
export function withinFraction(part: Micro, whole: Micro, fraction: number): boolean {
  return absBig(BigInt(part)) * ONE_SCALED <= toScaled(fraction) * absBig(BigInt(whole));
}

/** micro × n / d rounded half away from zero, in exact integer arithmetic. */
export function mulDivMicro(micro: Micro, n: number, d: number): Micro {
  return Number(divRoundHalfAway(BigInt(micro) * BigInt(n), BigInt(d)));
}

/** Twice the median of integers (exact: the median of an even count may be a half). */
export function doubledMedian(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? 2 * s[mid]! : s[mid - 1]! + s[mid]!;
}

/** Median of real numbers (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return doubledMedian(values) / 2;
}
