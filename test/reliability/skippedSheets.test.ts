import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { commitImport } from '../../electron/import/run';
import { readWorkbook, xlsxRows } from '../../electron/import/xlsxSource';
import { tempWorkspace } from '../helpers/tempWorkspace';
import { unzip, zip } from './zip';

/**
 * Workbooks whose data sheet follows other sheets: the shape that once crashed an import (a skipped sheet's
 * temp file) and once lost sheets (entries dropped by exceljs's streaming reader, 93 refusals in 1,000
 * re-imports under load). The importer now reads the chosen sheet's part itself, found through the
 * workbook's relationships: these cases hold it to that, repeatedly.
 */
const DATA_ROWS = 20;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-sheets-before-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Four hidden sheets of `hiddenRows` rows each, then "Spend" (a header and DATA_ROWS rows), written by exceljs. */
async function writeSheetsBeforeData(file: string, hiddenRows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (let k = 0; k < 4; k++) {
    const hidden = wb.addWorksheet(`Notes ${k}`);
    hidden.state = 'hidden';
    for (let i = 0; i < hiddenRows; i++) hidden.addRow(['note', i]);
  }
  const ws = wb.addWorksheet('Spend');
  ws.addRow(['Date', 'Amount', 'Vendor']);
  for (let i = 0; i < DATA_ROWS; i++) ws.addRow(['2026-01-15', i + 0.5, 'OpenAI']);
  await wb.xlsx.writeFile(file);
}

async function rowsOf(file: string, sheet: string): Promise<(string | number | boolean | null)[][]> {
  const rows: (string | number | boolean | null)[][] = [];
  for await (const batch of xlsxRows(file, path.basename(file), {
    sheet,
    workbook: readWorkbook(file, path.basename(file)),
  }))
    rows.push(...batch.map((r) => r.cells));
  return rows;
}

describe('workbooks with sheets before the data sheet', () => {
  it('the chosen sheet is read whole, every time, and a hidden one by its name', async () => {
    for (const hiddenRows of [5, 200]) {
      const file = path.join(dir, `sheets-${hiddenRows}.xlsx`);
      await writeSheetsBeforeData(file, hiddenRows);
      expect(readWorkbook(file, 'sheets.xlsx').sheets.map(({ name, hidden }) => ({ name, hidden }))).toEqual([
        { name: 'Notes 0', hidden: true },
        { name: 'Notes 1', hidden: true },
        { name: 'Notes 2', hidden: true },
        { name: 'Notes 3', hidden: true },
        { name: 'Spend', hidden: false },
      ]);
      for (let i = 0; i < 50; i++) {
        const rows = await rowsOf(file, 'Spend');
        expect(rows.length, `read ${i + 1}`).toBe(DATA_ROWS + 1);
        expect(rows[0]).toEqual(['Date', 'Amount', 'Vendor']);
        expect(rows[DATA_ROWS]).toEqual(['2026-01-15', DATA_ROWS - 0.5, 'OpenAI']);
      }
      expect((await rowsOf(file, 'Notes 2')).length).toBe(hiddenRows);
    }
  });

  it('with no workbook relationships part, each sheet is found at its conventional part', async () => {
    const full = path.join(dir, 'full.xlsx');
    await writeSheetsBeforeData(full, 5);
    const file = path.join(dir, 'no-rels.xlsx');
    fs.writeFileSync(
      file,
      zip(unzip(fs.readFileSync(full)).filter((p) => p.name !== 'xl/_rels/workbook.xml.rels')),
    );
    expect((await rowsOf(file, 'Spend')).length).toBe(DATA_ROWS + 1);
  });

  it('imported (the first visible sheet, with no hint) 20 times into one workspace: every line, every time', async () => {
    const file = path.join(dir, 'import.xlsx');
    await writeSheetsBeforeData(file, 200);
    const ws = tempWorkspace();
    try {
      for (let i = 0; i < 20; i++) {
        const s = await commitImport(ws.db, {
          path: file,
          name: 'import.xlsx',
          allowDuplicate: true,
          overlap: 'append',
        });
        expect(s.sheet).toBe('Spend');
        expect(s.rows).toBe(DATA_ROWS);
      }
      expect(ws.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(20 * DATA_ROWS);
    } finally {
      ws.close();
    }
  });
});
