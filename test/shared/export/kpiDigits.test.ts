import { describe, expect, it } from 'vitest';
import { kpiDigits, kpiTarget, kpiValue, type KpiScale } from '../../../shared/export/format';

const ratio = (
  direction: KpiScale['direction'],
  target: number,
  tolerance: number | null = null,
): KpiScale => ({
  unit: 'ratio',
  direction,
  target,
  tolerance,
});

describe('KPI decimals: one rule for value, target and changes', () => {
  it('a ratio KPI whose target is below 1% is shown to 3 decimals in percent, others to 1', () => {
    const safety = ratio('lower', 0.001);
    expect(kpiDigits(safety)).toBe(3);
    expect(kpiValue(0.000983333333333333, safety, 'USD')).toBe('0.098%');
    expect(kpiValue(0.00145, safety, 'USD')).toBe('0.145%');
    expect(kpiTarget(safety, 'USD')).toBe('max 0.100%');
    // At the boundary |target| = 1% the ordinary rule applies.
    expect(kpiDigits(ratio('higher', 0.01))).toBe(1);
    expect(kpiDigits(ratio('higher', -0.005))).toBe(3);
    // A zero target says nothing about scale: one decimal ("max 0.0%").
    expect(kpiDigits(ratio('lower', 0))).toBe(1);
    expect(kpiValue(0.1857, ratio('higher', 0.15), 'USD')).toBe('18.6%');
    expect(kpiTarget(ratio('higher', 0.15), 'USD')).toBe('min 15.0%');
  });

  it('band KPIs go by their tolerance, not their (often zero) target', () => {
    const variance = ratio('band', 0, 0.05);
    expect(kpiDigits(variance)).toBe(1);
    expect(kpiTarget(variance, 'USD')).toBe('0.0% ± 5.0%');
    const tight = ratio('band', 0.2, 0.005);
    expect(kpiDigits(tight)).toBe(3);
    expect(kpiTarget(tight, 'USD')).toBe('20.000% ± 0.500%');
  });

  it('other units keep their decimals', () => {
    const k = (unit: KpiScale['unit']): KpiScale => ({
      unit,
      direction: 'lower',
      target: 2,
      tolerance: null,
    });
    expect(kpiValue(6, k('count'), 'USD')).toBe('6');
    expect(kpiValue(8.466666, k('hours'), 'USD')).toBe('8.5 h');
    expect(kpiValue(248.5, k('days'), 'USD')).toBe('248.5 days');
    expect(kpiValue(0.0443866, k('currency'), 'USD')).toBe('$0.0444');
    expect(kpiValue(4.2, k('score'), 'USD')).toBe('4.2');
  });
});
