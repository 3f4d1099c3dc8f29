import { describe, expect, it } from 'vitest';
import type { KpiObservation } from '../../../shared/domain';
import { checkAnomaly } from '../../../shared/metrics/anomaly';
import { budgetVariance, yearEndForecast } from '../../../shared/metrics/budget';
import { annualRateFromMonthly, irr, monthlyRateFromAnnual, npv } from '../../../shared/metrics/cashflow';
import { aggregateQuarter } from '../../../shared/metrics/kpiAggregate';
import { kpiStatus, kpiTrend } from '../../../shared/metrics/kpiStatus';
import { paybackMonths, roi } from '../../../shared/metrics/roi';
import { budgetExhaustion, monthlyBurn } from '../../../shared/metrics/runRate';
import { costPerAction, relativeChange } from '../../../shared/metrics/unitEconomics';
import { m } from '../../electron/report/builder';

const T = { green: 0.05, amber: 0.1 };

describe('budget variance status (edges inclusive, both signs)', () => {
  it.each([
    ['10500', '10000', 'green', 0.05],
    ['9500', '10000', 'green', -0.05],
    ['11000', '10000', 'amber', 0.1],
    ['9000', '10000', 'amber', -0.1],
    ['10500.000001', '10000', 'amber', null],
    ['8999.999999', '10000', 'red', null],
    ['11000.000001', '10000', 'red', null],
    ['10000', '10000', 'green', 0],
  ])('actual %s vs budget %s → %s', (actual, budget, status, pct) => {
    const v = budgetVariance(m(actual), m(budget), T);
    expect(v.status).toBe(status);
    expect(v.variance).toBe(m(actual) - m(budget));
    if (pct !== null) expect(v.variancePct).toBe(pct);
  });

  it('has no variance % without a budget; unbudgeted spend is red, nothing is "no data"', () => {
    expect(budgetVariance(m('10'), 0, T)).toEqual({ variance: m('10'), variancePct: null, status: 'red' });
    expect(budgetVariance(0, 0, T)).toEqual({ variance: 0, variancePct: null, status: 'no_data' });
  });

  it('uses the thresholds from the settings', () => {
    expect(budgetVariance(m('107'), m('100'), { green: 0.07, amber: 0.2 }).status).toBe('green');
    expect(budgetVariance(m('103'), m('100'), { green: 0.02, amber: 0.03 }).status).toBe('amber');
  });
});

describe('ROI and payback', () => {
  it('ROI = (benefit − cost) / cost, null without cost', () => {
    expect(roi(m('150'), m('100'))).toBe(0.5);
    expect(roi(m('50'), m('100'))).toBe(-0.5);
    expect(roi(m('50'), 0)).toBeNull();
  });

  it('payback counts the first month with spend as 1', () => {
    const f = (cost: string, benefit: string, lines = 1) => ({
      cost: m(cost),
      benefit: m(benefit),
      spendLines: lines,
    });
    expect(paybackMonths([f('100', '0'), f('0', '50'), f('0', '50')])).toBe(3);
    expect(paybackMonths([f('0', '500', 0), f('100', '0')])).toBe(1); // benefit before spend counts
    expect(paybackMonths([f('100', '0'), f('0', '99.999999')])).toBeNull();
    expect(paybackMonths([f('0', '0', 0), f('0', '0', 0)])).toBeNull(); // no spend at all
  });
});

describe('year-end forecast', () => {
  it('adds the mean of the last 3 complete months × months left, rounded once', () => {
    // YTD 1000.00 + (100 + 200 + 300.01)/3 × 6 = 1000 + 1200.02
    expect(yearEndForecast(m('1000'), [m('100'), m('200'), m('300.01')], 6)).toBe(m('2200.02'));
    // mean of 0.000001, 0, 0 × 1 month = 0.000000333… → 0
    expect(yearEndForecast(m('5'), [1, 0, 0], 1)).toBe(m('5'));
    // × 2 months = 0.000000666… → 0.000001 (half away from zero)
    expect(yearEndForecast(m('5'), [1, 0, 0], 2)).toBe(m('5.000001'));
    expect(yearEndForecast(m('-5'), [-1, 0, 0], 2)).toBe(m('-5.000001'));
    expect(yearEndForecast(m('7'), [m('1'), m('1'), m('1')], 0)).toBe(m('7'));
  });
});

describe('KPI status', () => {
  const higher = { direction: 'higher' as const, target: 0.8, amber: 0.6, tolerance: null };
  const lower = { direction: 'lower' as const, target: 120, amber: 180, tolerance: null };
  const band = { direction: 'band' as const, target: 0, amber: 0.1, tolerance: 0.05 };
  const bandAround1 = { direction: 'band' as const, target: 1, amber: 0.3, tolerance: 0.05 };

  it('higher-is-better at its thresholds', () => {
    expect(kpiStatus(higher, 0.8)).toBe('green');
    expect(kpiStatus(higher, 0.7999)).toBe('amber');
    expect(kpiStatus(higher, 0.6)).toBe('amber');
    expect(kpiStatus(higher, 0.5999)).toBe('red');
  });

  it('lower-is-better at its thresholds', () => {
    expect(kpiStatus(lower, 120)).toBe('green');
    expect(kpiStatus(lower, 120.5)).toBe('amber');
    expect(kpiStatus(lower, 180)).toBe('amber');
    expect(kpiStatus(lower, 180.01)).toBe('red');
    expect(kpiStatus(lower, 0)).toBe('green');
  });

  it('band KPIs by absolute distance, at the thresholds, both sides, without float surprises', () => {
    expect(kpiStatus(band, 0.05)).toBe('green');
    expect(kpiStatus(band, -0.05)).toBe('green');
    expect(kpiStatus(band, 0.1)).toBe('amber');
    expect(kpiStatus(band, -0.1)).toBe('amber');
    expect(kpiStatus(band, 0.1000001)).toBe('red');
    expect(kpiStatus(bandAround1, 1.05)).toBe('green'); // 1.05 − 1 is 0.05000000000000004 in binary
    expect(kpiStatus(bandAround1, 0.95)).toBe('green');
    expect(kpiStatus(bandAround1, 0.7)).toBe('amber'); // 1 − 0.7 = 0.30000000000000004 in binary
    expect(kpiStatus(bandAround1, 1.31)).toBe('red');
  });

  it('no value is "no data", never green', () => {
    expect(kpiStatus(higher, null)).toBe('no_data');
    expect(kpiStatus(lower, null)).toBe('no_data');
    expect(kpiStatus(band, null)).toBe('no_data');
  });

  it('trend in the good direction', () => {
    expect(kpiTrend(higher, 0.7, 0.6)).toBe('improving');
    expect(kpiTrend(higher, 0.6, 0.7)).toBe('worsening');
    expect(kpiTrend(lower, 100, 130)).toBe('improving');
    expect(kpiTrend(lower, 130, 100)).toBe('worsening');
    expect(kpiTrend(band, -0.02, 0.04)).toBe('improving');
    expect(kpiTrend(band, 0.04, -0.02)).toBe('worsening');
    expect(kpiTrend(band, 0.03, -0.03)).toBe('flat');
    expect(kpiTrend(higher, 0.7, 0.7)).toBe('flat');
    expect(kpiTrend(higher, 0.7, null)).toBe('no_data');
    expect(kpiTrend(higher, null, 0.7)).toBe('no_data');
  });
});

describe('quarter aggregation', () => {
  const obs = (periodEnd: string, value: number, segment: string | null = null): KpiObservation => ({
    kpiId: 'k',
    periodStart: `${periodEnd.slice(0, 7)}-01`,
    periodEnd,
    value,
    initiativeId: null,
    segment,
    batchId: 1,
    sourceRow: null,
  });
  const q = [obs('2026-08-31', 20), obs('2026-07-31', 10), obs('2026-09-30', 60)];

  it('last takes the latest period, mean averages, sum adds', () => {
    expect(aggregateQuarter('last', q).value).toBe(60);
    expect(aggregateQuarter('mean', q).value).toBe(30);
    expect(aggregateQuarter('sum', q).value).toBe(90);
    expect(aggregateQuarter('sum', []).value).toBeNull();
  });

  it('means and sums are exact on decimal thresholds', () => {
    const mean = aggregateQuarter('mean', [
      obs('2026-07-31', 0.04),
      obs('2026-08-31', 0.05),
      obs('2026-09-30', 0.06),
    ]).value;
    expect(mean).toBe(0.05); // (0.04 + 0.05 + 0.06) / 3 in binary floating point is 0.049999999999999996
    expect(kpiStatus({ direction: 'lower', target: 0.05, amber: 0.08, tolerance: null }, mean)).toBe('green');
    expect(aggregateQuarter('sum', [obs('2026-07-31', 0.1), obs('2026-08-31', 0.2)]).value).toBe(0.3);
    expect(
      aggregateQuarter('mean', [obs('2026-07-31', 1), obs('2026-08-31', 2), obs('2026-09-30', 2)]).value,
    ).toBeCloseTo(5 / 3, 15);
  });

  it('uses workspace-level values when present, else combines segments per period first', () => {
    const segs = [
      obs('2026-07-31', 1, 'EU'),
      obs('2026-07-31', 3, 'US'),
      obs('2026-08-31', 5, 'EU'),
      obs('2026-08-31', 7, 'US'),
    ];
    expect(aggregateQuarter('sum', segs).value).toBe(16);
    expect(aggregateQuarter('last', segs).value).toBe(6);
    expect(aggregateQuarter('mean', segs).value).toBe(4);
    expect(aggregateQuarter('sum', [...segs, obs('2026-09-30', 100)]).value).toBe(100);
  });
});

describe('NPV and IRR (textbook cash flows)', () => {
  it('NPV discounts flow t by (1 + r)^t', () => {
    // −10000 now, then 3000, 4200, 6800 at 10%: −10000 + 2727.2727… + 3471.0743… + 5108.9406… = 1307.2877…
    const expected = -10000 + 3000 / 1.1 + 4200 / 1.1 ** 2 + 6800 / 1.1 ** 3;
    expect(npv(0.1, [-10000, 3000, 4200, 6800])).toBeCloseTo(expected, 9);
    expect(npv(0.1, [-10000, 3000, 4200, 6800])).toBeCloseTo(1307.2878, 4);
  });

  it('IRR of Wikipedia’s example (−123400, 36200, 54800, 48100) is 5.96%', () => {
    const r = irr([-123400, 36200, 54800, 48100])!;
    expect(r).toBeCloseTo(0.0596, 4);
    expect(npv(r, [-123400, 36200, 54800, 48100])).toBeCloseTo(0, 6);
  });

  it('IRR of the spreadsheet examples: 8.66% and −2.12%', () => {
    expect(irr([-70000, 12000, 15000, 18000, 21000, 26000])).toBeCloseTo(0.086631, 5);
    expect(irr([-70000, 12000, 15000, 18000, 21000])).toBeCloseTo(-0.021245, 5);
  });

  it('IRR is null with no sign change or with two solutions, never made up', () => {
    expect(irr([100, 50, 20])).toBeNull();
    expect(irr([-100, -50])).toBeNull();
    expect(irr([0, 0])).toBeNull();
    // −100 + 230/(1+r) − 132/(1+r)² = 0 at r = 10% and r = 20%
    expect(npv(0.1, [-100, 230, -132])).toBeCloseTo(0, 9);
    expect(npv(0.2, [-100, 230, -132])).toBeCloseTo(0, 9);
    expect(irr([-100, 230, -132])).toBeNull();
  });

  it('with several sign changes: a unique IRR is found, three IRRs give null', () => {
    const flows = [-1000, 600, -100, 700];
    const r = irr(flows)!;
    expect(r).not.toBeNull();
    expect(npv(r, flows)).toBeCloseTo(0, 6);
    // (x − 0.8)(x − 0.9)(x − 0.95) with x = 1/(1 + r): IRRs of 25%, 11.1% and 5.26%
    expect(npv(0.25, [-684, 2335, -2650, 1000])).toBeCloseTo(0, 9);
    expect(irr([-684, 2335, -2650, 1000])).toBeNull();
  });

  it('converts the annual discount rate to monthly and the monthly IRR to annual', () => {
    expect(monthlyRateFromAnnual(0.1)).toBeCloseTo(0.00797414, 8);
    expect((1 + monthlyRateFromAnnual(0.1)) ** 12).toBeCloseTo(1.1, 12);
    expect(annualRateFromMonthly(0.01)).toBeCloseTo(0.12682503, 8);
    // 12 monthly payments of 100 for 1000 today: monthly IRR 2.9229%
    const monthly = irr([-1000, ...Array(12).fill(100)])!;
    expect(monthly).toBeCloseTo(0.029229, 5);
  });
});

describe('anomaly rule', () => {
  // baseline median 1000, MAD 50 (|dev| 0,100,100,0,50,50)
  const baseline = ['1000', '1100', '900', '1000', '1050', '950'].map(m);

  it('flags at the %-threshold and not a cent under it', () => {
    const rule = { madFactor: 3, minPct: 0.25, minAmount: m('200') };
    expect(checkAnomaly(m('1250'), baseline, rule).flagged).toBe(true);
    expect(checkAnomaly(m('1249.99'), baseline, rule).flagged).toBe(false);
    expect(checkAnomaly(m('750'), baseline, rule).flagged).toBe(true); // a drop
    expect(checkAnomaly(m('750.01'), baseline, rule).flagged).toBe(false);
  });

  it('needs strictly more than N MADs', () => {
    const rule = { madFactor: 3, minPct: 0, minAmount: 0 };
    expect(checkAnomaly(m('1150'), baseline, rule).flagged).toBe(false);
    expect(checkAnomaly(m('1150.000001'), baseline, rule).flagged).toBe(true);
    const c = checkAnomaly(m('1300'), baseline, rule);
    expect(c.median).toBe(m('1000'));
    expect(c.mad).toBe(m('50'));
    expect(c.madMultiple).toBe(6);
    expect(c.deviationPct).toBe(0.3);
  });

  it('needs the minimum amount', () => {
    const rule = { madFactor: 3, minPct: 0.25, minAmount: m('300') };
    expect(checkAnomaly(m('1299.99'), baseline, rule).flagged).toBe(false);
    expect(checkAnomaly(m('1300'), baseline, rule).flagged).toBe(true);
  });

  it('works on half-micro medians exactly (even baseline count)', () => {
    const c = checkAnomaly(3, [0, 0, 0, 1, 1, 1], { madFactor: 3, minPct: 0, minAmount: 0 });
    expect(c.median).toBe(0.5);
    expect(c.mad).toBe(0.5);
    expect(c.flagged).toBe(true); // |3 − 0.5| = 2.5 > 1.5
  });
});

describe('run-rate and budget exhaustion', () => {
  const ytd = [
    { month: '2026-01', actual: m('100') },
    { month: '2026-02', actual: m('100') },
    { month: '2026-03', actual: m('100') },
  ];
  it('burn is the mean of the last 3 complete months', () => {
    expect(monthlyBurn([m('100'), m('200'), m('300.01')])).toBe(m('200.003333'));
  });
  it('finds the month the annual budget runs out', () => {
    const base = {
      ytd,
      burnMonths: ytd.map((x) => x.actual),
      asOfMonth: '2026-03',
      fiscalYearEnd: '2026-12',
    };
    // 1000 − 300 = 700 left at 100/month → 7 months after March
    expect(budgetExhaustion({ ...base, annualBudget: m('1000') })).toEqual({
      month: '2026-10',
      status: 'within_year',
    });
    expect(budgetExhaustion({ ...base, annualBudget: m('1000.01') })).toEqual({
      month: '2026-11',
      status: 'within_year',
    });
    // 1000.01 left → ⌈10.0001⌉ = 11 months after March
    expect(budgetExhaustion({ ...base, annualBudget: m('1300.01') })).toEqual({
      month: '2027-02',
      status: 'after_year_end',
    });
    expect(budgetExhaustion({ ...base, annualBudget: m('200') })).toEqual({
      month: '2026-02',
      status: 'exhausted',
    });
    expect(budgetExhaustion({ ...base, annualBudget: 0 })).toEqual({ month: null, status: 'no_budget' });
    expect(budgetExhaustion({ ...base, annualBudget: m('1000'), burnMonths: [0, 0, 0] })).toEqual({
      month: null,
      status: 'no_burn',
    });
  });
});

describe('unit economics', () => {
  it('cost per key action and its relative change', () => {
    expect(costPerAction(m('500'), 10000)).toBe(0.05);
    expect(costPerAction(m('500'), 0)).toBeNull();
    expect(costPerAction(m('500'), null)).toBeNull();
    expect(relativeChange(0.04, 0.05)).toBeCloseTo(-0.2, 12);
    expect(relativeChange(0.04, null)).toBeNull();
  });
});
