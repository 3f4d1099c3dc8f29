import { microToCents } from '../../shared/money';

/** Formats micro-units as money in the reporting currency (rounded to cents half away from zero first). */
export function formatMoney(micro: number, currency: string, options: { compact?: boolean } = {}): string {
  const major = microToCents(micro) / 100;
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    ...(options.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  }).format(major);
}

/** Formats a major-unit amount (already rounded to cents by the report model). */
export function formatMajor(
  major: number | null,
  currency: string,
  options: { compact?: boolean } = {},
): string {
  if (major === null) return '—';
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    ...(options.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  }).format(major);
}

export function formatPct(fraction: number | null, digits = 1): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(undefined, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fraction);
}

export function formatNumber(value: number | null, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(value);
}
