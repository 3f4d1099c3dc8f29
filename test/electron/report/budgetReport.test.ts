import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/report/buildReport';
import type { SpendCategory } from '../../../shared/domain';
import type { ReportModel } from '../../../shared/report';
import { m, TestWorkspace } from './builder';

describe('budget variance on the 5% and 10% edges, both signs (January fiscal year)', () => {
  const w = new TestWorkspace();
  let r: ReportModel;
  // Quarter budget 10,000.00 per category (spread over the 3 months); actuals chosen on and just past the edges.
  const actuals: Record<SpendCategory, string> = {
    platform: '10500.00', // +5%   green
    model_api: '9500.00', // −5%   green
    compute: '11000.00', // +10%  amber
    labor: '9000.00', // −10%  amber
    tooling: '10500.01', // +5.0001% amber
    other: '8999.99', // −10.0001% red
  };
  beforeAll(() => {
    const budget: { month: string; amount: string; category: SpendCategory }[] = [];
    for (const category of Object.keys(actuals) as SpendCategory[]) {
      for (const [month, amount] of [
        ['2026-07', '3000.00'],
        ['2026-08', '3000.00'],
        ['2026-09', '4000.00'],
      ] as const) {
        budget.push({ month, amount, category });
      }
      // the rest of the fiscal year: 1,000.00 a month in Jan–Jun and Oct–Dec
      for (const month of [
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-10',
        '2026-11',
        '2026-12',
      ]) {
        budget.push({ month, amount: '1000.00', category });
      }
    }
    w.budget(budget);
    w.spend(
      (Object.entries(actuals) as [SpendCategory, string][]).map(([category, amount]) => ({
        date: '2026-08-15',
        amount,
        category,
        vendor: category === 'compute' ? 'AWS' : 'Misc',
      })),
    );
    w.spend([
      { date: '2026-02-10', amount: '1234.56', category: 'labor' },
      { date: '2025-12-31', amount: '5555.55', category: 'labor' }, // previous fiscal year
      { date: '2026-10-01', amount: '7777.77', category: 'labor' }, // after the period
    ]);
    r = buildReport(w.db, 'FY2026-Q3');
  });
  afterAll(() => w.close());

  it('gives each category its status, edges inclusive', () => {
    const status = Object.fromEntries(r.budget.byCategory.map((c) => [c.category, c.status]));
    expect(status).toEqual({
      platform: 'green',
      model_api: 'green',
      compute: 'amber',
      labor: 'amber',
      tooling: 'amber',
      other: 'red',
    });
    const pct = Object.fromEntries(r.budget.byCategory.map((c) => [c.category, c.variancePct.value]));
    expect(pct.platform).toBe(0.05);
    expect(pct.model_api).toBe(-0.05);
    expect(pct.compute).toBe(0.1);
    expect(pct.labor).toBe(-0.1);
    const other = r.budget.byCategory.find((c) => c.category === 'other')!;
    expect(other.variance.micro).toBe(m('8999.99') - m('10000.00'));
  });

  it('totals the quarter: budget, actual, variance, status', () => {
    expect(r.budget.budget.micro).toBe(m('60000.00'));
    // 10500 + 9500 + 11000 + 9000 + 10500.01 + 8999.99 = 59500.00
    expect(r.budget.actual.micro).toBe(m('59500.00'));
    expect(r.budget.variance.micro).toBe(m('-500.00'));
    expect(r.budget.variancePct.value).toBeCloseTo(-500 / 60000, 15);
    expect(r.budget.status).toBe('green');
  });

  it('forecasts the year end from fiscal-YTD actual and the last 3 complete months', () => {
    // YTD Jan–Sep: 59500.00 + 1234.56 = 60734.56; last 3 months Jul–Sep = 59500.00 → mean 19833.333… × 3 months left
    expect(r.budget.ytdActual.micro).toBe(m('60734.56'));
    expect(r.budget.monthsLeftInYear).toBe(3);
    expect(r.budget.forecastYearEnd.micro).toBe(m('60734.56') + m('59500.00'));
    // annual budget: 6 categories × (10000 + 9 × 1000)
    expect(r.budget.annualBudget.micro).toBe(m('114000.00'));
    expect(r.budget.forecastVariance.micro).toBe(m('120234.56') - m('114000.00'));
    expect(r.budget.forecastStatus).toBe('amber'); // 6234.56 / 114000 = 5.47%
  });

  it('monthly series covers the fiscal year, actuals only up to the period end', () => {
    expect(r.budget.monthly.map((x) => x.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    const aug = r.budget.monthly[7]!;
    expect(aug.budget).toBe(m('18000.00'));
    expect(aug.actual).toBe(m('59500.00'));
    expect(r.budget.monthly[9]!.actual).toBeNull();
    expect(r.budget.monthly[11]!.cumulativeBudget).toBe(m('114000.00'));
    expect(r.budget.monthly[8]!.cumulativeActual).toBe(m('60734.56'));
  });

  it('lists spend by vendor, biggest first, summing to the actual', () => {
    expect(r.budget.byVendor.map((v) => v.label)).toEqual(['Misc', 'AWS']);
    expect(r.budget.byVendor.reduce((s, v) => s + v.actual.micro, 0)).toBe(r.budget.actual.micro);
  });
});

describe('a budgeted quarter no spend has been reported for yet', () => {
  const w = new TestWorkspace();
  afterAll(() => w.close());
  beforeAll(() => {
    const months = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
    w.budget(months.map((month) => ({ month, amount: '1000.00', category: 'model_api' as const })));
    w.spend([
      { date: '2026-07-10', amount: '900.00', category: 'model_api' },
      { date: '2026-09-10', amount: '1300.00', category: 'model_api' },
    ]);
  });

  it('is "no data", with the reason, not −100% off track; the last reported quarter is scored as before', () => {
    const q4 = buildReport(w.db, 'FY2026-Q4');
    expect(q4.budget.actual.micro).toBe(0);
    expect(q4.budget.variancePct.value).toBe(-1);
    expect(q4.budget.status).toBe('no_data');
    expect(q4.budget.byCategory.find((c) => c.category === 'model_api')!.status).toBe('no_data');
    expect(q4.budget.forecastStatus).toBe('no_data');
    expect(q4.explanations[q4.budget.variancePct.explain]!.notes.join(' ')).toMatch(
      /No spend is reported for FY2026-Q4 yet \(spend data runs through 2026-09\)/,
    );
    const tokens = q4.kpis.find((k) => k.id === 'token_budget_variance')!;
    expect(tokens.value).toBeNull();
    expect(tokens.status).toBe('no_data');

    // Q3 has spend: 2,200.00 against 3,000.00 is −26.7%, scored red as ever.
    const q3 = buildReport(w.db, 'FY2026-Q3');
    expect(q3.budget.status).toBe('red');
    expect(q3.kpis.find((k) => k.id === 'token_budget_variance')!.value).toBeCloseTo(-800 / 3000, 12);
  });
});
