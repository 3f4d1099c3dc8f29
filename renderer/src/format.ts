/**
 * The screens' names for the kit's figure formatters (shared/format/: one locale, exact money, the same
 * words and decimals as the PDF, the deck and the workbook), and the screen-only date formats.
 */
import type { Stage } from '../../shared/domain';
import { compactMoney, exactMoney, money, signedMoney } from '../../shared/format/money';
import { num, pct, signedPct } from '../../shared/format/number';
import { irrPhrase, payback } from '../../shared/format/returns';
import { FIGURE_LOCALE } from '../../shared/format/locale';
import { majorToMicro, microToCents } from '../../shared/money';

/** Micro-units as money in the reporting currency, to the cent ("compact" for asides: "$1.2M"). */
export function formatMoney(micro: number, currency: string, options: { compact?: boolean } = {}): string {
  return options.compact ? compactMoney(microToCents(micro) / 100, currency) : money(micro, currency);
}

/** Micro-units exactly, as stored: at least 2 decimals, up to 6 ("$0.000123", "$1,200.50"). */
export const formatExactMoney = exactMoney;

/** A major-unit amount (already rounded to cents by whoever sent it). */
export function formatMajor(
  major: number | null,
  currency: string,
  options: { compact?: boolean } = {},
): string {
  if (major === null) return '—';
  return options.compact ? compactMoney(major, currency) : money(majorToMicro(major), currency);
}

export const formatPct = pct;
export const formatNumber = num;
export const formatSignedPct = signedPct;

/** Money with an explicit sign (+ over, − under), for variances. */
export function formatSignedMoney(micro: number, currency: string): string {
  return signedMoney(micro, currency);
}

/** An annual IRR as a phrase: "45.7% a year", "n/m (over 1,000% a year)", "not defined". */
export const formatIrr = irrPhrase;

/** Payback months: "5 mo" in tables, "5 months" in tiles; "Not yet", or "n/a" for a retired initiative. */
export function formatPayback(
  months: number | null,
  style: 'short' | 'long' = 'short',
  stage: Stage | null = null,
): string {
  return payback(months, stage, style);
}

/** Micro-units → major units for charts (rounded to cents first, like every displayed figure). */
export function chartMajor(micro: number): number {
  return microToCents(micro) / 100;
}

/** "Jul – Sep 2026" for a quarter's months. */
export function formatMonthSpan(months: readonly string[]): string {
  if (months.length === 0) return '';
  const fmt = (m: string, withYear: boolean) => {
    const [y, mo] = m.split('-').map(Number);
    return new Intl.DateTimeFormat(FIGURE_LOCALE, {
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y!, (mo ?? 1) - 1, 1)));
  };
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  return `${fmt(first, !sameYear)} – ${fmt(last, true)}`;
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(FIGURE_LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** "2025-07-21" → "Jul 21, 2025" in the user's locale (dates are calendar dates: no time zone shift). */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return new Intl.DateTimeFormat(FIGURE_LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))),
  );
}
