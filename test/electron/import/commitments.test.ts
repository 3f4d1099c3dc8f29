import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { commitmentRows } from '../../../electron/store/commitments';
import { createService } from '../../../electron/service/service';
import { importJobsOf } from '../../../electron/service/handlers/import';
import { UploadStore } from '../../../electron/service/uploads';
import { tempWorkspace, writeFile } from './helpers';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

/** A commitments sheet as a finance team keeps it: German headers, dates as Excel dates, a title row. */
async function commitmentsXlsx(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Zusagen');
  sheet.addRow(['KI-Verträge 2026']);
  sheet.addRow(['Lieferant', 'Art', 'Vertragswert', 'Währung', 'Laufzeitbeginn', 'Laufzeitende']);
  sheet.addRow([
    'OpenAI',
    'Guthaben',
    20000.5,
    'USD',
    new Date(Date.UTC(2026, 0, 1)),
    new Date(Date.UTC(2026, 11, 31)),
  ]);
  sheet.addRow([
    'Anthropic',
    'Zusage',
    12000,
    'USD',
    new Date(Date.UTC(2026, 0, 1)),
    new Date(Date.UTC(2026, 11, 31)),
  ]);
  const file = path.join(dir, 'zusagen.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('commitments import', () => {
  it('API: an XLSX is recognised by its columns with evidence, imported in one batch, and undone', async () => {
    const ws = tempWorkspace({ currency: 'USD' });
    const uploads = new UploadStore();
    const service = createService({ ws, uploads });
    try {
      const up = uploads.registerPath(await commitmentsXlsx(ws.dir));
      const preview = await service.call('import.preview', { fileId: up.id });
      if (!preview.ok) throw new Error(preview.error.message);
      const p = preview.result as {
        kind: string;
        canCommit: boolean;
        kindCandidates: { kind: string; evidence: string[] }[];
      };
      expect(p).toMatchObject({ kind: 'commitments', canCommit: true });
      const evidence = p.kindCandidates.find((k) => k.kind === 'commitments')!.evidence.join(' ');
      expect(evidence).toContain('commitment words in the headers');
      expect(evidence).toContain('"Laufzeitbeginn" (German "laufzeitbeginn")');
      expect(evidence).toContain('commitment / prepaid amount ← "Vertragswert"');
      const started = await service.call('import.start', { fileId: up.id });
      if (!started.ok) throw new Error(started.error.message);
      const done = await importJobsOf(service.ctx).settled((started.result as { jobId: string }).jobId);
      expect(done).toMatchObject({ state: 'done', result: { rows: 2 } });
      expect(commitmentRows(ws.db)).toMatchObject([
        {
          vendor: 'Anthropic',
          type: 'commitment',
          amount: 12_000_000_000,
          start: '2026-01-01',
          end: '2026-12-31',
        },
        { vendor: 'OpenAI', type: 'prepaid', amount: 20_000_500_000, currency: 'USD', sourceRow: 3 },
      ]);
      const batch = (done as { result: { batch: number } }).result.batch;
      expect(await service.call('batches.undo', { id: batch })).toMatchObject({
        ok: true,
        result: { status: 'undone' },
      });
      expect(commitmentRows(ws.db)).toEqual([]);
    } finally {
      uploads.dispose();
      ws.close();
    }
  });

  it('CLI: a bad row names file, row and column, and nothing is written', async () => {
    const ws = tempWorkspace({ currency: 'USD' });
    const db = ws.file;
    const file = writeFile(
      ws.dir,
      'commitments.csv',
      'Vendor,Type,Commitment amount,Start date,End date\n' +
        'OpenAI,Prepaid,20000.00,2026-01-01,2026-12-31\n' +
        'Anthropic,Reserved instance,5000.00,2026-01-01,2026-12-31\n' +
        'AWS,Commitment,9000.00,2026-06-01,2026-03-31\n',
    );
    ws.close();
    const r = await cli(['import', file, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('commitments.csv: rejected, nothing was imported');
    expect(r.err).toContain(
      'row 3, column "Type" ("Reserved instance"): neither prepaid (a credit) nor commitment',
    );
    expect(r.err).toContain('row 4, column "End date" ("2026-03-31"): ends before it starts (2026-06-01)');
    const after = await cli(['batches', '--db', db, '--json']);
    expect(JSON.parse(after.out)).toEqual([]);
  });

  it('CLI: a file that fits commitments and spend about equally is refused with both candidates', async () => {
    const ws = tempWorkspace({ currency: 'USD' });
    const db = ws.file;
    const file = writeFile(
      ws.dir,
      'ambiguous.csv',
      'Invoice date,Vendor,Cost,Start,End,Type\n2026-01-03,OpenAI,100.00,2026-01-01,2026-12-31,Prepaid\n',
    );
    ws.close();
    const r = await cli(['import', file, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/fit commitments and spend about equally well, so the kind is not guessed/);
    expect(r.err).toContain('--as commitments or --as spend');
    const forced = await cli(['import', file, '--db', db, '--as', 'commitments', '--json']);
    expect(JSON.parse(forced.out)).toMatchObject({ kind: 'commitments', rows: 1 });
  });

  it('CLI: a window cut inside a month is imported with a warning that spend counts by whole months', async () => {
    const ws = tempWorkspace({ currency: 'USD' });
    const db = ws.file;
    const file = writeFile(
      ws.dir,
      'mid.csv',
      'Vendor,Type,Commitment amount,Start date,End date\nOpenAI,Prepaid,100.00,2026-01-15,2026-12-31\n',
    );
    ws.close();
    const r = await cli(['import', file, '--db', db, '--json']);
    expect(JSON.parse(r.out).problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Start date',
        severity: 'warning',
        code: 'partial-month',
        message: 'spend is matched by whole months: 2026-01 to 2026-12 count in full',
      }),
    ]);
  });
});
