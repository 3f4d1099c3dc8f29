import { memo } from '../memo';
import { divRoundHalfAway, MICRO_PER_UNIT, type Micro } from '../money';
import { FIGURE_LOCALE } from './locale';

/**
 * How finely money is shown: to the cent (tables, appendix, workbook), or in whole currency units
 * (rounded half away from zero, for pages a board reads at a glance).
 */
export type MoneyPrecision = 'cents' | 'units';

export interface MoneyOptions {
  precision?: MoneyPrecision;
}

/** "$", "€", "CA$" — the symbol the figure locale writes for a currency ("XYZ " when it has none). */
export const currencySymbol = memo((currency: string): string => {
  try {
    const part = new Intl.NumberFormat(FIGURE_LOCALE, { style: 'currency', currency })
      .formatToParts(0)
      .find((p) => p.type === 'currency');
    return part?.value ?? `${currency} `;
  } catch {
    return `${currency} `;
  }
});

const compactFormat = memo(
  (currency) =>
    new Intl.NumberFormat(FIGURE_LOCALE, {
      style: 'currency',
      currency,
      notation: 'compact',
      // Stated, not left to the engine: Node's ICU fills to one decimal ("$2.0M"), Chromium's does not ("$2M").
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }),
);

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Sign, symbol and grouped digits of an exact integer of `scale`-ths of a unit. */
function written(scaled: bigint, scale: number, currency: string): string {
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${neg ? '-' : ''}${currencySymbol(currency)}${group(int)}${frac}`;
}

/**
 * Whole currency units: what the board reads (the PDF's sections, the deck's slides, the words of a warning),
 * rounded half away from zero from the exact amount; totals are rounded from the exact total, not summed from
 * rounded rows. The appendix, the speaker notes and the workbook keep cents.
 */
export const BOARD_PRECISION = { precision: 'units' } as const;

/**
 * Micro-units as money, from the exact integer (no floating point between the model and the page):
 * "$1,870,660.60", "-$1,529.04"; with `precision: 'units'` "$1,870,661". Half away from zero.
 */
export function money(micro: Micro | null, currency: string, options: MoneyOptions = {}): string {
  if (micro === null) return '—';
  const scale = options.precision === 'units' ? 0 : 2;
  const rounded = divRoundHalfAway(BigInt(micro), BigInt(MICRO_PER_UNIT / 10 ** scale));
  return written(rounded === 0n ? 0n : rounded, scale, currency);
}

/** Signed money for changes and variances: "+$95,160.60", "-$1,529.04", "$0.00". */
export function signedMoney(micro: Micro | null, currency: string, options: MoneyOptions = {}): string {
  if (micro === null) return '—';
  const s = money(micro, currency, options);
  return micro > 0 && /[1-9]/.test(s) ? `+${s}` : s;
}

/** Micro-units exactly, as stored: at least 2 decimals, up to 6 ("$0.000123", "$1,200.50"). */
export function exactMoney(micro: Micro, currency: string): string {
  const s = written(BigInt(micro), 6, currency);
  return s.replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** Compact money for chart axes and asides only ("$1.2M"), from major units. */
export function compactMoney(major: number, currency: string): string {
  return compactFormat(currency).format(major);
}
