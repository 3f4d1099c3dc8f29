import type { Explanation, ExplanationInput } from '../../../shared/report';
import { monthLabel } from '../kit/charts/axis';
import { formatMoney, formatNumber, formatPct } from '../format';
import { STATUS_LABEL } from '../labels';

/** The figure of an explanation in its unit. */
export function formatResult(e: Explanation, currency: string): string {
  const r = e.result;
  if (r === null) return e.unit === 'months' ? 'Not reached yet' : e.unit === 'ratio' ? 'Not defined' : '—';
  if (typeof r === 'string') {
    if (e.unit === 'status' && r in STATUS_LABEL) return STATUS_LABEL[r as keyof typeof STATUS_LABEL];
    if (e.unit === 'month' && /^\d{4}-\d{2}$/.test(r)) return monthLabel(r);
    return r;
  }
  switch (e.unit) {
    case 'money':
      return formatMoney(r, currency);
    case 'ratio':
      return formatPct(r, Math.abs(r) < 0.01 && r !== 0 ? 2 : 1);
    case 'months':
      return `${formatNumber(r)} ${r === 1 ? 'month' : 'months'}`;
    case 'days':
      return `${formatNumber(r, 1)} days`;
    case 'count':
      return formatNumber(r);
    default:
      return formatNumber(r, 4);
  }
}

/** An input's value: money when it has micro-units, else its value as given. */
export function formatInput(input: ExplanationInput, currency: string): string {
  if (input.micro !== undefined) return formatMoney(input.micro, currency);
  const v = input.value;
  if (v === undefined || v === null) return '—';
  if (typeof v === 'number' && input.unit === 'ratio') return formatPct(v, Math.abs(v) < 0.01 ? 3 : 1);
  if (typeof v === 'number') return Number.isInteger(v) ? formatNumber(v) : formatNumber(v, 6);
  return v;
}
