import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/report/buildReport';
import type { ReportModel } from '../../../shared/report';
import { m, TestWorkspace } from './builder';

/**
 * January fiscal year: FY2026-Q3 = July–September 2026.
 *  A: production, spend in June and the quarter (with a credit and a sub-cent line), realized benefit in May and September,
 *     projected benefit in September.
 *  B: pilot, spend, never pays back.   C: zero cost, realized benefit.   D: pays back in August (mid-quarter).
 *  Shared platform: spend with no initiative.   October spend: after the period, ignored.
 */
describe('portfolio and initiatives (ROI, shared platform, zero cost, credits, payback)', () => {
  const w = new TestWorkspace();
  let r: ReportModel;
  let A: number, B: number, C: number, D: number;
  let spendBatch1: number, spendBatch2: number;

  beforeAll(() => {
    A = w.initiative('Alpha');
    B = w.initiative('Beta', { stage: 'pilot' });
    C = w.initiative('Gamma');
    D = w.initiative('Delta');
    spendBatch1 = w.spend([
      { date: '2026-06-30', amount: '400.00', initiative: A, category: 'labor' },
      { date: '2026-07-15', amount: '1000.00', initiative: A, category: 'model_api', vendor: 'OpenAI' },
      { date: '2026-08-10', amount: '500.25', initiative: A, category: 'compute', vendor: 'AWS' },
      { date: '2026-09-01', amount: '250.005', initiative: A, category: 'labor' },
      { date: '2026-09-20', amount: '-100.00', initiative: A, category: 'model_api', vendor: 'OpenAI' }, // credit
      { date: '2026-08-01', amount: '300.00', initiative: B, category: 'tooling', vendor: 'GitHub' },
      { date: '2026-07-31', amount: '2000.00', initiative: null, category: 'platform', vendor: 'AWS' },
      { date: '2026-10-01', amount: '999.99', initiative: A, category: 'model_api', vendor: 'OpenAI' }, // after period
    ]);
    spendBatch2 = w.spend(
      [
        { date: '2026-06-10', amount: '1000.00', initiative: D, category: 'labor' },
        { date: '2026-07-10', amount: '1000.00', initiative: D, category: 'labor' },
      ],
      'spend-delta.csv',
    );
    w.benefits([
      { date: '2026-05-01', initiative: A, amount: '100.00' },
      { date: '2026-09-30', initiative: A, amount: '3000.00' },
      { date: '2026-09-15', initiative: A, amount: '5000.00', realized: false },
      { date: '2026-08-15', initiative: C, amount: '700.00' },
      { date: '2026-07-31', initiative: D, amount: '900.00' },
      { date: '2026-08-31', initiative: D, amount: '1200.00' },
      { date: '2026-10-15', initiative: D, amount: '50000.00' }, // after period
    ]);
    r = buildReport(w.db, 'FY2026-Q3');
  });
  afterAll(() => w.close());

  const ini = (id: number) => r.initiatives.find((i) => i.id === id)!;

  it('costs initiatives from their lines in the quarter, credits included, later data ignored', () => {
    expect(ini(A).cost.micro).toBe(m('1000.00') + m('500.25') + m('250.005') - m('100.00')); // 1650.255
    expect(ini(B).cost.micro).toBe(m('300.00'));
    expect(ini(C).cost.micro).toBe(0);
    expect(ini(D).cost.micro).toBe(m('1000.00'));
  });

  it('keeps shared platform spend in portfolio cost, not in any initiative', () => {
    expect(r.portfolio.sharedPlatformCost.micro).toBe(m('2000.00'));
    const portfolioCost = m('1650.255') + m('300.00') + m('1000.00') + m('2000.00'); // 4950.255
    expect(r.portfolio.cost.micro).toBe(portfolioCost);
    const realized = m('3000.00') + m('700.00') + m('900.00') + m('1200.00'); // 5800.00
    expect(r.portfolio.benefit.micro).toBe(realized);
    expect(r.portfolio.roi.value).toBeCloseTo((5800 - 4950.255) / 4950.255, 12);
  });

  it('keeps projected benefit apart', () => {
    expect(ini(A).benefit.micro).toBe(m('3000.00'));
    expect(ini(A).projectedBenefit.micro).toBe(m('5000.00'));
    expect(r.portfolio.projectedBenefit.micro).toBe(m('5000.00'));
    expect(ini(A).roi.value).toBeCloseTo((3000 - 1650.255) / 1650.255, 12);
  });

  it('ROI is null for an initiative with zero cost', () => {
    expect(ini(C).roi.value).toBeNull();
    expect(ini(C).cumulativeRoi.value).toBeNull();
    expect(ini(C).paybackMonths.value).toBeNull();
  });

  it('cumulative ROI uses everything up to the period end', () => {
    const cumCost = m('4950.255') + m('400.00') + m('1000.00'); // June lines of A and D
    const cumBenefit = m('5800.00') + m('100.00');
    expect(r.portfolio.cumulativeCost.micro).toBe(cumCost);
    expect(r.portfolio.cumulativeBenefit.micro).toBe(cumBenefit);
    expect(r.portfolio.cumulativeRoi.value).toBeCloseTo((5900 - 6350.255) / 6350.255, 12);
    expect(ini(A).cumulativeRoi.value).toBeCloseTo((3100 - 2050.255) / 2050.255, 12);
  });

  it('payback: reached mid-quarter, in the last month, and never', () => {
    // D: June cost 1000 vs 0; July 2000 vs 900; August 2000 vs 2100 → month 3
    expect(ini(D).paybackMonths.value).toBe(3);
    // The proof, in the month it happened (not at the period end).
    expect(r.explanations[ini(D).paybackMonths.explain]!.notes).toContain(
      'Paid back in month 3 (2026-08): to the end of 2026-08, cumulative cost USD 2000.00, cumulative realized benefit USD 2100.00.',
    );
    expect(ini(D).firstSpendMonth).toBe('2026-06');
    // A: June 400 vs 100; July 1400 vs 100; Aug 1900.25 vs 100; Sep 2050.255 vs 3100 → month 4
    expect(ini(A).paybackMonths.value).toBe(4);
    expect(ini(B).paybackMonths.value).toBeNull();
  });

  it('explains every figure: inputs with line counts, batches and formula in words', () => {
    const e = r.explanations[r.portfolio.cost.explain]!;
    expect(e.formula).toMatch(/shared platform/i);
    expect(e.inputs[0]!.micro).toBe(m('4950.255'));
    expect(e.inputs[0]!.lineCount).toBe(7); // 6 quarter lines of batch 1 + 1 of batch 2
    expect(e.inputs[0]!.batchIds).toEqual([spendBatch1, spendBatch2]);
    expect(r.batches[spendBatch1]!.fileName).toBe('spend.csv');
    expect(r.batches[spendBatch2]!.fileName).toBe('spend-delta.csv');
    const roiE = r.explanations[ini(A).roi.explain]!;
    expect(roiE.inputs.map((i) => i.ref)).toEqual([ini(A).benefit.explain, ini(A).cost.explain]);
    for (const key of [
      r.portfolio.npv.explain,
      r.portfolio.irr.explain,
      ini(D).paybackMonths.explain,
      r.budget.forecastYearEnd.explain,
    ]) {
      expect(r.explanations[key]).toBeDefined();
      expect(r.explanations[key]!.formula.length).toBeGreaterThan(10);
    }
    // Every key referenced anywhere in the model resolves.
    const keys = JSON.stringify(r)
      .match(/"(explain|ref)":"[^"]+"/g)!
      .map((s) => s.split('":"')[1]!.slice(0, -1));
    for (const k of keys) expect(r.explanations[k], k).toBeDefined();
  });

  it('the cumulative series ends at the period end and matches the cumulative figures', () => {
    const last = r.cumulative[r.cumulative.length - 1]!;
    expect(r.cumulative[0]!.month).toBe('2026-05');
    expect(last.month).toBe('2026-09');
    expect(last.cumulativeCost).toBe(r.portfolio.cumulativeCost.micro);
    expect(last.cumulativeBenefit).toBe(r.portfolio.cumulativeBenefit.micro);
    expect(last.cumulativeProjectedBenefit).toBe(m('5000.00'));
  });

  it('NPV of D over its monthly net flows, discounted at the monthly equivalent of 10%/year', () => {
    const rate = 1.1 ** (1 / 12) - 1;
    // D: June −1000, July −1000 + 900, August +1200, September 0 — discounted to May, the portfolio's first
    // month with a flow (the common base of every NPV in the report).
    const expected = (-1000 + -100 / (1 + rate) + 1200 / (1 + rate) ** 2) / (1 + rate);
    expect(ini(D).npv.micro / 1e6).toBeCloseTo(expected, 5);
    expect(ini(D).irr.value).not.toBeNull();
    const monthly = (1 + ini(D).irr.value!) ** (1 / 12) - 1;
    expect(-1000 + -100 / (1 + monthly) + 1200 / (1 + monthly) ** 2).toBeCloseTo(0, 6);
    expect(ini(B).irr.value).toBeNull(); // only costs: no IRR
  });

  it('the initiatives’ NPVs and the shared platform’s add up to the portfolio’s: one discount base', () => {
    const parts = r.initiatives.reduce((sum, i) => sum + i.npv.micro, r.portfolio.sharedPlatformNpv.micro);
    // Each NPV is rounded to the micro-unit on its own.
    expect(Math.abs(parts - r.portfolio.npv.micro)).toBeLessThanOrEqual(r.initiatives.length + 1);
    expect(r.portfolio.sharedPlatformNpv.micro).toBeLessThan(0);
    expect(r.explanations[r.portfolio.sharedPlatformNpv.explain]!.formula).toMatch(/same date for every NPV/);
  });

  it('portfolio NPV over all monthly net flows from the first month with a flow', () => {
    const rate = 1.1 ** (1 / 12) - 1;
    // May +100; June −(400 + 1000); July −(1000 + 2000 + 1000) + 900; August −(500.25 + 300) + 700 + 1200;
    // September −(250.005 − 100) + 3000. Projected benefit is not a flow.
    const flows = [100, -1400, -3100, 1099.75, 2849.995];
    const expected = flows.reduce((s, f, t) => s + f / (1 + rate) ** t, 0);
    expect(r.portfolio.npv.micro / 1e6).toBeCloseTo(expected, 5);
    expect(r.explanations[r.portfolio.npv.explain]!.inputs.slice(2).map((i) => i.label)).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
  });
});
