/**
 * Money is carried as integer micro-units (millionths of the currency unit).
 * Floating point never touches a stored amount or a sum: parsing works on the decimal text,
 * sums are integer additions, and rounding to cents happens only for display and export.
 */
import { CodedError } from './errors';

export type Micro = number;

export const MICRO_PER_UNIT = 1_000_000;
const MICRO_PER_CENT = 10_000n;

export class MoneyOverflowError extends CodedError {
  constructor(what: string) {
    super(
      'money-overflow',
      `${what} is outside the range that can be summed exactly (±9,007,199,254 currency units)`,
    );
  }
}

/** Checks that an integer sum is still exact in a JS number. */
export function assertSafeMicro(value: number, what = 'Amount'): Micro {
  if (!Number.isSafeInteger(value)) throw new MoneyOverflowError(what);
  return value;
}

/** Divides a bigint rounding half away from zero. */
export function divRoundHalfAway(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = an / ad;
  const r = an % ad;
  const rounded = r * 2n >= ad ? q + 1n : q;
  return neg ? -rounded : rounded;
}

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Converts plain decimal text (`-1234.5678`, `1.81E-8`, `.5`) to an exact scaled bigint:
 * value × 10^scale, rounded half away from zero. Returns null when the text is not a decimal number.
 * Locale handling (thousands separators, decimal comma, currency symbols) happens before this.
 */
export function decimalToScaled(text: string, scale: number): bigint | null {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) return null;
  const [, sign, intPart = '', fracPart = '', expPart] = m;
  if (intPart === '' && fracPart === '') return null;
  const exp = expPart ? Number(expPart) : 0;
  if (!Number.isFinite(exp) || Math.abs(exp) > 400) return null;
  const digits = (intPart + fracPart).replace(/^0+(?=\d)/, '') || '0';
  // value = digits × 10^(exp - fracLen); we want value × 10^scale
  const shift = exp - fracPart.length + scale;
  let result: bigint;
  if (shift >= 0) {
    result = BigInt(digits) * 10n ** BigInt(shift);
  } else {
    result = divRoundHalfAway(BigInt(digits), 10n ** BigInt(-shift));
  }
  return sign === '-' ? -result : result;
}

/** Exact decimal text → micro-units; null if not a number; throws if beyond exact range. */
export function parseMicro(text: string): Micro | null {
  const scaled = decimalToScaled(text, 6);
  if (scaled === null) return null;
  const n = Number(scaled);
  if (!Number.isSafeInteger(n)) throw new MoneyOverflowError(`Amount ${text}`);
  return n;
}

/** Micro-units → integer cents, half away from zero. */
export function microToCents(micro: Micro): number {
  return Number(divRoundHalfAway(BigInt(micro), MICRO_PER_CENT));
}

/** Micro-units → major units rounded to cents, as a JS number for JSON (e.g. 1234.57). */
export function microToMajor(micro: Micro): number {
  return microToCents(micro) / 100;
}

/** Micro-units → exact decimal string rounded to cents ("-1234.50"). */
export function microToCentsString(micro: Micro): string {
  const cents = microToCents(micro);
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** Major units (a value typed by a person or generated) → micro-units via its decimal text. */
export function majorToMicro(major: number): Micro {
  const m = parseMicro(String(major));
  if (m === null) throw new RangeError(`Not a finite amount: ${major}`);
  return m;
}

/** Exact integer sum of micro amounts. */
export function sumMicro(values: Iterable<Micro>): Micro {
  let total = 0;
  for (const v of values) total += v;
  return assertSafeMicro(total, 'Sum');
}

/** Ratio of two micro amounts, or null when the denominator is zero. */
export function ratio(numerator: Micro, denominator: Micro): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

const ISO_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code this runtime's Intl knows (every current one): "USD" yes, "XQZ" no. */
export function isIsoCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && ISO_CURRENCIES.has(code);
}
