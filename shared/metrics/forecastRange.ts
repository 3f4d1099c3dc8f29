import type { Micro } from '../money';

/** The range's coverage: the central 80% of a normal distribution. */
export const FORECAST_RANGE_LEVEL = 0.8;
/** The standard normal quantile for 90% (one tail of the central 80%), to the four decimals DESIGN.md states. */
export const FORECAST_RANGE_Z = 1.2816;
/** σ is taken over at most this many complete months, ending with the as-of month. */
export const FORECAST_RANGE_WINDOW = 12;
/** Fewer complete months than this give no range. */
export const FORECAST_RANGE_MIN_MONTHS = 3;

export const FORECAST_RANGE_METHOD =
  `Year-end forecast ± ${FORECAST_RANGE_Z} × σ × √(months left): σ = sample standard deviation (n − 1) of the last ` +
  `${FORECAST_RANGE_WINDOW} complete monthly actuals (at least ${FORECAST_RANGE_MIN_MONTHS}), computed in floating point from ` +
  'the exact monthly sums; both ends rounded half away from zero to the cent; the low end never below the fiscal-YTD actual.';

const CENT: Micro = 10_000;

/**
 * Sample standard deviation (divisor n − 1) of exact micro-unit amounts, in micro-units. The sum of squared
 * deviations is computed exactly (n·Σx² − (Σx)², in integers) so only the division and the square root are
 * floating point; null with fewer than 2 values.
 */
export function sampleStdDevMicro(values: readonly Micro[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  let sum = 0n;
  let sumSq = 0n;
  for (const v of values) {
    const b = BigInt(v);
    sum += b;
    sumSq += b * b;
  }
  const numerator = BigInt(n) * sumSq - sum * sum;
  return Math.sqrt(Number(numerator) / (n * (n - 1)));
}

/** A floating-point amount in micro-units rounded half away from zero to the cent. */
export function roundToCentMicro(micro: number): Micro {
  return Math.sign(micro) * Math.floor(Math.abs(micro) / CENT + 0.5) * CENT;
}

export interface ForecastBand {
  low: Micro;
  high: Micro;
  /** σ of the monthly actuals, micro-units (floating point). */
  sigma: number;
  /** z × σ × √(months left), micro-units (floating point). */
  halfWidth: number;
  /** The low end was raised to the fiscal-YTD actual (money already spent cannot be unspent). */
  lowClamped: boolean;
}

/**
 * The year-end forecast's range: forecast ± z × σ × √(months left), ends rounded to the cent, the low end
 * clamped at the fiscal-YTD actual (and the high end never below the low). Null with fewer than
 * `FORECAST_RANGE_MIN_MONTHS` monthly actuals.
 */
export function forecastRange(
  forecast: Micro,
  monthlyActuals: readonly Micro[],
  monthsLeft: number,
  ytdActual: Micro,
): ForecastBand | null {
  if (monthlyActuals.length < FORECAST_RANGE_MIN_MONTHS) return null;
  const sigma = sampleStdDevMicro(monthlyActuals)!;
  const halfWidth = FORECAST_RANGE_Z * sigma * Math.sqrt(Math.max(0, monthsLeft));
  const rawLow = roundToCentMicro(forecast - halfWidth);
  const low = Math.max(rawLow, ytdActual);
  const high = Math.max(roundToCentMicro(forecast + halfWidth), low);
  return { low, high, sigma, halfWidth, lowClamped: rawLow < ytdActual };
}

/** (forecast − actual) / actual; null without an actual or when it is 0. */
export function forecastError(forecast: Micro, actual: Micro | null): number | null {
  if (actual === null || actual === 0) return null;
  return (forecast - actual) / actual;
}
