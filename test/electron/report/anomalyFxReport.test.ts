import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/report/buildReport';
import { MissingFxRateError } from '../../../electron/report/fx';
import type { ReportModel } from '../../../shared/report';
import { m, TestWorkspace } from './builder';

describe('anomalies on and just under the threshold', () => {
  const w = new TestWorkspace({ anomalyMadFactor: 3, anomalyMinPct: 0.25, anomalyMinAmount: 200 });
  let r: ReportModel;
  beforeAll(() => {
    const baseline = ['1000', '1100', '900', '1000', '1050', '950']; // median 1000, MAD 50
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
    const lines = [];
    for (const vendor of ['OnCo', 'UnderCo']) {
      months.forEach((month, i) =>
        lines.push({ date: `${month}-10`, amount: baseline[i]!, vendor, category: 'model_api' as const }),
      );
      lines.push({ date: '2026-08-10', amount: '1000', vendor, category: 'model_api' as const });
      lines.push({ date: '2026-09-10', amount: '1000', vendor, category: 'model_api' as const });
    }
    // July: OnCo departs by exactly 25% of the median (250 > 3 × 50, ≥ 200); UnderCo by 249.99
    lines.push({ date: '2026-07-10', amount: '1250.00', vendor: 'OnCo', category: 'model_api' as const });
    lines.push({ date: '2026-07-10', amount: '1249.99', vendor: 'UnderCo', category: 'model_api' as const });
    w.spend(lines);
    r = buildReport(w.db, 'FY2026-Q3');
  });
  afterAll(() => w.close());

  it('flags the vendor at the threshold and not the one a cent under', () => {
    // category/shared totals: median 2000, July 2499.99 → 499.99 < 25% of 2000: not flagged either
    expect(r.anomalies.map((a) => `${a.dimension}:${a.label}:${a.month}`)).toEqual(['vendor:OnCo:2026-07']);
    const a = r.anomalies[0]!;
    expect(a).toMatchObject({
      amount: m('1250.00'),
      baselineMedian: m('1000'),
      deviation: m('250'),
      deviationPct: 0.25,
      madMultiple: 5,
      direction: 'spike',
    });
    expect(a.contributors[0]).toMatchObject({ dimension: 'category', key: 'model_api' });
    expect(r.explanations[a.explain]!.inputs).toHaveLength(10);
  });
});

describe('multi-currency spend', () => {
  let w: TestWorkspace;
  afterAll(() => w.close());

  it('converts with the monthly rate, exactly, and explains the rates used', () => {
    w = new TestWorkspace({ currency: 'USD' });
    const fxBatch = w.fx([
      { month: '2026-07', currency: 'EUR', rate: '1.0850' },
      { month: '2026-08', currency: 'EUR', rate: '1.1' },
    ]);
    w.spend([
      { date: '2026-07-10', amount: '100.00', currency: 'EUR', category: 'compute' }, // 108.50
      { date: '2026-08-10', amount: '0.000001', currency: 'EUR', category: 'compute' }, // 0.0000011 → 0.000001
      { date: '2026-08-11', amount: '200.00', currency: 'USD', category: 'compute' },
    ]);
    const r = buildReport(w.db, 'FY2026-Q3');
    expect(r.currency).toBe('USD');
    expect(r.portfolio.cost.micro).toBe(m('108.50') + m('0.000001') + m('200.00'));
    expect(r.explanations.fx!.inputs.map((i) => [i.label, i.value, i.batchIds])).toEqual([
      ['EUR 2026-07', '1.0850', [fxBatch]],
      ['EUR 2026-08', '1.1', [fxBatch]],
    ]);
    expect(r.notes.join(' ')).toMatch(/EUR/);
  });

  it('a missing rate is an error naming the currency and month', () => {
    w.spend([{ date: '2026-09-01', amount: '50.00', currency: 'GBP', category: 'compute' }]);
    expect(() => buildReport(w.db, 'FY2026-Q3')).toThrow(MissingFxRateError);
    expect(() => buildReport(w.db, 'FY2026-Q3')).toThrow(/GBP.*2026-09/);
    // a quarter before the GBP line does not need its rate
    expect(() => buildReport(w.db, 'FY2026-Q2')).not.toThrow();
  });
});

describe('anomalies in a quarter not reported yet', () => {
  it('a month after the last month with any spend is not a drop', () => {
    const w = new TestWorkspace({ anomalyMinAmount: 1 });
    try {
      const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07'];
      w.spend(months.map((month) => ({ date: `${month}-10`, amount: '1000.00', vendor: 'OpenAI' })));
      const r = buildReport(w.db, 'FY2026-Q3');
      // July is reported (1000 = baseline); August and September have no data at all yet
      expect(r.anomalies).toEqual([]);
      expect(r.dataThrough).toBe('2026-07');
      expect(r.notes.join(' ')).toMatch(/after 2026-07 have no spend yet/);
    } finally {
      w.close();
    }
  });
});
