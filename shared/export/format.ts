/**
 * Text formatting for the briefing pack (PDF, deck, workbook text). The figures themselves — money,
 * percentages, KPI values and targets, payback and IRR — are the kit's (shared/format/), the same the
 * screens use; this module re-exports them for the pack's callers and adds what only the pack prints
 * (long dates, commentary lines).
 */
import { BOARD_PRECISION, money, signedMoney, type MoneyPrecision } from '../format/money';
import { pct } from '../format/number';
import { KIND_LABEL as DATA_KIND_LABEL } from '../labels';

export { currencySymbol, money, signedMoney, compactMoney, type MoneyPrecision } from '../format/money';
export { pct, signedPct, num, points } from '../format/number';
export { kpiDigits, kpiValue, kpiTarget, type KpiScale } from '../format/kpi';
export { irrPct, payback } from '../format/returns';

/**
 * Under every table with a total row: totals are the exact sums of the micro-unit figures, each row is
 * rounded to the cent on its own, so the rows shown can differ from the total by a cent.
 */
export const TOTALS_NOTE =
  'Totals are computed from unrounded amounts; rows may not add to the total by a cent.';

export { BOARD_PRECISION };

/** Money in whole units on a board page (BOARD_PRECISION). */
export function boardMoney(micro: number | null, currency: string): string {
  return money(micro, currency, BOARD_PRECISION);
}

export function boardSignedMoney(micro: number | null, currency: string): string {
  return signedMoney(micro, currency, BOARD_PRECISION);
}

/** "US dollars", "euros": the currency's plural name in English (its code when it has none). */
function currencyPlural(currency: string): string {
  try {
    const part = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'name' })
      .formatToParts(2)
      .find((p) => p.type === 'currency');
    return part?.value ?? currency;
  } catch {
    return currency;
  }
}

/** The footnote of a board page or table in whole units: "Whole US dollars; totals rounded independently, …". */
export function wholeUnitsNote(currency: string): string {
  return `Whole ${currencyPlural(currency)}; totals rounded independently from the exact amounts, so rows may not add to the total. Cents are in the workbook.`;
}

export { STATUS_LABEL, TREND_LABEL } from '../labels';

/** The words for an import's kind (shared/labels.ts), looked up by a batch's stored kind text. */
export const KIND_LABEL: Readonly<Record<string, string>> = DATA_KIND_LABEL;

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

/** Lets long names break after a slash ("Hallucination/Incorrectness Rate") instead of mid-word. */
export function breakable(text: string): string {
  return text.replace(/\//g, '/\u200b');
}

/** A moved figure's value as the pack's "changes since the last pack" table prints it. */
export function moveValue(
  m: { unit: 'money' | 'ratio' | string },
  v: number | null,
  currency: string,
  precision: MoneyPrecision = 'cents',
): string {
  return m.unit === 'money' ? money(v, currency, { precision }) : pct(v);
}
