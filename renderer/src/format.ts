import { IRR_MEANINGFUL_MAX, IRR_NOT_MEANINGFUL, irrNotMeaningful } from '../../shared/export/irrShown';
import type { Stage } from '../../shared/domain';
import { memo } from '../../shared/memo';
import { microToCents } from '../../shared/money';

// Formatters in the user's locale, built once per currency/precision (keys: "USD", "USD compact", "1 signed").
const moneyFormat = memo((key) => {
  const [currency, variant] = key.split(' ');
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    ...(variant === 'compact' ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
    ...(variant === 'signed' ? { signDisplay: 'exceptZero' } : {}),
  });
});
const exactMoneyFormat = memo(
  (currency) =>
    new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 6,
    }),
);
const pctFormat = memo((key) => {
  const [digits, variant] = key.split(' ');
  return new Intl.NumberFormat(undefined, {
    style: 'percent',
    minimumFractionDigits: Number(digits),
    maximumFractionDigits: Number(digits),
    ...(variant === 'signed' ? { signDisplay: 'exceptZero' } : {}),
  });
});
const numberFormat = memo(
  (digits) => new Intl.NumberFormat(undefined, { maximumFractionDigits: Number(digits) }),
);

/** Formats micro-units as money in the reporting currency (rounded to cents half away from zero first). */
export function formatMoney(micro: number, currency: string, options: { compact?: boolean } = {}): string {
  return formatMajor(microToCents(micro) / 100, currency, options);
}

/** Micro-units exactly, as stored: at least 2 decimals, up to 6 ("$0.000123", "$1,200.50"). */
export function formatExactMoney(micro: number, currency: string): string {
  return exactMoneyFormat(currency).format(micro / 1e6);
}

/** Formats a major-unit amount (already rounded to cents by the report model). */
export function formatMajor(
  major: number | null,
  currency: string,
  options: { compact?: boolean } = {},
): string {
  if (major === null) return '—';
  return moneyFormat(options.compact ? `${currency} compact` : currency).format(major);
}

export function formatPct(fraction: number | null, digits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return pctFormat(String(digits)).format(fraction);
}

export function formatNumber(value: number | null, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return numberFormat(String(digits)).format(value);
}

/**
 * An annual IRR as a phrase: "45.7% a year"; "n/m (over 1,000% a year)" above the meaningful limit
 * (shared/export/irrShown.ts; the rate is in its explanation); "not defined" when no single rate exists.
 */
export function formatIrr(annual: number | null, digits = 1): string {
  if (annual === null || !Number.isFinite(annual)) return 'not defined';
  if (irrNotMeaningful(annual))
    return `${IRR_NOT_MEANINGFUL} (over ${formatPct(IRR_MEANINGFUL_MAX, 0)} a year)`;
  return `${formatPct(annual, digits)} a year`;
}

/**
 * Payback months as shown everywhere: "Not yet" until it is reached ("n/a" for a retired initiative, which
 * never will); "5 mo" in tables, "5 months" in tiles.
 */
export function formatPayback(
  months: number | null,
  style: 'short' | 'long' = 'short',
  stage: Stage | null = null,
): string {
  if (months === null) return stage === 'retired' ? 'n/a' : 'Not yet';
  return `${formatNumber(months)} ${style === 'short' ? 'mo' : 'months'}`;
}

/** Money with an explicit sign (+ over, − under), for variances. */
export function formatSignedMoney(micro: number, currency: string): string {
  return moneyFormat(`${currency} signed`).format(microToCents(micro) / 100);
}

export function formatSignedPct(fraction: number | null, digits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return pctFormat(`${digits} signed`).format(fraction);
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
    return new Intl.DateTimeFormat(undefined, {
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
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** "2025-07-21" → "Jul 21, 2025" in the user's locale (dates are calendar dates: no time zone shift). */
export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))),
  );
}
