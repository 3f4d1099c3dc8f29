/**
 * Text formatting for the briefing pack (PDF and preview). A fixed locale (en-US grouping, ISO currency
 * symbols) so a pack reads the same on every machine. Money is formatted from the exact cents string of
 * the micro-unit figure: no floating point between the model and the page.
 */
import { memo } from '../memo';
import { microToCentsString, type Micro } from '../money';
import type { KpiScore } from '../report';
import { IRR_NOT_MEANINGFUL, irrNotMeaningful } from './irrShown';
import { kpiRatioDigits } from '../kpiPrecision';

const LOCALE = 'en-US';

export const currencySymbol = memo((currency: string): string => {
  try {
    const part = new Intl.NumberFormat(LOCALE, { style: 'currency', currency })
      .formatToParts(0)
      .find((p) => p.type === 'currency');
    return part?.value ?? `${currency} `;
  } catch {
    return `${currency} `;
  }
});

const compactFormat = memo(
  (currency) =>
    new Intl.NumberFormat(LOCALE, {
      style: 'currency',
      currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    }),
);

const numberFormat = memo(
  (digits) => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: Number(digits) }),
);

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "$1,870,660.60", "-$1,529.04": exact to the cent (half away from zero). */
export function money(micro: Micro | null, currency: string): string {
  if (micro === null) return '—';
  const s = microToCentsString(micro);
  const neg = s.startsWith('-');
  const [int = '0', frac = '00'] = (neg ? s.slice(1) : s).split('.');
  return `${neg ? '-' : ''}${currencySymbol(currency)}${group(int)}.${frac}`;
}

/**
 * Under every table with a total row: totals are the exact sums of the micro-unit figures, each row is
 * rounded to the cent on its own, so the rows shown can differ from the total by a cent.
 */
export const TOTALS_NOTE =
  'Totals are computed from unrounded amounts; rows may not add to the total by a cent.';

/** Signed money for changes and variances: "+$95,160.60". */
export function signedMoney(micro: Micro | null, currency: string): string {
  if (micro === null) return '—';
  return micro > 0 ? `+${money(micro, currency)}` : money(micro, currency);
}

/** Compact money for chart axes only ("$1.2M"). */
export function compactMoney(major: number, currency: string): string {
  return compactFormat(currency).format(major);
}

export function pct(fraction: number | null, digits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits).replace(/^-(0\.?0*)$/, '$1')}%`;
}

export function signedPct(fraction: number | null, digits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  const s = pct(fraction, digits);
  return fraction > 0 && !/^0\.?0*%$/.test(s) ? `+${s}` : s;
}

/** An annual IRR as the pack shows it: "206.3%", or "n/m" above 1,000% a year (see irrShown). */
export function irrPct(annual: number | null): string {
  return irrNotMeaningful(annual) ? IRR_NOT_MEANINGFUL : pct(annual);
}

/** Percentage points for a change in a ratio: "+1.2 pts". */
export function points(change: number | null, digits = 1): string {
  if (change === null || !Number.isFinite(change)) return '—';
  const v = (change * 100).toFixed(digits);
  return `${change > 0 ? '+' : ''}${v} pts`;
}

export function num(value: number | null, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return numberFormat(String(digits)).format(value);
}

/** What decides how finely a KPI is shown: its unit, and for ratios the size of its target or tolerance. */
export type KpiScale = Pick<KpiScore, 'unit' | 'direction' | 'target' | 'tolerance'>;

/**
 * Decimals a KPI is shown with, for its value, target and changes alike (the pack's PDF and workbook):
 * ratios by the screens' rule (shared/kpiPrecision.ts: 3 decimals in percent when the target — or a band
 * KPI's tolerance — is under 1%, else 1); currency 4, counts 0, days, hours and scores 1.
 */
export function kpiDigits(k: KpiScale): number {
  switch (k.unit) {
    case 'ratio':
      return kpiRatioDigits(k);
    case 'currency':
      return 4;
    case 'count':
      return 0;
    case 'days':
    case 'hours':
    case 'score':
      return 1;
  }
}

/** A KPI's value (or target, or an earlier value) in its unit, to the KPI's own decimals (kpiDigits). */
export function kpiValue(value: number | null, k: KpiScale, currency: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const digits = kpiDigits(k);
  switch (k.unit) {
    case 'ratio':
      return pct(value, digits);
    case 'currency':
      return `${currencySymbol(currency)}${value.toFixed(digits)}`;
    case 'count':
      return num(value, digits);
    case 'days':
      return `${num(value, digits)} days`;
    case 'hours':
      return `${num(value, digits)} h`;
    case 'score':
      return num(value, digits);
  }
}

/** The target as a board reads it: "min 15.0%" (green at or above), "max 2", "0.0% ± 5.0%". */
export function kpiTarget(k: KpiScale, currency: string): string {
  const t = kpiValue(k.target, k, currency);
  if (k.direction === 'higher') return `min ${t}`;
  if (k.direction === 'lower') return `max ${t}`;
  return k.tolerance === null ? t : `${t} ± ${kpiValue(k.tolerance, k, currency)}`;
}

export { STATUS_LABEL, TREND_LABEL } from '../labels';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-11-26" → "26 November 2026". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "2026-07" → "Jul 2026". */
export function shortMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return `${MONTHS[m - 1]!.slice(0, 3)} ${y}`;
}

/** An ISO timestamp as "2026-10-05 09:00 UTC". */
export function utcTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Multi-line commentary → its non-empty lines. */
export function lines(text: string | undefined | null): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-•*]\s+/, '').trim())
    .filter((l) => l !== '');
}

export const KIND_LABEL: Record<string, string> = {
  spend: 'Spend',
  budget: 'Budget',
  benefits: 'Benefits',
  kpis: 'KPI observations',
  initiatives: 'Initiatives',
  fx: 'FX rates',
};

/** Lets long names break after a slash ("Hallucination/Incorrectness Rate") instead of mid-word. */
export function breakable(text: string): string {
  return text.replace(/\//g, '/\u200b');
}

/** A moved figure's value as the pack's "changes since the last pack" table prints it. */
export function moveValue(
  m: { unit: 'money' | 'ratio' | string },
  v: number | null,
  currency: string,
): string {
  return m.unit === 'money' ? money(v, currency) : pct(v);
}
