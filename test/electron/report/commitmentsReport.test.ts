import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { buildReport } from '../../../electron/report/buildReport';
import { openWorkspace } from '../../../electron/store/workspace';
import type { ReportJson } from '../../../electron/report/json';
import type { ReportModel } from '../../../shared/report';
import { tempWorkspace } from '../import/helpers';

const FIXTURES = path.resolve(__dirname, '../../fixtures/commitments');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

/**
 * The hand-checked case (USD workspace, January fiscal year, FY2026-Q2: as of 2026-06-30; the run rate is
 * April–June, 30 + 31 + 30 = 91 days):
 * - OpenAI prepaid 20,000.00, 2026: used 1,000 (Jan) + 3,000 + 3,000 + 3,100 ("OpenAI, L.L.C.") = 10,100.00
 *   (the 500.00 of Dec 2025 is before its start); remaining 9,900.00; rate 9,100.00 / 91 days = 100.00 a day;
 *   run-out = 30 June + ⌈9,900 ÷ 100⌉ = 99 days = 2026-10-07, before its end 2026-12-31.
 * - Anthropic commitment 12,000.00, 2026: used 500 + 400 + 400 ("Anthropic PBC") = 1,300.00; remaining
 *   10,700.00; to 31 Dec (184 days) at 1,300 / 91 a day = 2,628.571429 more; unused 8,071.428571 = 67.26%;
 *   run-out 30 June + 10,700 × 91 / 1,300 = 749 days = 2028-07-18, after its end.
 * - Microsoft Azure commitment 150,000.00 EUR from 2026-04-01 (rate 1.10): 165,000.00 USD; used 60,000.00;
 *   run-out 30 June + ⌈105,000 × 91 / 60,000⌉ = ⌈159.25⌉ = 160 days = 2026-12-07, before 2027-03-31.
 * - GitHub prepaid 1,000.00, Jan–Jun: 1,200.00 spent in February: overrun by 200.00 (remaining −200.00).
 */
describe('commitments and prepaid credits: imported by the CLI, reported as of FY2026-Q2 (hand-checked)', () => {
  let db = '';
  let json: ReportJson;
  let model: ReportModel;
  beforeAll(async () => {
    const ws = tempWorkspace({ currency: 'USD', fiscalStartMonth: 1 });
    db = ws.file;
    ws.close();
    for (const [file, as] of [
      ['spend.csv', 'spend'],
      ['fx.csv', 'fx'],
    ] as const) {
      const r = await cli(['import', path.join(FIXTURES, file), '--db', db, '--as', as, '--json']);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    }
    const r = await cli(['import', path.join(FIXTURES, 'commitments.csv'), '--db', db, '--json']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'commitments', rows: 4, problems: [] });
    const report = await cli(['report', '--db', db, '--period', 'FY2026-Q2', '--json']);
    expect(report.code).toBe(0);
    json = JSON.parse(report.out) as ReportJson;
    const open = openWorkspace(db, { readonly: true });
    try {
      model = buildReport(open.db, 'FY2026-Q2');
    } finally {
      open.close();
    }
  });
  afterAll(() => fs.rmSync(path.dirname(db), { recursive: true, force: true }));

  const byVendor = (v: string) => json.commitments.find((c) => c.vendor === v)!;

  it('is recognised as commitments from its columns (no --as)', () => {
    expect(json.commitments.map((c) => c.vendor)).toEqual([
      'Anthropic',
      'GitHub',
      'OpenAI',
      'Microsoft Azure',
    ]);
  });

  it('prepaid credit running out before its end', () => {
    expect(byVendor('OpenAI')).toEqual({
      vendor: 'OpenAI',
      type: 'prepaid',
      start: '2026-01-01',
      end: '2026-12-31',
      amount: 20000,
      statedAmount: 20000,
      statedCurrency: 'USD',
      used: 10100,
      remaining: 9900,
      monthlyRate: 3033.33,
      runOutDate: '2026-10-07',
      projectedUnused: 0,
      projectedUnusedShare: 0,
      phase: 'active',
      outcome: 'runs_out_early',
      warning: 'OpenAI prepaid credit will run out on 2026-10-07, before its end 2026-12-31.',
    });
  });

  it('commitment that will be under-used, to the micro-unit', () => {
    const c = model.commitments.find((x) => x.vendor === 'Anthropic')!;
    expect(c.used.micro).toBe(1_300_000_000);
    expect(c.remaining.micro).toBe(10_700_000_000);
    expect(c.projectedUnused.micro).toBe(8_071_428_571);
    expect(c.projectedUnusedShare).toBeCloseTo(8_071_428_571 / 12_000_000_000, 12);
    expect(c.runOutDate).toBe('2028-07-18');
    expect(c.outcome).toBe('under_used');
    expect(c.warning).toBe(
      'Anthropic commitment: at the current rate, $8,071 (67.3%) will be unused at its end 2026-12-31.',
    );
  });

  it('commitment in another currency: converted at its start month rate, the currency stated', () => {
    expect(byVendor('Microsoft Azure')).toMatchObject({
      amount: 165000,
      statedAmount: 150000,
      statedCurrency: 'EUR',
      used: 60000,
      remaining: 105000,
      runOutDate: '2026-12-07',
      outcome: 'runs_out_early',
    });
  });

  it('an overrun is shown, negative, and said in words', () => {
    expect(byVendor('GitHub')).toMatchObject({
      used: 1200,
      remaining: -200,
      phase: 'ended',
      outcome: 'overrun',
      runOutDate: null,
      warning: 'GitHub prepaid credit is overrun by $200: spend with GitHub since 2026-01-01 exceeds it.',
    });
  });

  it('explains every figure with its sums and source batches', () => {
    const c = model.commitments.find((x) => x.vendor === 'OpenAI')!;
    const used = model.explanations[c.used.explain]!;
    expect(used.result).toBe(10_100_000_000);
    expect(used.inputs[0]).toMatchObject({
      source: 'spend',
      micro: 10_100_000_000,
      lineCount: 4,
      batchIds: [1],
    });
    expect(used.notes[0]).toContain('"OpenAI", "OpenAI, L.L.C."');
    const amount = model.explanations[c.amount.explain]!;
    expect(amount.inputs[0]).toMatchObject({ source: 'commitments', batchIds: [3] });
    const outlook = model.explanations[c.explain]!;
    expect(outlook.result).toBe('2026-10-07');
    expect(outlook.notes[0]).toBe(c.warning);
    expect(model.batches[3]).toMatchObject({ kind: 'commitments', fileName: 'commitments.csv' });
    const azure = model.commitments.find((x) => x.vendor === 'Microsoft Azure')!;
    expect(model.explanations[azure.amount.explain]!.inputs[1]).toMatchObject({
      source: 'fx_rates',
      value: '1.10',
      batchIds: [2],
    });
  });

  it('undo takes the commitments out of the report', async () => {
    const undo = await cli(['undo', '3', '--db', db]);
    expect(undo.code).toBe(0);
    const after = await cli(['report', '--db', db, '--period', 'FY2026-Q2', '--json']);
    expect((JSON.parse(after.out) as ReportJson).commitments).toEqual([]);
  });
});
