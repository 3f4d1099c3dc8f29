import { kpiRatioDigits } from '../kpiPrecision';
import type { KpiScore } from '../report';
import { currencySymbol } from './money';
import { fixed, num, pct } from './number';

/** What decides how finely a KPI is shown: its unit, and for ratios the size of its target or tolerance. */
export type KpiScale = Pick<KpiScore, 'unit' | 'direction' | 'target' | 'tolerance'>;

/**
 * Decimals a KPI is shown with, for its value, target and changes alike (screens, PDF, deck, workbook):
 * ratios by shared/kpiPrecision.ts (3 decimals in percent when the target — or a band KPI's tolerance — is
 * under 1%, else 1); currency 4 (unit costs are fractions of a cent), counts 0, days, hours and scores 1.
 */
export function kpiDigits(k: Pick<KpiScale, 'unit' | 'target' | 'tolerance'>): number {
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
export function kpiValue(
  value: number | null,
  k: Pick<KpiScale, 'unit' | 'target' | 'tolerance'>,
  currency: string,
): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const digits = kpiDigits(k);
  switch (k.unit) {
    case 'ratio':
      return pct(value, digits);
    case 'currency': {
      const s = fixed(value, digits);
      return s.startsWith('-')
        ? `-${currencySymbol(currency)}${s.slice(1)}`
        : `${currencySymbol(currency)}${s}`;
    }
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

/**
 * How a target names its direction: "≥ 15.0%" / "≤ 2" (the screens), or "min 15.0%" / "max 2" where the
 * typeface lacks the symbols (the PDF's bundled Inter subset, the deck).
 */
export type TargetComparator = 'symbol' | 'word';

const COMPARATOR: Record<TargetComparator, { higher: string; lower: string }> = {
  symbol: { higher: '≥', lower: '≤' },
  word: { higher: 'min', lower: 'max' },
};

/** The target as a reader takes it: "min 15.0%" (green at or above), "≤ 120.0 days", "0.0% ± 5.0%". */
export function kpiTarget(
  k: KpiScale,
  currency: string,
  options: { comparator?: TargetComparator } = {},
): string {
  const t = kpiValue(k.target, k, currency);
  const words = COMPARATOR[options.comparator ?? 'word'];
  if (k.direction === 'higher') return `${words.higher} ${t}`;
  if (k.direction === 'lower') return `${words.lower} ${t}`;
  return k.tolerance === null ? t : `${t} ± ${kpiValue(k.tolerance, k, currency)}`;
}

/** A KPI's values (its own, previous, history) formatted with its unit and decimals. */
export function kpiFormatter(
  k: Pick<KpiScale, 'unit' | 'target' | 'tolerance'>,
  currency: string,
): (value: number | null) => string {
  return (value) => kpiValue(value, k, currency);
}
