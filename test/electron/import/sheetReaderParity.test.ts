import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook, xlsxRows } from '../../../electron/import/xlsxSource';
import type { Cell, SourceRow } from '../../../shared/import/cells';
import { excelSerialIso, isDateFormat, numberFormatCurrency } from '../../../shared/import/numberFormat';
import { rng, type Rng } from '../../reliability/random';
import { tempDir } from './helpers';

/**
 * The worksheet reader (sheetXml + sheetCells) on random workbooks written by exceljs both ways (shared
 * strings, and inline strings from the streaming writer): every row's values and currencies are the values
 * written. (exceljs's own streaming reader fails this: it keeps only the last run of an inline rich string,
 * and reads a formula's date as a number.)
 */
const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const TEXTS = [
  'OpenAI',
  'Müller & Söhne',
  'a < b > c',
  'quote "x" \'y\'',
  ' padded ',
  'line\nbreak',
  '日本語',
  '€ 12',
  '=SUM(A1)',
  '',
];
const FORMATS = [
  'yyyy-mm-dd',
  'dd/mm/yyyy hh:mm',
  '#,##0.00 [$€-407]',
  '"£"#,##0.00',
  '0.00%',
  '[$$-409]#,##0',
  'General',
];

type Value = ExcelJS.CellValue;

function randomValue(r: Rng): { value: Value; numFmt?: string } {
  switch (r.int(9)) {
    case 0:
      return { value: null };
    case 1:
      return { value: r.pick(TEXTS) + (r.chance(0.5) ? String(r.int(1000)) : '') };
    case 2:
      return { value: r.int(2_000_000) - 1_000_000 };
    case 3:
      return {
        value: Number(((r.next() - 0.5) * 10 ** r.int(12)).toPrecision(1 + r.int(15))),
        numFmt: r.pick(FORMATS),
      };
    case 4:
      return {
        value: new Date(Date.UTC(2000 + r.int(30), r.int(12), 1 + r.int(28), r.int(24), r.int(60))),
        numFmt: r.pick(FORMATS.slice(0, 2)),
      };
    case 5:
      return { value: r.chance(0.5) };
    case 6:
      return { value: { formula: 'A1*2', result: r.int(10_000) / 100 }, numFmt: r.pick(FORMATS) };
    case 7:
      return { value: { formula: 'UPPER(B1)', result: r.pick(TEXTS.slice(0, 7)) } };
    default:
      return {
        value: { richText: [{ text: r.pick(TEXTS), font: { bold: true } }, { text: r.pick(TEXTS) }] },
      };
  }
}

/**
 * What the importer must read from a cell written with this value and format: text and booleans as written,
 * a number (or a formula's cached number) as itself — or, formatted as a date, that serial's date as ISO text —
 * a date as ISO text, rich text joined, a formula's text result.
 */
function expectedCell(v: Value, numFmt: string | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return isDateFormat(numFmt) ? excelSerialIso(v, false) : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if ('formula' in v) return expectedCell((v as { result?: Value }).result ?? null, numFmt);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  throw new Error('not generated');
}

/** The rows the importer must read, from the values written (rows with no value are not in the sheet). */
function expectedRows(written: { value: Value; numFmt?: string }[][]): SourceRow[] {
  const rows: SourceRow[] = [];
  written.forEach((cellsWritten, i) => {
    const cells: Cell[] = [];
    let formatCurrencies: (string | null)[] | undefined;
    cellsWritten.forEach((c, j) => {
      const cell = expectedCell(c.value, c.numFmt);
      cells.push(cell);
      const currency = typeof cell === 'number' && c.numFmt ? numberFormatCurrency(c.numFmt) : null;
      if (currency !== null) (formatCurrencies ??= [])[j] = currency;
    });
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length === 0) return;
    rows.push(formatCurrencies ? { row: i + 1, cells, formatCurrencies } : { row: i + 1, cells });
  });
  return rows;
}

/** An empty text cell is written by one writer and left out by another: both are blank to the importer. */
function blankAsNull(rows: SourceRow[]): SourceRow[] {
  return rows.flatMap((r) => {
    const cells = r.cells.map((c) => (c === '' ? null : c));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells.length === 0 ? [] : [{ ...r, cells }];
  });
}

async function viaSheetReader(file: string): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const batch of xlsxRows(file, path.basename(file), {
    sheet: 'Data',
    workbook: readWorkbook(file, path.basename(file)),
  }))
    rows.push(...batch.filter((r) => r.cells.length > 0));
  return rows;
}

async function writeRandom(
  file: string,
  seed: number,
  streaming: boolean,
): Promise<{ value: Value; numFmt?: string }[][]> {
  const r = rng(seed);
  const written: { value: Value; numFmt?: string }[][] = [];
  const columns = 1 + r.int(12);
  const rows = 1 + r.int(60);
  const fill = (addRow: (values: Value[]) => ExcelJS.Row) => {
    for (let i = 0; i < rows; i++) {
      const cells = Array.from({ length: columns }, () => randomValue(r));
      written.push(cells);
      const row = addRow(cells.map((c) => c.value));
      cells.forEach((c, j) => {
        if (c.numFmt) row.getCell(j + 1).numFmt = c.numFmt;
      });
      if (streaming) row.commit();
    }
  };
  if (streaming) {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: false,
      useStyles: true,
    });
    const sheet = wb.addWorksheet('Data');
    fill((values) => sheet.addRow(values));
    sheet.commit();
    await wb.commit();
  } else {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Data');
    fill((values) => sheet.addRow(values));
    await wb.xlsx.writeFile(file);
  }
  return written;
}

describe('the worksheet reader reads back what was written', () => {
  for (const streaming of [false, true]) {
    it(`on 40 random workbooks (${streaming ? 'streaming writer, inline strings' : 'shared strings'})`, async () => {
      for (let seed = 1; seed <= 40; seed++) {
        const file = path.join(dir, `random-${streaming ? 's' : 'w'}-${seed}.xlsx`);
        const written = await writeRandom(file, seed, streaming);
        const read = await viaSheetReader(file);
        expect(read.length, `seed ${seed}`).toBeGreaterThan(0);
        expect(blankAsNull(read), `seed ${seed}`).toEqual(blankAsNull(expectedRows(written)));
      }
    });
  }
});
