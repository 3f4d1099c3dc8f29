import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/import/run';
import { listSavedMappings } from '../../../electron/store/savedMappings';
import { undoBatch } from '../../../electron/store/batches';
import { describeOverlap, replaceRemovesMore } from '../../../shared/import/overlap';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { SHEET_HEAD, spendSheetData, unzip, zip } from '../../reliability/zip';
import { rejected, tempWorkspace, writeFile } from './helpers';

let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});
function open(init: { currency?: string } = {}) {
  ws = tempWorkspace(init);
  return ws;
}

/** Everything an import could have written, to prove a rejected one wrote nothing. */
function snapshot(w: WritableWorkspace): unknown {
  const q = (sql: string) => w.db.prepare(sql).all();
  return {
    batches: q('SELECT * FROM import_batches'),
    spend: q('SELECT * FROM spend'),
    monthly: q('SELECT * FROM spend_monthly'),
    budget: q('SELECT * FROM budget'),
    benefits: q('SELECT * FROM benefits'),
    obs: q('SELECT * FROM kpi_observations'),
    initiatives: q('SELECT * FROM initiatives'),
    mappings: q('SELECT * FROM saved_mappings'),
  };
}

const GOOD =
  'Date,Amount,Initiative,Category,Vendor\n2026-01-15,"1,200.50",Copilot,model_api,OpenAI\n2026-02-15,300.25,Copilot,compute,AWS\n';

describe('generic spend CSV', () => {
  it('imports, creates the named initiative in the same batch, and undo removes both', async () => {
    const w = open();
    const file = writeFile(w.dir, 'spend.csv', GOOD);
    const preview = await previewImport(w.db, { path: file, name: 'spend.csv' });
    expect(preview.kind).toBe('spend');
    expect(preview.format).toBe('csv');
    expect(preview.newInitiatives).toEqual([{ name: 'Copilot', row: 2 }]);
    expect(preview.totals).toEqual([{ currency: 'USD', micro: '1500750000', cents: '1500.75' }]);
    const s = await commitImport(w.db, { path: file, name: 'spend.csv' });
    expect(s).toMatchObject({
      rows: 2,
      excluded: 0,
      total: 1500.75,
      currency: 'USD',
      createdInitiatives: ['Copilot'],
    });
    expect(w.db.prepare('SELECT count(*) FROM initiatives').pluck().get()).toBe(1);
    undoBatch(w.db, s.batch!);
    expect(w.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
    expect(w.db.prepare('SELECT count(*) FROM spend_monthly').pluck().get()).toBe(0);
    expect(w.db.prepare('SELECT count(*) FROM initiatives').pluck().get()).toBe(0);
  });

  it('rejects a file with a bad row whole, naming row, column and text, and writes nothing', async () => {
    const w = open();
    await commitImport(w.db, { path: writeFile(w.dir, 'first.csv', GOOD), name: 'first.csv' });
    const before = snapshot(w);
    const bad = writeFile(
      w.dir,
      'bad.csv',
      'Date,Amount\n2026-03-01,10.00\n2026-03-02,ten\n2026-13-01,5\n2026-03-04,7\n',
    );
    const err = await rejected(commitImport(w.db, { path: bad, name: 'bad.csv' }));
    expect(err.message).toMatch(/bad\.csv/);
    expect(err.message).toMatch(/row 3, column "Amount" \("ten"\)/);
    expect(err.message).toMatch(/row 4, column "Date" \("2026-13-01"\)/);
    expect(snapshot(w)).toEqual(before);
  });

  it('--skip-invalid leaves bad rows out and records them in the batch', async () => {
    const w = open();
    const bad = writeFile(w.dir, 'bad.csv', 'Date,Amount\n2026-03-01,10.00\n2026-03-02,ten\n2026-03-04,7\n');
    const s = await commitImport(w.db, { path: bad, name: 'bad.csv', skipInvalid: true });
    expect(s).toMatchObject({ rows: 2, excluded: 1, total: 17 });
    expect(s.problems).toEqual([
      expect.objectContaining({ row: 3, column: 'Amount', value: 'ten', severity: 'error' }),
    ]);
    const recorded = JSON.parse(
      w.db.prepare('SELECT problems_json FROM import_batches WHERE id = ?').pluck().get(s.batch) as string,
    );
    expect(recorded[0]).toMatchObject({ row: 3, column: 'Amount' });
    expect(w.db.prepare('SELECT excluded_count FROM import_batches WHERE id = ?').pluck().get(s.batch)).toBe(
      1,
    );
  });

  it.each([
    ['empty file', '', /empty/],
    ['header only', 'Date,Amount\n', /no data rows/],
    ['binary file', Buffer.from([0, 1, 2, 3, 0, 0, 9, 0, 0, 7, 1, 0]), /binary/],
    ['a required column missing', 'Date,Vendor\n2026-01-01,X\n', /Amount/],
    [
      'a quote never closed',
      'Date,Amount,Description\n2026-01-01,1,"oops\n2026-01-02,2,fine\n',
      /never closed/,
    ],
  ])('rejects %s with a clear message and writes nothing', async (_label, content, message) => {
    const w = open();
    const before = snapshot(w);
    const file = writeFile(w.dir, 'x.csv', content);
    const err = await rejected(commitImport(w.db, { path: file, name: 'x.csv', as: 'spend' }));
    expect(err.message).toMatch(message);
    expect(snapshot(w)).toEqual(before);
  });

  it('refuses mixed currencies without an exchange rate', async () => {
    const w = open();
    const file = writeFile(w.dir, 'fx.csv', 'Date,Amount,Currency\n2026-01-01,1,USD\n2026-01-02,2,EUR\n');
    const err = await rejected(commitImport(w.db, { path: file, name: 'fx.csv' }));
    expect(err.message).toMatch(
      /no EUR rate for 2026-01: add it in Settings › Exchange rates or import a rates file/,
    );
    expect(err.problems.map((p) => p.code)).toEqual(['missing-fx-rate']);
  });

  it('warns on the same file again and refuses it unless asked', async () => {
    const w = open();
    const file = writeFile(w.dir, 'spend.csv', GOOD);
    const first = await commitImport(w.db, { path: file, name: 'spend.csv' });
    const preview = await previewImport(w.db, { path: file, name: 'spend.csv' });
    expect(preview.duplicateOf).toMatchObject({ batch: first.batch });
    expect(preview.overlaps).toEqual([
      { batch: first.batch, fileName: 'spend.csv', rows: 2, batchRows: 2, from: '2026-01', to: '2026-02' },
    ]);
    const err = await rejected(commitImport(w.db, { path: file, name: 'spend.csv' }));
    expect(err.message).toMatch(/already imported as batch #1/);
    const again = await commitImport(w.db, { path: file, name: 'spend.csv', allowDuplicate: true });
    expect(again.batch).toBe(2);
  });
});

describe('explicit exclusions and overlapping periods', () => {
  it('rows the user excludes are left out and recorded', async () => {
    const w = open();
    const file = writeFile(w.dir, 'spend.csv', GOOD);
    const s = await commitImport(w.db, { path: file, name: 'spend.csv', excludeRows: [3] });
    expect(s).toMatchObject({ rows: 1, excluded: 1, total: 1200.5 });
    expect(s.problems).toEqual([expect.objectContaining({ row: 3, message: 'left out on request' })]);
  });

  it('replace undoes the batches already covering those dates, in the same transaction', async () => {
    const w = open();
    const jan = await commitImport(w.db, { path: writeFile(w.dir, 'v1.csv', GOOD), name: 'v1.csv' });
    const v2 = writeFile(w.dir, 'v2.csv', 'Date,Amount,Initiative\n2026-01-20,999.99,Copilot\n');
    const p = await previewImport(w.db, { path: v2, name: 'v2.csv' });
    // v1 holds January and February: replacing it for January takes February's row too, and says so.
    expect(p.overlaps).toEqual([
      { batch: jan.batch, fileName: 'v1.csv', rows: 1, batchRows: 2, from: '2026-01', to: '2026-02' },
    ]);
    expect(describeOverlap(p.overlaps[0]!)).toBe(
      `batch #${jan.batch} “v1.csv” has 1 row in these months, and 1 more row outside them (all 2 rows: Jan 2026 – Feb 2026)`,
    );
    expect(replaceRemovesMore(p.overlaps)).toBe(true);
    const s = await commitImport(w.db, { path: v2, name: 'v2.csv', overlap: 'replace' });
    expect(s.replacedBatches).toEqual([jan.batch]);
    expect(w.db.prepare('SELECT status FROM import_batches WHERE id = ?').pluck().get(jan.batch)).toBe(
      'undone',
    );
    expect(w.db.prepare('SELECT sum(amount_micro) FROM spend').pluck().get()).toBe(999_990_000);
    expect(w.db.prepare('SELECT count(*) FROM initiatives').pluck().get()).toBe(1);
  });
});

describe('separators, encodings and layouts', () => {
  it('decimal comma with semicolons, detected from all rows (the decisive row is the last)', async () => {
    const w = open();
    const rows = ['Datum;Betrag;Kategorie'];
    for (let i = 0; i < 50; i++) rows.push(`01.02.2026;1.234;compute`); // ambiguous on their own
    rows.push('15.02.2026;0,5;compute');
    const file = writeFile(w.dir, 'de.csv', rows.join('\r\n'));
    const s = await commitImport(w.db, {
      path: file,
      name: 'de.csv',
      mapping: { kind: 'spend', columns: { date: 'Datum', amount: 'Betrag', category: 'Kategorie' } },
    });
    expect(s.total).toBe(61700.5); // 50 × 1234 + 0.5
    const saved = listSavedMappings(w.db)[0]!;
    expect(saved.mapping.decimal).toBe(',');
  });

  it('asks when no row decides the decimal separator', async () => {
    const w = open();
    const file = writeFile(w.dir, 'amb.csv', 'Date,Amount\n2026-01-01,"1,234"\n2026-01-02,"2,500"\n');
    const p = await previewImport(w.db, { path: file, name: 'amb.csv' });
    expect(p.canCommit).toBe(false);
    expect(p.decimal).toBeNull();
    expect(p.blockers.join(' ')).toMatch(/decimal separator/);
  });

  it('day-first dates are detected from a later row; month-first when the data says so', async () => {
    const w = open();
    const file = writeFile(w.dir, 'dmy.csv', 'Date,Amount\n01/02/2026,1\n03/04/2026,1\n25/04/2026,1\n');
    const s = await commitImport(w.db, { path: file, name: 'dmy.csv' });
    const dates = w.db
      .prepare('SELECT date FROM spend WHERE batch_id = ? ORDER BY source_row')
      .pluck()
      .all(s.batch);
    expect(dates).toEqual(['2026-02-01', '2026-04-03', '2026-04-25']);
  });

  it('UTF-16LE with BOM, tab-delimited', async () => {
    const w = open();
    const text = '\uFEFFDate\tAmount\tDescription\n2026-01-01\t10.50\tCafé ≤ 200k\n';
    const file = writeFile(w.dir, 'u16.csv', Buffer.from(text, 'utf16le'));
    const p = await previewImport(w.db, { path: file, name: 'u16.csv' });
    expect(p).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(p.sample[0]).toMatchObject({ description: 'Café ≤ 200k', amount: 10_500_000 });
  });

  it('Windows-1252 text (€ and curly quotes) and pipe delimiter', async () => {
    const w = open({ currency: 'EUR' });
    const bytes = Buffer.concat([
      Buffer.from('Date|Amount|Description\n2026-01-01|'),
      Buffer.from([0x80]),
      Buffer.from('12,50|'),
      Buffer.from([0x93]),
      Buffer.from('Caf'),
      Buffer.from([0xe9, 0x94]),
      Buffer.from('\n'),
    ]);
    const file = writeFile(w.dir, 'w1252.csv', bytes);
    const p = await previewImport(w.db, { path: file, name: 'w1252.csv' });
    expect(p).toMatchObject({ encoding: 'windows-1252', delimiter: '|' });
    expect(p.sample[0]).toMatchObject({ description: '“Café”', amount: 12_500_000, currency: 'EUR' });
  });

  it('quoted fields with embedded delimiters and newlines, CRLF, rows numbered as records', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      'q.csv',
      'Date,Amount,Description\r\n2026-01-01,1,"a, b\r\nc"\r\n2026-01-02,bad,x\r\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'q.csv' });
    expect(p.sample[0]).toMatchObject({ description: 'a, b\r\nc' });
    expect(p.problems[0]).toMatchObject({ row: 3, column: 'Amount' });
  });

  it('an Excel "sep=;" line names the delimiter', async () => {
    const w = open();
    const file = writeFile(w.dir, 'sep.csv', 'sep=;\nDate;Amount;Vendor\n2026-01-01;5,25;X\n');
    const p = await previewImport(w.db, { path: file, name: 'sep.csv' });
    expect(p).toMatchObject({ delimiter: ';', headerRow: 2, decimal: ',' });
    expect(p.totals[0]!.cents).toBe('5.25');
  });

  it('title rows above the header are skipped', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      't.csv',
      'AI spend export,,\nGenerated 2026-04-01,,\n,,\nDate,Amount,Vendor\n2026-01-01,5,X\n',
    );
    const p = await previewImport(w.db, { path: file, name: 't.csv' });
    expect(p.headerRow).toBe(4);
    expect(p.counts.valid).toBe(1);
  });
});

describe('other kinds', () => {
  it('KPI observations in long form, by id or name, with percentages', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      'kpi.csv',
      'KPI,Period,Value\nsupport_deflection,2026-03,12.5%\nAI Service Availability,Q1 2026,0.997\nNo such KPI,2026-03,1\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'kpi.csv' });
    expect(p.kind).toBe('kpis');
    expect(p.problems).toEqual([expect.objectContaining({ row: 4, column: 'KPI', value: 'No such KPI' })]);
    const s = await commitImport(w.db, { path: file, name: 'kpi.csv', skipInvalid: true });
    expect(s).toMatchObject({ rows: 2, excluded: 1, total: null });
    const obs = w.db
      .prepare('SELECT kpi_id, period_start, period_end, value FROM kpi_observations ORDER BY kpi_id')
      .all();
    expect(obs).toEqual([
      { kpi_id: 'service_availability', period_start: '2026-01-01', period_end: '2026-03-31', value: 0.997 },
      { kpi_id: 'support_deflection', period_start: '2026-03-01', period_end: '2026-03-31', value: 0.125 },
    ]);
  });

  it('KPI observations in wide form (one column per month)', async () => {
    const w = open();
    const file = writeFile(
      w.dir,
      'wide.csv',
      'KPI,Jan 2026,Feb 2026,Mar 2026\nincident_count,1,,3\nsupport_deflection,10%,11%,12%\n',
    );
    const s = await commitImport(w.db, { path: file, name: 'wide.csv' });
    // rows: the observations stored (one per KPI per month given); sourceRows: the file's data rows.
    expect(s).toMatchObject({ kind: 'kpis', rows: 5, sourceRows: 2 });
    expect(w.db.prepare('SELECT count(*) FROM kpi_observations').pluck().get()).toBe(5);
    // A later file for February and March overlaps it: counted in observations on both sides (2 file rows
    // hold 5), so the notice says replacing would take January's too.
    const later = writeFile(w.dir, 'later.csv', 'KPI,Feb 2026,Mar 2026\nincident_count,2,4\n');
    const p = await previewImport(w.db, { path: later, name: 'later.csv' });
    expect(p.overlaps).toEqual([
      { batch: s.batch, fileName: 'wide.csv', rows: 3, batchRows: 5, from: '2026-01', to: '2026-03' },
    ]);
    expect(replaceRemovesMore(p.overlaps)).toBe(true);
  });

  it('budget by month and benefits (realized vs projected)', async () => {
    const w = open();
    const b = await commitImport(w.db, {
      path: writeFile(
        w.dir,
        'budget.csv',
        'Month,Budget,Category\n2026-01,1000,model_api\nFeb 2026,1000,compute\n',
      ),
      name: 'budget.csv',
    });
    expect(b).toMatchObject({ kind: 'budget', rows: 2, total: 2000 });
    const f = await commitImport(w.db, {
      path: writeFile(
        w.dir,
        'benefits.csv',
        'Date,Initiative,Benefit,Type,Status\n2026-01-31,Copilot,500,cost savings,realized\n2026-02-28,Copilot,900,revenue,projected\n',
      ),
      name: 'benefits.csv',
    });
    expect(f).toMatchObject({ kind: 'benefits', rows: 2, total: 1400, createdInitiatives: ['Copilot'] });
    expect(w.db.prepare('SELECT type, realized FROM benefits ORDER BY date').all()).toEqual([
      { type: 'cost_savings', realized: 1 },
      { type: 'revenue', realized: 0 },
    ]);
  });
});

describe('saved mappings', () => {
  it('a mapping chosen once is remembered for the same header layout next quarter', async () => {
    const w = open();
    const q1 = writeFile(w.dir, 'q1.csv', 'Posted,Net (USD),Project\n2026-01-05,100,Copilot\n');
    const mapping = {
      kind: 'spend' as const,
      columns: { date: 'Posted', amount: 'Net (USD)', initiative: 'Project' },
    };
    await commitImport(w.db, { path: q1, name: 'q1.csv', mapping, mappingName: 'GL extract' });
    const q2 = writeFile(w.dir, 'q2.csv', 'Posted,Net (USD),Project\n2026-04-05,250,Copilot\n');
    const p = await previewImport(w.db, { path: q2, name: 'q2.csv' });
    expect(p.mappingSource).toBe('saved');
    expect(p.savedMapping?.name).toBe('GL extract');
    const s = await commitImport(w.db, { path: q2, name: 'q2.csv' });
    expect(s.total).toBe(250);
    expect(listSavedMappings(w.db)).toHaveLength(1);
  });
});

describe('xlsx quirks (files written with exceljs)', () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    const file = path.join(ws!.dir, `wb-${Math.random().toString(36).slice(2)}.xlsx`);
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('title row, merged header, date cells, currency formats, cached formulas and a Total row', async () => {
    const w = open();
    const file = await workbook((wb) => {
      wb.addWorksheet('Notes', { state: 'hidden' }).addRow(['internal']);
      const s = wb.addWorksheet('Spend');
      s.addRow(['AI spend FY2026 (merged title)']);
      s.mergeCells('A1:D1');
      s.addRow([]);
      s.addRow(['Date', 'Vendor\nname', 'Amount', 'Category']);
      s.addRow([new Date(Date.UTC(2026, 0, 31)), 'OpenAI', 1234.5, 'model_api']);
      s.addRow([new Date(Date.UTC(2026, 1, 28)), 'AWS', { formula: 'C4*2', result: 2469 }, 'compute']);
      s.addRow([46082, 'Azure', 0.1, 'platform']); // a date serial in a cell without a date format: 2026-03-01
      s.addRow(['Total', null, { formula: 'SUM(C4:C6)', result: 3703.6 }, null]);
      s.getColumn(1).numFmt = 'yyyy-mm-dd';
      s.getCell('A6').numFmt = 'General';
      s.getColumn(3).numFmt = '"$"#,##0.00';
    });
    const p = await previewImport(w.db, { path: file, name: 'wb.xlsx' });
    expect(p.sheets).toEqual([
      { name: 'Notes', hidden: true },
      { name: 'Spend', hidden: false },
    ]);
    expect(p.sheet).toBe('Spend');
    expect(p.headerRow).toBe(3);
    expect(p.headers).toEqual(['Date', 'Vendor name', 'Amount', 'Category']);
    expect(p.counts).toMatchObject({ valid: 3, totalRowsExcluded: 1 });
    expect(p.problems).toEqual([
      expect.objectContaining({ row: 7, severity: 'warning', message: expect.stringMatching(/Total/) }),
    ]);
    const s = await commitImport(w.db, { path: file, name: 'wb.xlsx' });
    expect(s).toMatchObject({ format: 'xlsx', sheet: 'Spend', rows: 3, excluded: 1, total: 3703.6 });
    const dates = w.db.prepare('SELECT date FROM spend ORDER BY source_row').pluck().all();
    expect(dates).toEqual(['2026-01-31', '2026-02-28', '2026-03-01']);
  });

  it('number cells are numbers whatever the decimal separator: only text cells follow it', async () => {
    const w = open();
    // A European workbook: most amounts are real numbers, one was pasted as text with a decimal comma.
    const file = await workbook((wb) => {
      const s = wb.addWorksheet('Spend');
      s.addRow(['Date', 'Amount', 'Vendor']);
      s.addRow(['2026-01-05', 0.125, 'A']);
      s.addRow(['2026-01-06', 1234.5, 'B']);
      s.addRow(['2026-01-07', '1.234,56', 'C']);
      s.addRow(['2026-01-08', -0.0000005, 'D']); // half a micro-unit: rounds away from zero
      s.addRow(['2026-01-09', 2.5e-7, 'E']);
    });
    const amounts = (batch: number) =>
      w.db
        .prepare('SELECT amount_micro FROM spend WHERE batch_id = ? ORDER BY source_row')
        .pluck()
        .all(batch);
    const expected = [125_000, 1_234_500_000, 1_234_560_000, -1, 0];

    // Decided from the rows: only the text cell says anything about separators.
    const p = await previewImport(w.db, { path: file, name: 'eu.xlsx' });
    expect(p.decimal).toBe(',');
    expect(p.problems).toEqual([]);
    const auto = await commitImport(w.db, { path: file, name: 'eu.xlsx' });
    expect(amounts(auto.batch!)).toEqual(expected);

    // Given in the mapping (a layout first met as a European CSV): the same.
    const given = await commitImport(w.db, {
      path: file,
      name: 'eu.xlsx',
      allowDuplicate: true,
      mapping: { kind: 'spend', columns: { date: 'Date', amount: 'Amount', vendor: 'Vendor' }, decimal: ',' },
    });
    expect(amounts(given.batch!)).toEqual(expected);
  });

  it('a formula without a cached result is an error naming the cell, and nothing is written', async () => {
    const w = open();
    const file = await workbook((wb) => {
      const s = wb.addWorksheet('Spend');
      s.addRow(['Date', 'Amount']);
      s.addRow(['2026-01-01', { formula: '1+1' }]);
    });
    const before = snapshot(w);
    const err = await rejected(commitImport(w.db, { path: file, name: 'f.xlsx' }));
    expect(err.message).toMatch(/cell B2 holds a formula \(=1\+1\) with no saved result/);
    expect(err.message).toMatch(/sheet "Spend"/);
    expect(snapshot(w)).toEqual(before);
  });

  it('--sheet picks a sheet; an unknown sheet lists the sheets', async () => {
    const w = open();
    const file = await workbook((wb) => {
      wb.addWorksheet('Readme').addRow(['see next tab']);
      const s = wb.addWorksheet('Budget');
      s.addRow(['Month', 'Budget']);
      s.addRow(['2026-01', 10]);
    });
    const s = await commitImport(w.db, { path: file, name: 'b.xlsx', sheet: 'Budget' });
    expect(s).toMatchObject({ kind: 'budget', rows: 1, total: 10 });
    const err = await rejected(commitImport(w.db, { path: file, name: 'b.xlsx', sheet: 'Nope' }));
    expect(err.message).toMatch(/no sheet named "Nope" \(sheets: "Readme", "Budget"\)/);
  });

  it('reads a workbook the same whatever the order of its zip parts, and hashes the file as written', async () => {
    const w = open();
    const file = await workbook((wb) => {
      wb.addWorksheet('Notes').addRow(['read me']);
      const s = wb.addWorksheet('Spend');
      s.addRow(['Date', 'Amount', 'Vendor']);
      s.addRow([new Date(Date.UTC(2026, 0, 31)), 12.5, 'OpenAI']);
      s.addRow([new Date(Date.UTC(2026, 1, 28)), 7.25, 'Anthropic & Co']);
      s.getColumn(1).numFmt = 'dd/mm/yyyy';
    });
    const parts = unzip(fs.readFileSync(file));
    expect(parts.map((p) => p.name)).toContain('xl/sharedStrings.xml');
    const sheet = (p: { name: string }) => p.name.startsWith('xl/worksheets/');
    const late = (p: { name: string }) => /sharedStrings|styles|workbook/.test(p.name);
    const orders = {
      // Excel's own: the shared strings and styles after the sheets.
      excel: [...parts.filter((p) => !sheet(p) && !late(p)), ...parts.filter(sheet), ...parts.filter(late)],
      // The sheets before everything else, the workbook itself last.
      sheetsFirst: [...parts.filter(sheet), ...parts.filter((p) => !sheet(p)).reverse()],
    };
    for (const [label, order] of Object.entries(orders)) {
      const bytes = zip(order);
      const f = writeFile(w.dir, `${label}.xlsx`, bytes);
      const s = await commitImport(w.db, { path: f, name: `${label}.xlsx`, sheet: 'Spend' });
      expect(s.sha256, label).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
      expect(s, label).toMatchObject({ rows: 2, total: 19.75 });
      const lines = w.db
        .prepare('SELECT date, amount_micro, vendor FROM spend WHERE batch_id = ? ORDER BY source_row')
        .all(s.batch);
      expect(lines, label).toEqual([
        { date: '2026-01-31', amount_micro: 12_500_000, vendor: 'OpenAI' },
        { date: '2026-02-28', amount_micro: 7_250_000, vendor: 'Anthropic & Co' },
      ]);
    }
  });

  it('a workbook whose zip directory points two parts at the same bytes is refused', async () => {
    const w = open();
    const sheet = Buffer.from(`${SHEET_HEAD}<sheetData>${spendSheetData(3)}</sheetData></worksheet>`);
    const bytes = zip([
      {
        name: 'xl/workbook.xml',
        data: Buffer.from('<workbook><sheets><sheet name="A"/></sheets></workbook>'),
      },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
      { name: 'xl/worksheets/sheet2.xml', data: sheet },
    ]);
    // The last directory record is pointed at the sheet before it: each part checks out alone.
    const records: number[] = [];
    for (
      let at = bytes.readUInt32LE(bytes.length - 6);
      records.length < 3;
      at += 46 + bytes.readUInt16LE(at + 28)
    )
      records.push(at);
    bytes.writeUInt32LE(bytes.readUInt32LE(records[1]! + 42), records[2]! + 42);
    const file = writeFile(w.dir, 'overlap.xlsx', bytes);
    const err = await rejected(commitImport(w.db, { path: file, name: 'overlap.xlsx' }));
    expect(err.message).toMatch(/corrupt \(part xl\/worksheets\/sheet\d\.xml overlaps another\)/);
  });

  it('a zip bomb is refused from its directory, with the limit in the message', async () => {
    const w = open();
    // One stored entry whose central-directory record declares 3 GB uncompressed.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const data = Buffer.from('<worksheet/>');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(3_000_000_000, 24);
    cd.writeUInt16LE(name.length, 28);
    const cdOffset = local.length + name.length + data.length;
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(cd.length + name.length, 12);
    eocd.writeUInt32LE(cdOffset, 16);
    const file = writeFile(w.dir, 'bomb.xlsx', Buffer.concat([local, name, data, cd, name, eocd]));
    const err = await rejected(commitImport(w.db, { path: file, name: 'bomb.xlsx' }));
    expect(err.message).toMatch(/unpacks to 2861 MB, beyond the import limit of 512 MB/);
  });

  it('a workbook cut inside its zip end record is refused, not a crash (found by the reliability fuzz)', async () => {
    const w = open();
    const good = await workbook((wb) => {
      const s = wb.addWorksheet('Spend');
      s.addRow(['Date', 'Amount']);
      s.addRow(['2026-01-01', 1]);
    });
    const bytes = fs.readFileSync(good);
    for (const cut of [10, 21, 30]) {
      const file = writeFile(w.dir, `cut-${cut}.xlsx`, bytes.subarray(0, bytes.length - cut));
      const err = await rejected(commitImport(w.db, { path: file, name: `cut-${cut}.xlsx` }));
      expect(err.message).toMatch(/corrupt|truncated/);
    }
  });

  it('a corrupt or password-protected workbook is refused with a clear message', async () => {
    const w = open();
    const corrupt = writeFile(
      w.dir,
      'c.xlsx',
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]),
    );
    expect((await rejected(commitImport(w.db, { path: corrupt, name: 'c.xlsx' }))).message).toMatch(
      /corrupt/,
    );
    const ole = writeFile(
      w.dir,
      'p.xlsx',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)]),
    );
    expect((await rejected(commitImport(w.db, { path: ole, name: 'p.xlsx' }))).message).toMatch(
      /password-protected/,
    );
  });
});
