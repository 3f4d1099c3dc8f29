import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { analyse } from '../../../electron/import/analyse';
import { ImportCancelled } from '../../../shared/import/errors';
import { commitImport, previewImport } from '../../../electron/import/run';
import { scan, WORKER_MIN_BYTES } from '../../../electron/import/scan';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { FormatEvidence } from '../../../shared/import/evidence';
import type { ImportRecord } from '../../../shared/import/records';
import type { ValueSettings } from '../../../shared/import/transform';
import { rollupMismatch } from '../../helpers/rollup';
import { csvColumn, independentCentsSum, rejected, tempWorkspace, writeFile } from './helpers';

/**
 * Large CSV files are read and checked in a worker thread while the workspace's thread stores the
 * records. The worker runs the same scan code: results, records, problems (by row and column), the
 * evidence for decimal separator and date order, rejections and cancellation are those of a scan here.
 */
let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});
function open() {
  ws = tempWorkspace();
  return ws;
}

const HEADER = 'Date,Amount,Currency,Initiative,Category,Vendor,Description,Input tokens';

/** A spend CSV of `rows` lines (about 90 bytes each); line i+2 of the file is data row i. */
function bigCsv(rows: number, extra: (i: number) => string | null = () => null): string {
  const out = [HEADER];
  for (let i = 0; i < rows; i++) {
    out.push(
      extra(i) ??
        [
          `2026-0${(i % 6) + 1}-${String((i % 28) + 1).padStart(2, '0')}`,
          `${(i * 7919) % 100000}.${String(i % 1000000).padStart(6, '0')}`,
          i % 50 === 0 ? 'EUR' : 'USD',
          ['Copilot', 'Support bot', '', 'Doc search'][i % 4],
          ['model_api', 'compute', 'tooling'][i % 3],
          ['OpenAI', 'AWS', ''][i % 3],
          `"Usage ${i}, ""batch"" ${i % 97}"`,
          String((i * 31) % 100000),
        ].join(','),
    );
  }
  return `${out.join('\n')}\n`;
}

interface Scanned {
  result: Awaited<ReturnType<typeof scan>>;
  records: ImportRecord[];
  decimal: ReturnType<FormatEvidence['decideDecimal']>;
  dateOrder: ReturnType<FormatEvidence['decideDateOrder']>;
}

async function scanned(
  w: WritableWorkspace,
  file: string,
  thread: 'inline' | 'worker',
  o: { skipInvalid?: boolean; excludeRows?: number[]; settings?: Partial<ValueSettings> } = {},
): Promise<Scanned> {
  const analysis = await analyse(w.db, { path: file, name: 'f.csv' });
  try {
    const evidence = new FormatEvidence();
    const records: ImportRecord[] = [];
    const result = await scan(w.db, {
      analysis,
      mapping: analysis.mapping!,
      settings: { decimal: '.', dateOrder: 'mdy', ...o.settings } as ValueSettings,
      evidence,
      skipInvalid: o.skipInvalid ?? false,
      ...(o.excludeRows ? { excludeRows: new Set(o.excludeRows) } : {}),
      sink: (r) => records.push(r),
      thread,
    });
    return { result, records, decimal: evidence.decideDecimal(), dateOrder: evidence.decideDateOrder() };
  } finally {
    analysis.source.close();
  }
}

describe('the import worker thread', () => {
  it('gives the same result, records, problems and evidence as a scan on the workspace thread', async () => {
    const w = open();
    // Invalid values, a Total row, a blank row, another currency, new initiatives, quoted text.
    const file = writeFile(
      w.dir,
      'mixed.csv',
      bigCsv(3000, (i) => {
        if (i === 3) return '2026-02-30,12.50,USD,Copilot,compute,AWS,bad date,1';
        if (i === 7) return '2026-03-01,ten,USD,Copilot,compute,AWS,bad amount,1';
        if (i === 9) return '2026-03-01,1.5,USD,Copilot,gadgets,AWS,bad category,1';
        if (i === 11) return ',,,,,,,';
        if (i === 2999) return 'Total,,,,,,,';
        return null;
      }),
    );
    for (const o of [{ skipInvalid: true, excludeRows: [20, 21] }, { skipInvalid: false }]) {
      const inline = await scanned(w, file, 'inline', o);
      const worker = await scanned(w, file, 'worker', o);
      expect(worker).toEqual(inline);
      expect(inline.result.problems.map((p) => [p.row, p.column])).toEqual(
        o.skipInvalid
          ? [
              [5, 'Date'],
              [9, 'Amount'],
              [11, 'Category'],
              [20, null],
              [21, null],
              [3001, null],
            ]
          : [
              [5, 'Date'],
              [9, 'Amount'],
              [11, 'Category'],
              [3001, null],
            ],
      );
    }
  });

  it('hands the evidence over: a decimal-comma file is decided the same way', async () => {
    const w = open();
    const rows = ['Date;Amount;Vendor'];
    for (let i = 0; i < 500; i++) rows.push(`2026-01-${String((i % 28) + 1).padStart(2, '0')};${i},25;AWS`);
    const file = writeFile(w.dir, 'comma.csv', `${rows.join('\n')}\n`);
    const inline = await scanned(w, file, 'inline');
    const worker = await scanned(w, file, 'worker');
    expect(worker.decimal).toEqual({ value: ',', problem: null });
    expect(worker).toEqual(inline);
  });

  it('reads workbooks too (numbers, dates and text cells cross the thread unchanged)', async () => {
    const w = open();
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Spend');
    s.addRow(['Date', 'Amount', 'Initiative', 'Vendor']);
    for (let i = 0; i < 200; i++)
      s.addRow([new Date(Date.UTC(2026, i % 12, 15)), i * 1.25, 'Copilot', 'AWS']);
    const file = `${w.dir}/spend.xlsx`;
    await wb.xlsx.writeFile(file);
    const inline = await scanned(w, file, 'inline');
    const worker = await scanned(w, file, 'worker');
    expect(worker.result.storedRows).toBe(200);
    expect(worker).toEqual(inline);
  });

  it('commits a large file: every line stored as the scan here reads it, preview = commit, rollup exact', async () => {
    const w = open();
    const file = writeFile(w.dir, 'big.csv', bigCsv(30_000));
    expect(fs.statSync(file).size).toBeGreaterThan(WORKER_MIN_BYTES);
    // Every 50th line is in EUR (months 1, 3 and 5): each of those months needs its rate.
    w.db.exec(
      `INSERT INTO fx_rates (month, currency, rate) VALUES ('2026-01', 'EUR', '1.1'), ('2026-03', 'EUR', '1.1'), ('2026-05', 'EUR', '1.1')`,
    );
    const preview = await previewImport(w.db, { path: file, name: 'big.csv' });
    const s = await commitImport(w.db, { path: file, name: 'big.csv' });
    expect(s.rows).toBe(30_000);
    expect(preview.counts.valid).toBe(30_000);
    expect(preview.totals.map((t) => t.currency).sort()).toEqual(['EUR', 'USD']);
    expect(s.createdInitiatives.sort()).toEqual(preview.newInitiatives.map((n) => n.name).sort());
    const amounts = csvColumn(file, 'Amount');
    const currencies = csvColumn(file, 'Currency');
    for (const t of preview.totals) {
      expect(t.cents).toBe(independentCentsSum(amounts.filter((_, i) => currencies[i] === t.currency)));
    }
    // The stored lines are exactly the records a scan on this thread gives.
    const inline = await scanned(w, file, 'inline');
    const stored = w.db
      .prepare(
        `SELECT s.source_row AS row, s.date, s.amount_micro AS amount, s.currency, i.name AS initiative, s.category,
           s.vendor, s.cost_center AS costCenter, s.description, s.tokens_in AS tokensIn, s.tokens_out AS tokensOut,
           s.requests FROM spend s LEFT JOIN initiatives i ON i.id = s.initiative_id ORDER BY s.source_row`,
      )
      .all();
    expect(stored).toEqual(inline.records.map(({ kind: _kind, ...r }) => r));
    expect(rollupMismatch(w.db)).toBeNull();
  });

  it('sums the rollup in the worker: one initiative spelt two ways is one group, equal to the lines', async () => {
    const w = open();
    // Every 7th line names "COPILOT " for "Copilot": the worker sums them apart, the workspace stores one id.
    const file = writeFile(
      w.dir,
      'spellings.csv',
      bigCsv(30_000, (i) =>
        i % 7 === 0
          ? `2026-02-${String((i % 28) + 1).padStart(2, '0')},1.000001,USD,COPILOT ,compute,AWS,x,1`
          : null,
      ),
    );
    w.db.exec(
      `INSERT INTO fx_rates (month, currency, rate) VALUES ('2026-01', 'EUR', '1.1'), ('2026-03', 'EUR', '1.1'), ('2026-05', 'EUR', '1.1')`,
    );
    const s = await commitImport(w.db, { path: file, name: 'spellings.csv' });
    expect(s.rows).toBe(30_000);
    expect(rollupMismatch(w.db)).toBeNull();
    const copilot = w.db.prepare(`SELECT id FROM initiatives WHERE name = 'Copilot'`).pluck().get() as number;
    const groups = w.db
      .prepare(
        `SELECT count(*) AS n, sum(line_count) AS lines FROM spend_monthly
         WHERE initiative_id = ? AND month = '2026-02' AND category = 'compute' AND vendor = 'AWS' AND currency = 'USD'`,
      )
      .get(copilot) as { n: number; lines: number };
    const lines = w.db
      .prepare(
        `SELECT count(*) FROM spend WHERE initiative_id = ? AND month = '2026-02' AND category = 'compute' AND vendor = 'AWS' AND currency = 'USD'`,
      )
      .pluck()
      .get(copilot);
    expect(groups).toEqual({ n: 1, lines });
    expect(lines).toBeGreaterThan(1000);
  });

  it('rejects a file whose quote is never closed, naming the row, as a scan here does; nothing is written', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      'open-quote.csv',
      bigCsv(30_000, (i) => (i === 25_000 ? '2026-01-02,1,USD,Copilot,compute,AWS,"never closed,1' : null)),
    );
    const inline = await rejected(scanned(w, file, 'inline'));
    const worker = await rejected(scanned(w, file, 'worker'));
    expect(worker.message).toBe(inline.message);
    expect(worker.message).toMatch(/open-quote|f\.csv/);
    expect(worker.problems).toEqual(inline.problems);
    const commit = await rejected(commitImport(w.db, { path: file, name: 'open-quote.csv' }));
    expect(commit.message).toMatch(/row 25002: a quoted field is never closed/);
    expect(w.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
    expect(w.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
  });

  it('a cancelled import stops the worker and writes nothing', async () => {
    const w = open();
    const file = writeFile(w.dir, 'big.csv', bigCsv(40_000));
    // Every 50th line is in EUR (months 1, 3 and 5): each of those months needs its rate.
    w.db.exec(
      `INSERT INTO fx_rates (month, currency, rate) VALUES ('2026-01', 'EUR', '1.1'), ('2026-03', 'EUR', '1.1'), ('2026-05', 'EUR', '1.1')`,
    );
    const abort = new AbortController();
    let progress = 0;
    await expect(
      commitImport(w.db, {
        path: file,
        name: 'big.csv',
        signal: abort.signal,
        onProgress: () => {
          if (++progress === 3) abort.abort();
        },
      }),
    ).rejects.toBeInstanceOf(ImportCancelled);
    expect(w.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
    expect(w.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
    expect(rollupMismatch(w.db)).toBeNull();
    // The workspace takes the same file afterwards.
    expect((await commitImport(w.db, { path: file, name: 'big.csv' })).rows).toBe(40_000);
  });

  it('an error while storing stops the worker and reaches the caller', async () => {
    const w = open();
    const file = writeFile(w.dir, 'big.csv', bigCsv(5_000));
    const analysis = await analyse(w.db, { path: file, name: 'big.csv' });
    let stored = 0;
    await expect(
      scan(w.db, {
        analysis,
        mapping: analysis.mapping!,
        settings: { decimal: '.', dateOrder: 'mdy' } as ValueSettings,
        evidence: null,
        skipInvalid: false,
        sink: () => {
          if (++stored === 1500) throw new Error('disk full');
        },
        thread: 'worker',
      }),
    ).rejects.toThrow('disk full');
    analysis.source.close();
  });
});
