import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/report/buildReport';
import type { ReportModel } from '../../../shared/report';
import { m, TestWorkspace } from './builder';

/** Fiscal year starting in July: FY2027 = July 2026 – June 2027; FY2027-Q3 = January–March 2027. */
describe('fiscal year starting in July, crossing calendar years', () => {
  const w = new TestWorkspace({ fiscalStartMonth: 7 });
  let r: ReportModel;
  beforeAll(() => {
    w.spend([
      { date: '2026-06-30', amount: '5000.00', category: 'compute' }, // FY2026: not in YTD
      { date: '2026-07-01', amount: '1000.00', category: 'compute' },
      { date: '2026-12-31', amount: '2000.00', category: 'compute' },
      { date: '2027-01-15', amount: '100.00', category: 'compute' },
      { date: '2027-02-15', amount: '200.00', category: 'model_api' },
      { date: '2027-03-31', amount: '300.01', category: 'compute' },
      { date: '2027-04-01', amount: '9999.00', category: 'compute' }, // after the period
    ]);
    const budget = [];
    for (const month of [
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
    ]) {
      budget.push({ month, amount: '1000.00', category: 'compute' as const });
    }
    budget.push({ month: '2026-06', amount: '777.00', category: 'compute' as const }); // FY2026
    w.budget(budget);
    r = buildReport(w.db, 'FY2027-Q3');
  });
  afterAll(() => w.close());

  it('labels the quarter and the fiscal year', () => {
    expect(r.period.months).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(r.period.start).toBe('2027-01-01');
    expect(r.period.end).toBe('2027-03-31');
    expect(r.period.fiscalYearStart).toBe('2026-07');
    expect(r.period.fiscalYearEnd).toBe('2027-06');
    expect(r.period.previous).toBe('FY2027-Q2');
  });

  it('sums the quarter and the fiscal YTD across the calendar year boundary', () => {
    expect(r.portfolio.cost.micro).toBe(m('100.00') + m('200.00') + m('300.01'));
    expect(r.budget.ytdActual.micro).toBe(m('1000.00') + m('2000.00') + m('600.01')); // 3600.01
    expect(r.budget.budget.micro).toBe(m('3000.00'));
    expect(r.budget.annualBudget.micro).toBe(m('12000.00'));
    expect(r.budget.ytdBudget.micro).toBe(m('9000.00'));
  });

  it('forecasts with the 3 months left (April–June)', () => {
    expect(r.budget.monthsLeftInYear).toBe(3);
    // 3600.01 + (600.01 / 3) × 3
    expect(r.budget.forecastYearEnd.micro).toBe(m('4200.02'));
  });

  it('run-rate and exhaustion month use the fiscal year', () => {
    expect(r.runRate.months).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(r.runRate.portfolio.monthlyBurn.micro).toBe(m('200.003333'));
    // 12000 − 3600.01 = 8399.99 left; ⌈8399.99 ÷ 200.00333…⌉ = 42 months after March 2027
    expect(r.runRate.portfolio.exhaustionMonth).toBe('2030-09');
    expect(r.runRate.portfolio.exhaustionStatus).toBe('after_year_end');
    const compute = r.runRate.byCategory.find((c) => c.category === 'compute')!;
    // compute burn (100 + 0 + 300.01)/3; budget 12000 − YTD 3400.01
    expect(compute.monthlyBurn.micro).toBe(m('133.336667'));
    const modelApi = r.runRate.byCategory.find((c) => c.category === 'model_api')!;
    expect(modelApi.exhaustionStatus).toBe('no_budget');
  });

  it('KPI history runs over six fiscal quarters ending with the period', () => {
    expect(r.kpis[0]!.history.map((h) => h.period)).toEqual([
      'FY2026-Q2',
      'FY2026-Q3',
      'FY2026-Q4',
      'FY2027-Q1',
      'FY2027-Q2',
      'FY2027-Q3',
    ]);
  });

  it('the budget monthly series starts in July', () => {
    expect(r.budget.monthly[0]!.month).toBe('2026-07');
    expect(r.budget.monthly[11]!.month).toBe('2027-06');
    expect(r.budget.monthly[8]!.cumulativeActual).toBe(m('3600.01'));
  });
});
