import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { createService } from '../../../electron/service/service';
import { importJobsOf } from '../../../electron/service/handlers/import';
import { UploadStore } from '../../../electron/service/uploads';
import { listBackups } from '../../../electron/store/backup';
import { openWorkspace, type Workspace } from '../../../electron/store/workspace';
import { csvColumn, independentCentsSum, sample, tempWorkspace, writeFile } from './helpers';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

const FOCUS = 'focus/focus_1.0_sample_1000rows.csv';

describe('CLI import', () => {
  let ws: (Workspace & { dir: string }) | null = null;
  afterEach(() => {
    ws?.close();
    ws = null;
  });

  it('--json prints the batch summary; batches and undo work on it', async () => {
    ws = tempWorkspace();
    const db = ws.file;
    ws.close();
    ws = null;
    const r = await cli(['import', sample(FOCUS), '--db', db, '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s).toMatchObject({
      batch: 1,
      kind: 'spend',
      format: 'focus',
      rows: 1000,
      excluded: 0,
      problems: [],
      currency: 'USD',
    });
    expect(s.total.toFixed(2)).toBe(independentCentsSum(csvColumn(sample(FOCUS), 'EffectiveCost')));
    const again = await cli(['import', sample(FOCUS), '--db', db, '--json', '--dry-run']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already imported as batch #1/);
    const billed = await cli([
      'import',
      sample(FOCUS),
      '--db',
      db,
      '--json',
      '--basis',
      'billed',
      '--dry-run',
      '--allow-duplicate',
    ]);
    expect(billed.code).toBe(0);
    expect(JSON.parse(billed.out)).toMatchObject({ batch: null, rows: 1000 });
    expect(JSON.parse(billed.out).total.toFixed(2)).toBe(
      independentCentsSum(csvColumn(sample(FOCUS), 'BilledCost')),
    );
    const list = await cli(['batches', '--db', db, '--json']);
    expect(JSON.parse(list.out)[0]).toMatchObject({
      id: 1,
      fileName: 'focus_1.0_sample_1000rows.csv',
      rows: 1000,
    });
    expect((await cli(['undo', '1', '--db', db])).code).toBe(0);
    const w = openWorkspace(db);
    expect(w.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
    w.close();
  });

  it('--replace says what else it removes, keeps a backup of the workspace first, and undoes whole batches', async () => {
    ws = tempWorkspace();
    const db = ws.file;
    const dir = ws.dir;
    ws.close();
    ws = null;
    const q1 = writeFile(
      dir,
      'q1.csv',
      'Date,Amount\n2026-01-15,100.00\n2026-02-15,200.00\n2026-03-15,300.00\n',
    );
    expect((await cli(['import', q1, '--db', db, '--as', 'spend'])).code).toBe(0);
    const jan = writeFile(dir, 'jan.csv', 'Date,Amount\n2026-01-20,150.00\n');
    const dry = await cli(['import', jan, '--db', db, '--as', 'spend', '--dry-run']);
    expect(dry.out).toContain(
      'note: batch #1 “q1.csv” has 1 row in these months, and 2 more rows outside them (all 3 rows: Jan 2026 – Mar 2026)',
    );
    expect(dry.out).toMatch(/--replace undoes whole batches/);
    const r = await cli(['import', jan, '--db', db, '--as', 'spend', '--replace', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).replacedBatches).toEqual([1]);
    const backups = listBackups(db).filter((b) => b.reason === 'before-replace');
    expect(backups).toHaveLength(1);
    // The backup holds the workspace as it was: batch 1's three lines.
    const before = openWorkspace(backups[0]!.file, { readonly: true });
    expect(before.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(3);
    before.close();
    const w = openWorkspace(db);
    expect(w.db.prepare('SELECT sum(amount_micro) FROM spend').pluck().get()).toBe(150_000_000);
    w.close();
  });

  it('a rejected file exits non-zero naming file, row and column, and writes nothing', async () => {
    ws = tempWorkspace();
    const file = writeFile(ws.dir, 'bad.csv', 'Date,Amount\n2026-01-01,1\n2026-01-02,x1\n');
    const db = ws.file;
    ws.close();
    ws = null;
    const r = await cli(['import', file, '--db', db, '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.csv.*\n.*row 3, column "Amount" \("x1"\)/);
    const ok = await cli(['import', file, '--db', db, '--json', '--skip-invalid']);
    expect(JSON.parse(ok.out)).toMatchObject({
      batch: 1,
      rows: 1,
      excluded: 1,
      total: 1,
      problems: [{ row: 3, column: 'Amount' }],
    });
  });

  it('--as, --mapping FILE and usage errors', async () => {
    ws = tempWorkspace();
    const file = writeFile(ws.dir, 'gl.csv', 'Posted;Net\n2026-01-05;100,5\n');
    const mapping = writeFile(
      ws.dir,
      'm.json',
      JSON.stringify({ kind: 'spend', columns: { date: 'Posted', amount: 'Net' }, decimal: ',' }),
    );
    const db = ws.file;
    ws.close();
    ws = null;
    const r = await cli(['import', file, '--db', db, '--mapping', mapping, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ total: 100.5, format: 'csv' });
    expect((await cli(['import', file, '--db', db, '--as', 'bogus'])).code).toBe(2);
  });
});

describe('API: import.preview / import.start / import.status / mappings', () => {
  it('runs a commit in the background with progress, on an upload id', async () => {
    const ws = tempWorkspace();
    const uploads = new UploadStore();
    const service = createService({ ws, uploads });
    const ctx = service.ctx;
    try {
      const up = uploads.registerPath(sample(FOCUS));
      const preview = await service.call('import.preview', { fileId: up.id });
      expect(preview.ok).toBe(true);
      if (!preview.ok) return;
      expect(preview.result).toMatchObject({
        format: 'focus',
        kind: 'spend',
        canCommit: true,
        counts: { valid: 1000 },
      });
      const started = await service.call('import.start', { fileId: up.id });
      if (!started.ok) throw new Error(started.error.message);
      const { jobId } = started.result as { jobId: string };
      const done = await importJobsOf(ctx).settled(jobId);
      expect(done).toMatchObject({ state: 'done', result: { rows: 1000, batch: 1 } });
      expect(done!.progress.bytes).toBe(done!.progress.totalBytes);
      const status = await service.call('import.status', { jobId });
      expect(status).toMatchObject({ ok: true, result: { state: 'done' } });
      expect(ws.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(1000);
      const mappings = await service.call('mappings.list', {});
      expect(mappings).toMatchObject({ ok: true, result: [{ kind: 'spend', format: 'focus' }] });
      const id = (mappings as { result: { id: number }[] }).result[0]!.id;
      expect(await service.call('mappings.delete', { id })).toMatchObject({
        ok: true,
        result: { deleted: true },
      });
      expect(await service.call('import.status', { jobId: 'nope' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await service.call('import.preview', { fileId: 'nope' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    } finally {
      uploads.dispose();
      ws.close();
    }
  });

  it('a cancelled import writes nothing', async () => {
    const ws = tempWorkspace();
    const rows = ['Date,Amount'];
    for (let i = 0; i < 60_000; i++) rows.push(`2026-01-${String((i % 28) + 1).padStart(2, '0')},${i}.25`);
    const file = writeFile(ws.dir, 'big.csv', rows.join('\n'));
    const uploads = new UploadStore();
    const service = createService({ ws, uploads });
    const ctx = service.ctx;
    try {
      const up = uploads.registerPath(file);
      const started = await service.call('import.start', { fileId: up.id });
      if (!started.ok) throw new Error(started.error.message);
      const { jobId } = started.result as { jobId: string };
      await service.call('import.cancel', { jobId });
      const done = await importJobsOf(ctx).settled(jobId);
      expect(done?.state).toBe('cancelled');
      expect(done?.error?.message).toMatch(/nothing was written/);
      expect(ws.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
      expect(ws.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
    } finally {
      uploads.dispose();
      ws.close();
    }
  });
});
