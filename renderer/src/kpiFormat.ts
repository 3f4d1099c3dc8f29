import type { KpiUnit } from '../../shared/domain';
import { kpiFormatter as kitKpiFormatter, kpiTarget, kpiValue, type KpiScale } from '../../shared/format/kpi';

/** A value in a KPI unit (no target to scale a ratio by), as the kit writes it everywhere (shared/format/kpi.ts). */
export function formatKpiValue(unit: KpiUnit, value: number | null, currency: string): string {
  return kpiValue(value, { unit, target: 0, tolerance: null }, currency);
}

/** "≥ 15.0%", "≤ 120.0 days", "0.0% ± 5.0%" (the screens name a direction by its symbol). */
export function formatKpiTarget(kpi: KpiScale, currency: string): string {
  return kpiTarget(kpi, currency, { comparator: 'symbol' });
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
export const kpiFormatter = kitKpiFormatter;
