/**
 * Settings › Exchange rates through the API (fx.list / fx.set / fx.delete), and an import refused for a
 * missing rate through the API (preview and background commit), fixed by entering the rate.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../../electron/service/service';
import { importJobsOf } from '../../../electron/service/handlers/import';
import { UploadStore } from '../../../electron/service/uploads';
import type { ImportJobStatus, ImportPreview } from '../../../shared/api';
import type { ReportModel } from '../../../shared/report';
import { tempWorkspace, writeFile } from '../import/helpers';

let ws: ReturnType<typeof tempWorkspace> | null = null;
let uploads: UploadStore | null = null;
afterEach(() => {
  uploads?.dispose();
  ws?.close();
  ws = uploads = null;
});

function app(currency = 'USD'): Service {
  ws = tempWorkspace({ currency });
  uploads = new UploadStore();
  return createService({ ws, uploads });
}

async function ok<T>(s: Service, method: string, input: unknown): Promise<T> {
  const r = await s.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.result as T;
}

async function fails(s: Service, method: string, input: unknown) {
  const r = await s.call(method, input);
  if (r.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`);
  return r.error;
}

describe('fx.list / fx.set / fx.delete', () => {
  it('lists the rates in force by currency and month, with where each comes from', async () => {
    const s = app();
    expect(await ok(s, 'fx.list', {})).toEqual([]);
    await ok(s, 'fx.set', { currency: 'GBP', month: '2026-03', rate: '1.27' });
    await ok(s, 'fx.set', { currency: 'EUR', month: '2026-04', rate: ' 1.1 ' });
    expect(await ok(s, 'fx.set', { currency: 'EUR', month: '2026-03', rate: '1.0853' })).toEqual({
      currency: 'EUR',
      month: '2026-03',
      rate: '1.0853',
      source: 'settings',
      batchId: null,
      fileName: null,
    });
    // Editing replaces the rate (one per currency and month).
    await ok(s, 'fx.set', { currency: 'EUR', month: '2026-03', rate: '1.09' });
    const list = await ok<{ currency: string; month: string; rate: string }[]>(s, 'fx.list', {});
    expect(list.map((r) => `${r.currency} ${r.month} ${r.rate}`)).toEqual([
      'EUR 2026-03 1.09',
      'EUR 2026-04 1.1',
      'GBP 2026-03 1.27',
    ]);
    expect(ws!.db.prepare('SELECT count(*) FROM fx_rates').pluck().get()).toBe(3);
    expect(await ok(s, 'fx.delete', { currency: 'EUR', month: '2026-03' })).toEqual({ deleted: true });
    expect((await fails(s, 'fx.delete', { currency: 'EUR', month: '2026-03' })).code).toBe('NOT_FOUND');
    expect((await ok<unknown[]>(s, 'fx.list', {})).length).toBe(2);
  });

  it('checks the code, the month and the rate, and refuses the reporting currency', async () => {
    const s = app('USD');
    const bad = [
      { currency: 'eur', month: '2026-03', rate: '1.1' },
      { currency: 'XYZ', month: '2026-03', rate: '1.1' },
      { currency: 'EUR', month: '2026-13', rate: '1.1' },
      { currency: 'EUR', month: '03/2026', rate: '1.1' },
      { currency: 'EUR', month: '2026-03', rate: '0' },
      { currency: 'EUR', month: '2026-03', rate: '-1.1' },
      { currency: 'EUR', month: '2026-03', rate: '1,1' },
      { currency: 'EUR', month: '2026-03', rate: '1.1234567890123' },
      { currency: 'EUR', month: '2026-03', rate: 'abc' },
    ];
    for (const input of bad)
      expect((await fails(s, 'fx.set', input)).code, JSON.stringify(input)).toBe('BAD_REQUEST');
    const own = await fails(s, 'fx.set', { currency: 'USD', month: '2026-03', rate: '1' });
    expect(own).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/USD is the reporting currency/),
    });
    expect(ws!.db.prepare('SELECT count(*) FROM fx_rates').pluck().get()).toBe(0);
  });

  it('an imported rate stays with its batch: listed with its file, not deleted from Settings, overridden by an entered one', async () => {
    const s = app();
    const rates = writeFile(ws!.dir, 'rates.csv', 'Month,Currency,Rate\n2026-03,EUR,1.08\n');
    const up = uploads!.registerPath(rates);
    const { jobId } = await ok<{ jobId: string }>(s, 'import.start', { fileId: up.id, as: 'fx' });
    const done = await importJobsOf(s.ctx).settled(jobId);
    expect(done).toMatchObject({ state: 'done', result: { kind: 'fx', rows: 1 } });
    expect(await ok(s, 'fx.list', {})).toEqual([
      {
        currency: 'EUR',
        month: '2026-03',
        rate: '1.08',
        source: 'import',
        batchId: 1,
        fileName: 'rates.csv',
      },
    ]);
    const err = await fails(s, 'fx.delete', { currency: 'EUR', month: '2026-03' });
    expect(err).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/batch #1 \(rates\.csv\): undo/),
    });
    await ok(s, 'fx.set', { currency: 'EUR', month: '2026-03', rate: '1.1' });
    expect(await ok(s, 'fx.list', {})).toMatchObject([{ rate: '1.1', source: 'settings' }]);
    // Deleting the entered one brings back the imported one.
    await ok(s, 'fx.delete', { currency: 'EUR', month: '2026-03' });
    expect(await ok(s, 'fx.list', {})).toMatchObject([{ rate: '1.08', source: 'import' }]);
  });
});

describe('an import refused for a missing rate, through the API', () => {
  it('preview and background commit name the missing months (code missing-fx-rate); after fx.set the import goes through and the report converts', async () => {
    const s = app();
    const file = writeFile(
      ws!.dir,
      'eur.csv',
      'Date,Amount,Currency\n2026-03-05,100.00,EUR\n2026-03-20,0.01,EUR\n2026-02-01,50.00,USD\n',
    );
    const up = uploads!.registerPath(file);
    const preview = await ok<ImportPreview>(s, 'import.preview', { fileId: up.id });
    expect(preview.canCommit).toBe(false);
    expect(preview.problems).toEqual([
      expect.objectContaining({
        code: 'missing-fx-rate',
        message: expect.stringMatching(/^no EUR rate for 2026-03: add it in Settings › Exchange rates/),
      }),
    ]);
    const { jobId } = await ok<{ jobId: string }>(s, 'import.start', { fileId: up.id });
    const failed = (await importJobsOf(s.ctx).settled(jobId)) as ImportJobStatus;
    expect(failed.state).toBe('failed');
    expect(failed.error!.problems.map((p) => p.code)).toEqual(['missing-fx-rate']);
    expect(ws!.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);

    await ok(s, 'fx.set', { currency: 'EUR', month: '2026-03', rate: '1.0853' });
    const again = await ok<{ jobId: string }>(s, 'import.start', { fileId: up.id });
    expect(await importJobsOf(s.ctx).settled(again.jobId)).toMatchObject({
      state: 'done',
      result: { rows: 3 },
    });
    const report = await ok<ReportModel>(s, 'report.get', { period: 'FY2026-Q1' });
    // (100.00 + 0.01) EUR × 1.0853 = 108.540853 USD, + 50.00 USD
    expect(report.portfolio.cost.micro).toBe(108_540_853 + 50_000_000);
  });
});
