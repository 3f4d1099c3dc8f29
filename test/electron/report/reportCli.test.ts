import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { createService } from '../../../electron/service/service';
import { UploadStore } from '../../../electron/service/uploads';
import { openWorkspace } from '../../../electron/store/workspace';
import { TestWorkspace } from './builder';

describe('report CLI and API', () => {
  const w = new TestWorkspace();
  let file: string;
  beforeAll(() => {
    const a = w.initiative('Alpha');
    w.spend([
      { date: '2026-07-15', amount: '1000.005', initiative: a, category: 'model_api', vendor: 'OpenAI' },
      { date: '2026-08-15', amount: '0.004', initiative: a, category: 'model_api', vendor: 'OpenAI' },
      { date: '2026-08-15', amount: '500.00', category: 'platform' },
    ]);
    w.budget([{ month: '2026-07', amount: '1500.00' }]);
    w.benefits([{ date: '2026-09-01', initiative: a, amount: '2000.00' }]);
    file = w.ws.file;
    w.ws.close();
  });
  afterAll(() => w.close());

  async function cli(args: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  }

  it('report --json prints the DESIGN.md structure, money in major units rounded to cents from integer sums', async () => {
    const { code, out } = await cli(['report', '--db', file, '--period', 'FY2026-Q3', '--json']);
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining([
        'period',
        'currency',
        'portfolio',
        'initiatives',
        'budget',
        'kpis',
        'npv',
        'sharedPlatformNpv',
        'irr',
        'runRate',
        'budgetExhaustion',
        'anomalies',
        'unitEconomics',
      ]),
    );
    expect(j.period).toBe('FY2026-Q3');
    expect(j.currency).toBe('USD');
    // 1000.005 + 0.004 = 1000.009 → 1000.01 (the sum is rounded, not each line: 1000.01 + 0.00 would also be 1000.01)
    expect(j.initiatives).toEqual([
      expect.objectContaining({ name: 'Alpha', cost: 1000.01, benefit: 2000, paybackMonths: 3 }),
    ]);
    expect(j.initiatives[0].roi).toBeCloseTo((2000 - 1000.009) / 1000.009, 12);
    // portfolio 1500.009 → 1500.01
    expect(j.portfolio).toEqual({
      cost: 1500.01,
      benefit: 2000,
      roi: expect.any(Number),
      cumulativeRoi: expect.any(Number),
    });
    expect(j.budget).toMatchObject({ budget: 1500, actual: 1500.01, variance: 0.01, status: 'green' });
    expect(j.budget.byCategory).toEqual(
      expect.arrayContaining([expect.objectContaining({ category: null, budget: 1500, actual: 0 })]),
    );
    expect(j.kpis[0]).toEqual({
      id: 'ai_portfolio_roi',
      name: 'AI Portfolio ROI',
      value: expect.any(Number),
      target: 0.15,
      status: 'green',
      trend: 'no_data',
      targetChange: null,
    });
  });

  it('report --json carries run-rate, budget exhaustion, unit economics and the annual IRR basis', async () => {
    const j = JSON.parse((await cli(['report', '--db', file, '--period', 'FY2026-Q3', '--json'])).out);
    // burn = (1000.005 + 500.004 + 0) / 3 = 500.003 → 500.00
    expect(j.runRate).toMatchObject({ months: ['2026-07', '2026-08', '2026-09'], monthlyBurn: 500 });
    // 1500.00 budget, 1500.009 spent by August → exhausted in August
    expect(j.budgetExhaustion).toMatchObject({ month: '2026-08', status: 'exhausted', annualBudget: 1500 });
    expect(j.unitEconomics.quarter).toEqual({
      period: 'FY2026-Q3',
      inferenceCost: 1000.01,
      keyActions: null,
      costPerAction: null,
    });
    expect(j.unitEconomics.qoqChange).toBeNull();
    expect(j.irrBasis).toBe('annual');
    expect(j.anomalies).toEqual([]);
  });

  it('report without --json prints a readable table; bad period is a usage error', async () => {
    const { code, out } = await cli(['report', '--db', file, '--period', 'FY2026-Q3']);
    expect(code).toBe(0);
    expect(out).toMatch(/Portfolio/);
    expect(out).toMatch(/1,500\.01/);
    expect((await cli(['report', '--db', file, '--period', '2026Q3'])).code).toBe(2);
  });

  it('a missing FX rate fails the report with a message naming currency and month', async () => {
    const ws = openWorkspace(file);
    ws.db
      .prepare(
        "INSERT INTO spend (date, month, amount_micro, currency, category) VALUES ('2026-09-02', '2026-09', 1000000, 'EUR', 'other')",
      )
      .run();
    const service = createService({ ws, uploads: new UploadStore() });
    const res = await service.call('report.get', { period: 'FY2026-Q3' });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { currency: 'EUR', month: '2026-09' } },
    });
    ws.db.prepare("DELETE FROM spend WHERE currency = 'EUR'").run();
    ws.close();
    // the same through the CLI, on a copy holding the EUR line
    const w2 = new TestWorkspace();
    try {
      w2.spend([{ date: '2026-08-01', amount: '5', currency: 'GBP' }]);
      const f2 = w2.ws.file;
      w2.ws.close();
      const { code, err } = await cli(['report', '--db', f2, '--period', 'FY2026-Q3', '--json']);
      expect(code).toBe(1);
      expect(err).toMatch(/No FX rate for GBP in 2026-08/);
    } finally {
      w2.close();
    }
  });

  it('report.get and report.periods through the service', async () => {
    const ws = openWorkspace(file);
    const service = createService({ ws, uploads: new UploadStore() });
    try {
      const res = await service.call('report.get', { period: 'FY2026-Q3' });
      expect(res.ok).toBe(true);
      const bad = await service.call('report.get', { period: 'Q3' });
      expect(bad.ok).toBe(false);
      const periods = await service.call('report.periods', {});
      expect(periods).toEqual({ ok: true, result: { periods: ['FY2026-Q3'], defaultPeriod: 'FY2026-Q3' } });
    } finally {
      ws.close();
    }
  });
});
