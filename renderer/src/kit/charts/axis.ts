import { FIGURE_LOCALE } from '../../../../shared/format/locale';
import { compactMoney, money } from '../../../../shared/format/money';
import { majorToMicro, microToCents } from '../../../../shared/money';

/** Tick and tooltip formatters shared by the charts: the kit's money (shared/format), compact on axes. */
export function moneyTick(currency: string): (value: number | string) => string {
  return (value) => compactMoney(Number(value), currency);
}

/** A chart value in major units (already rounded to cents: chartMajor) as the tables write it. */
export function moneyFull(currency: string): (value: number) => string {
  return (value) => money(majorToMicro(value), currency);
}

export function percentTick(digits = 0): (value: number | string) => string {
  const fmt = new Intl.NumberFormat(FIGURE_LOCALE, { style: 'percent', maximumFractionDigits: digits });
  return (value) => fmt.format(Number(value));
}

/** "2026-07" → "Jul 2026" (or "Jul" when short). */
export function monthLabel(month: string, short = false): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y!, (m ?? 1) - 1, 1));
  return new Intl.DateTimeFormat(FIGURE_LOCALE, {
    month: 'short',
    ...(short ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(d);
}

/**
 * Category labels for consecutive months: short month names, with the year under the first month and
 * under every January, so an 18-month axis is never ambiguous ("Apr … Dec, Jan 2026 … Sep").
 */
export function monthTickLabels(months: readonly string[]): (string | string[])[] {
  return months.map((m, i) => {
    if (!/^\d{4}-\d{2}$/.test(m)) return m; // not a month (e.g. a quarter label): as it is
    return i === 0 || m.endsWith('-01') ? [monthLabel(m, true), m.slice(0, 4)] : monthLabel(m, true);
  });
}

/** Money in micro-units as a chart value: major units rounded to the cent (exact on the tooltip's way back). */
export function chartMajor(micro: number): number {
  return microToCents(micro) / 100;
}
