import { describe, expect, it } from 'vitest';
import { compactMoney, exactMoney, money, signedMoney } from '../../../shared/format/money';
import { num, pct, points, signedPct } from '../../../shared/format/number';
import { irrPct, irrPhrase, payback } from '../../../shared/format/returns';
import { kpiTarget, kpiValue } from '../../../shared/format/kpi';

describe('the kit formats each figure one way for the screens, the PDF, the deck and the workbook', () => {
  it('money is written from the exact micro-units, to the cent or (for board pages later) whole units', () => {
    expect(money(1_870_660_604_999, 'USD')).toBe('$1,870,660.60');
    expect(money(1_870_660_605_000, 'USD')).toBe('$1,870,660.61');
    expect(money(-1_529_045_000, 'USD')).toBe('-$1,529.05');
    expect(money(-4_999, 'USD')).toBe('$0.00');
    expect(money(1_870_660_500_000, 'USD', { precision: 'units' })).toBe('$1,870,661');
    expect(money(-1_500_000, 'EUR', { precision: 'units' })).toBe('-€2');
    // Beyond 2^53 cents' float range the digits stay exact: 9,007,199,254.740991 units.
    expect(money(9_007_199_254_740_991, 'USD')).toBe('$9,007,199,254.74');
    expect(signedMoney(95_160_600_000, 'USD')).toBe('+$95,160.60');
    expect(signedMoney(4_000, 'USD')).toBe('$0.00');
    expect(exactMoney(123, 'USD')).toBe('$0.000123');
    expect(exactMoney(1_200_500_000, 'USD')).toBe('$1,200.50');
  });

  it('compact money (axes, asides) drops a zero decimal in Node as in Chromium: the deck and the screens agree', () => {
    expect(compactMoney(1_991_244.97, 'USD')).toBe('$2M');
    expect(compactMoney(1_953_272.76, 'USD')).toBe('$2M');
    expect(compactMoney(411_778.67, 'USD')).toBe('$411.8K');
    expect(compactMoney(-428_212.93, 'USD')).toBe('-$428.2K');
    expect(compactMoney(1_500_000, 'USD')).toBe('$1.5M');
  });

  it('percentages group thousands and never print "-0.0%"', () => {
    expect(pct(0.1857)).toBe('18.6%');
    expect(pct(12.345)).toBe('1,234.5%');
    expect(pct(-0.00001)).toBe('0.0%');
    expect(signedPct(0.042)).toBe('+4.2%');
    expect(signedPct(-0.00001)).toBe('0.0%');
    expect(points(0.012)).toBe('+1.2 pts');
    expect(num(1234.56)).toBe('1,235');
    expect(pct(null)).toBe('—');
  });

  it('payback and IRR: one word for each case', () => {
    expect(payback(7, 'production')).toBe('7 mo');
    expect(payback(7, 'production', 'long')).toBe('7 months');
    expect(payback(null, 'pilot')).toBe('Not yet');
    expect(payback(null, 'retired')).toBe('n/a');
    expect(irrPct(2.063)).toBe('206.3%');
    expect(irrPct(160.79)).toBe('n/m');
    expect(irrPhrase(0.457)).toBe('45.7% a year');
    expect(irrPhrase(null)).toBe('not defined');
  });

  it('a KPI target names its direction by symbol on screen and by word where the typeface lacks ≥', () => {
    const k = { unit: 'ratio', direction: 'higher', target: 0.15, tolerance: null } as const;
    expect(kpiTarget(k, 'USD', { comparator: 'symbol' })).toBe('≥ 15.0%');
    expect(kpiTarget(k, 'USD')).toBe('min 15.0%');
    const cost = { unit: 'currency', direction: 'lower', target: 1234.5, tolerance: null } as const;
    expect(kpiValue(-0.0443866, cost, 'USD')).toBe('-$0.0444');
    expect(kpiTarget(cost, 'USD', { comparator: 'symbol' })).toBe('≤ $1,234.5000');
  });
});
