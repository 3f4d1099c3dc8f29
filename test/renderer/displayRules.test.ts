import { describe, expect, it } from 'vitest';
import { irrNotMeaningful } from '../../shared/export/irrShown';
import { BUILTIN_KPIS } from '../../shared/kpiCatalog';
import { kpiRatioDigits } from '../../shared/kpiPrecision';
import { formatExactMoney, formatIrr } from '../../renderer/src/format';
import { formatKpiTarget, kpiFormatter } from '../../renderer/src/kpiFormat';

describe('display rules shared by the screens, the PDF and the workbook', () => {
  it('a ratio KPI whose limit is under 1% shows 3 decimals, so 0.098% is told from its 0.1% limit', () => {
    const safety = BUILTIN_KPIS.find((k) => /safety/i.test(k.name))!;
    expect(safety.unit).toBe('ratio');
    expect(kpiRatioDigits(safety)).toBe(3);
    const f = kpiFormatter(safety, 'USD');
    expect(f(0.00098)).toBe('0.098%');
    expect(f(0.00145)).toBe('0.145%');
    expect(formatKpiTarget(safety, 'USD')).toBe(`≤ ${f(safety.target)}`);
    expect(f(safety.target)).not.toBe(f(0.00098));
  });

  it('other ratio KPIs keep 1 decimal; a band KPI with a tolerance under 1% gets 3', () => {
    const adoption = { unit: 'ratio' as const, target: 0.6, tolerance: null };
    expect(kpiRatioDigits(adoption)).toBe(1);
    expect(kpiFormatter(adoption, 'USD')(0.57234)).toBe('57.2%');
    expect(kpiRatioDigits({ unit: 'ratio', target: 0, tolerance: 0.005 })).toBe(3);
    expect(kpiRatioDigits({ unit: 'ratio', target: 0, tolerance: 0.05 })).toBe(1);
    expect(kpiRatioDigits({ unit: 'days', target: 0.5, tolerance: null })).toBe(1);
  });

  it('an IRR above 1,000% a year is shown as n/m; below, as a percentage', () => {
    expect(irrNotMeaningful(160.79)).toBe(true);
    expect(irrNotMeaningful(10)).toBe(false);
    expect(irrNotMeaningful(null)).toBe(false);
    expect(formatIrr(160.79)).toBe('n/m (over 1,000% a year)');
    expect(formatIrr(0.4567)).toBe('45.7% a year');
    expect(formatIrr(null)).toBe('not defined');
  });

  it('an amount in the import preview is shown as stored, to the micro-unit', () => {
    expect(formatExactMoney(123, 'USD')).toBe('$0.000123');
    expect(formatExactMoney(1_200_500_000, 'USD')).toBe('$1,200.50');
    expect(formatExactMoney(-4_567_891, 'EUR')).toBe('-€4.567891');
  });
});
