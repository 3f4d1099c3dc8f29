import type { KpiUnit } from '../../shared/domain';
import { kpiRatioDigits } from '../../shared/kpiPrecision';
import type { KpiReport } from '../../shared/report';
import { formatNumber, formatPct } from './format';

/**
 * A KPI value in its unit: ratios as percentages (with the KPI's decimals, `kpiRatioDigits`), currency
 * with enough decimals for unit costs.
 */
export function formatKpiValue(
  unit: KpiUnit,
  value: number | null,
  currency: string,
  ratioDigits = 1,
): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ratio':
      return formatPct(value, ratioDigits);
    case 'currency': {
      const small = Math.abs(value) < 10;
      return new Intl.NumberFormat(undefined, {
        style: 'currency',
        currency,
        minimumFractionDigits: 2,
        maximumFractionDigits: small ? 4 : 2,
      }).format(value);
    }
    case 'days':
      return `${formatNumber(value, 1)} days`;
    case 'hours':
      return `${formatNumber(value, 1)} h`;
    case 'count':
      return formatNumber(value, 1);
    case 'score':
      return formatNumber(value, 1);
  }
}

/** "≥ 15.0%", "≤ 120 days", "0.0% ± 5.0%". */
export function formatKpiTarget(
  kpi: Pick<KpiReport, 'unit' | 'direction' | 'target' | 'tolerance'>,
  currency: string,
): string {
  const digits = kpiRatioDigits(kpi);
  const t = formatKpiValue(kpi.unit, kpi.target, currency, digits);
  if (kpi.direction === 'higher') return `≥ ${t}`;
  if (kpi.direction === 'lower') return `≤ ${t}`;
  return `${t} ± ${formatKpiValue(kpi.unit, kpi.tolerance ?? 0, currency, digits)}`;
}

/** Input value for editing: ratios are edited as percentages. */
export function toEditValue(unit: KpiUnit, value: number | null): string {
  if (value === null) return '';
  return unit === 'ratio' ? String(Math.round(value * 100 * 1e6) / 1e6) : String(value);
}

export function fromEditValue(unit: KpiUnit, text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(n)) return null;
  return unit === 'ratio' ? Math.round((n / 100) * 1e9) / 1e9 : n;
}

export function unitSuffix(unit: KpiUnit, currency: string): string {
  return { ratio: '%', currency, count: '', days: 'days', hours: 'hours', score: 'points' }[unit];
}

/** A KPI's values (its own, previous, history) formatted with its unit and decimals. */
export function kpiFormatter(
  kpi: Pick<KpiReport, 'unit' | 'target' | 'tolerance'>,
  currency: string,
): (value: number | null) => string {
  const digits = kpiRatioDigits(kpi);
  return (value) => formatKpiValue(kpi.unit, value, currency, digits);
}
