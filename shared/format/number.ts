import { memo } from '../memo';
import { FIGURE_LOCALE } from './locale';

// 'negative' (ES2023, in every engine the app runs on): no sign on a value that rounds to zero.

/** Keys: "<min digits> <max digits> <sign display>" and "<digits> percent <sign display>". */
const decimalFormat = memo((key) => {
  const [min, max, sign] = key.split(' ');
  return new Intl.NumberFormat(FIGURE_LOCALE, {
    minimumFractionDigits: Number(min),
    maximumFractionDigits: Number(max),
    signDisplay: sign as Intl.NumberFormatOptions['signDisplay'],
  });
});

const percentFormat = memo((key) => {
  const [digits, sign] = key.split(' ');
  return new Intl.NumberFormat(FIGURE_LOCALE, {
    style: 'percent',
    minimumFractionDigits: Number(digits),
    maximumFractionDigits: Number(digits),
    signDisplay: sign as Intl.NumberFormatOptions['signDisplay'],
  });
});

const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

/**
 * A fraction as a percentage to fixed decimals: 0.1857 → "18.6%", 12.345 → "1,234.5%". A value that rounds
 * to zero is "0.0%", never "-0.0%".
 */
export function pct(fraction: number | null, digits = 1): string {
  return finite(fraction) ? percentFormat(`${digits} negative`).format(fraction) : '—';
}

/** A change as a signed percentage: "+4.2%", "-1.0%", "0.0%". */
export function signedPct(fraction: number | null, digits = 1): string {
  return finite(fraction) ? percentFormat(`${digits} exceptZero`).format(fraction) : '—';
}

/** A count or measure with up to `digits` decimals and grouping: "1,234", "8.5". */
export function num(value: number | null, digits = 0): string {
  return finite(value) ? decimalFormat(`0 ${digits} negative`).format(value) : '—';
}

/** A number to exactly `digits` decimals with grouping: "1,234.5000". */
export function fixed(value: number | null, digits: number): string {
  return finite(value) ? decimalFormat(`${digits} ${digits} negative`).format(value) : '—';
}

/** Percentage points for a change in a ratio: "+1.2 pts". */
export function points(change: number | null, digits = 1): string {
  return finite(change) ? `${decimalFormat(`${digits} ${digits} exceptZero`).format(change * 100)} pts` : '—';
}
