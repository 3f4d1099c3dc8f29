import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/import/run';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { rejected, tempWorkspace, writeFile } from './helpers';

/**
 * A workbook whose amount column names no currency (no currency column, no code in the header) still shows
 * one in each cell's number format. Real .xlsx files written by exceljs with a format per cell, read back by
 * the importer with no hint: a € cell is never booked as the workspace's $.
 */
let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

async function workbook(dir: string, rows: [Date, string, number, string][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Ausgaben');
  sheet.addRow(['Date', 'Vendor', 'Amount']);
  for (const [date, vendor, amount, format] of rows) {
    sheet.addRow([date, vendor, amount]).getCell(3).numFmt = format;
  }
  const file = path.join(dir, 'ausgaben.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

const day = (d: number) => new Date(Date.UTC(2026, 2, d));

const lines = (w: WritableWorkspace, batch: number | null) =>
  w.db
    .prepare(
      'SELECT source_row AS row, amount_micro AS micro, currency FROM spend WHERE batch_id = ? ORDER BY source_row',
    )
    .all(batch);

describe('the currency of a number cell’s format', () => {
  it('€ formats in a USD workspace: refused for the missing EUR rate, then stored as EUR, per cell', async () => {
    ws = tempWorkspace({ currency: 'USD' });
    const file = await workbook(ws.dir, [
      [day(2), 'OpenAI', 1234.5, '[$€-407] #,##0.00'],
      [day(3), 'Mistral', 99.99, '#,##0.00 [$EUR]'],
      [day(4), 'Anthropic', 20, '_-[$$-409]* #,##0.00_-;\\-[$$-409]* #,##0.00_-'],
      [day(5), 'DeepL', 8.25, '#,##0.00\\ "€"'],
    ]);
    const p = await previewImport(ws.db, { path: file, name: 'ausgaben.xlsx' });
    expect(p.totals).toEqual([
      expect.objectContaining({ currency: 'EUR', micro: '1342740000' }),
      expect.objectContaining({ currency: 'USD', micro: '20000000' }),
    ]);
    expect(p.notes).toContain(`currency read from the amount cells' number format: 2 "€", 1 "EUR", 1 "USD"`);
    const refused = await rejected(commitImport(ws.db, { path: file, name: 'ausgaben.xlsx' }));
    expect(refused.problems.map((x) => x.code)).toEqual(['missing-fx-rate']);
    expect(refused.message).toMatch(/no EUR rate for 2026-03/);
    expect(ws.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);

    const rates = writeFile(ws.dir, 'fx.csv', 'Month,Currency,Rate\n2026-03,EUR,1.0850\n');
    await commitImport(ws.db, { path: rates, name: 'fx.csv' });
    const s = await commitImport(ws.db, { path: file, name: 'ausgaben.xlsx' });
    expect(lines(ws, s.batch)).toEqual([
      { row: 2, micro: 1_234_500_000, currency: 'EUR' },
      { row: 3, micro: 99_990_000, currency: 'EUR' },
      { row: 4, micro: 20_000_000, currency: 'USD' },
      { row: 5, micro: 8_250_000, currency: 'EUR' },
    ]);
  });

  it('"£" quoted in the format, in a GBP workspace: GBP with nothing assumed', async () => {
    ws = tempWorkspace({ currency: 'GBP' });
    const file = await workbook(ws.dir, [
      [day(2), 'Azure', 500.5, '"£"#,##0.00'],
      [day(3), 'AWS', 0.125, '"£"#,##0.000'],
    ]);
    const p = await previewImport(ws.db, { path: file, name: 'ausgaben.xlsx' });
    expect(p.canCommit).toBe(true);
    expect(p.notes).toEqual([`currency read from the amount cells' number format: 2 "£"`]);
    const s = await commitImport(ws.db, { path: file, name: 'ausgaben.xlsx' });
    expect(s).toMatchObject({ rows: 2, currency: 'GBP', total: 500.63 });
  });

  it('a bare "$" format in a EUR workspace is not guessed: the file asks for its currency', async () => {
    ws = tempWorkspace({ currency: 'EUR' });
    const file = await workbook(ws.dir, [
      [day(2), 'Vendor A', 10, '$#,##0.00_);[Red]\\($#,##0.00\\)'],
      [day(3), 'Vendor B', 20, '[$€-407] #,##0.00'],
    ]);
    const refused = await rejected(commitImport(ws.db, { path: file, name: 'ausgaben.xlsx' }));
    expect(refused.problems.map((x) => [x.code, x.column])).toEqual([['ambiguous-currency', 'Amount']]);
    expect(refused.problems[0]!.message).toMatch(
      /amounts written with "\$" \(row 2\) could be USD, CAD, AUD, NZD/,
    );
    // Stated on import, the $ cells are USD (and need their rate); the € cell stays EUR.
    const stated = await previewImport(ws.db, { path: file, name: 'ausgaben.xlsx', currency: 'USD' });
    expect(stated.totals.map((t) => [t.currency, t.micro]).sort()).toEqual([
      ['EUR', '20000000'],
      ['USD', '10000000'],
    ]);
  });

  it('a number format without a currency leaves the workspace currency assumed, and said', async () => {
    ws = tempWorkspace({ currency: 'USD' });
    const file = await workbook(ws.dir, [[day(2), 'Vendor', 42, '#,##0.00']]);
    const p = await previewImport(ws.db, { path: file, name: 'ausgaben.xlsx' });
    expect(p.notes).toEqual(['no currency in the file: booked as USD (workspace currency)']);
  });
});
