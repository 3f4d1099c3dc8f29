import type { KpiUnit } from './domain';

/**
 * Decimals of a ratio KPI shown as a percentage: 3 when its target (or, for a band KPI, its tolerance) is
 * under 1%, else 1. A rate whose limit is 0.1% must show 0.098% against it: at 1 decimal both read "0.1%"
 * and a status change would show no visible change. One rule for the screens, the PDF and the workbook.
 */
export function kpiRatioDigits(k: { unit: KpiUnit; target: number; tolerance: number | null }): number {
  if (k.unit !== 'ratio') return 1;
  const small = (x: number | null) => x !== null && x !== 0 && Math.abs(x) < 0.01;
  return small(k.target) || small(k.tolerance) ? 3 : 1;
}
