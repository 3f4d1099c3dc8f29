import fs from 'node:fs';
import { Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { columnLetter, type Cell, type SourceRow } from '../../shared/import/cells';
import { releaseSkippedSheet } from '../safety/skippedSheet';
import { rejectFile } from './errors';
import { checkZip, EXCEL_MAX_ROWS, LIMITS, readZipEntry } from './sniff';

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface XlsxOptions {
  /** The sheet to read (see listSheets) and its position among the workbook's sheets. */
  sheet: string;
  sheetIndex: number;
  /** Every sheet name of the workbook, to tell a real name from exceljs's "SheetN" stand-in. */
  sheetNames: readonly string[];
  /** Called with each chunk of raw file bytes as it is read (progress and the SHA-256). */
  onChunk?: (chunk: Buffer) => void;
}

interface WorksheetLike extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  state?: string;
}

function toIsoText(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/**
 * One cell's value as the importer sees it: the cached result of a formula, the text of rich text
 * and hyperlinks, dates as ISO text. A formula without a cached result cannot be read without
 * recalculating the workbook, which we do not do: that is an error naming the cell.
 */
function cellValue(value: ExcelJS.CellValue, ref: () => string, name: string, sheet: string): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return toIsoText(value);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) {
        throw rejectFile(
          name,
          `cell ${ref()} holds a formula (=${(value as { formula?: string }).formula ?? 'shared formula'}) with no saved result; ` +
            'open the file in Excel, let it calculate, save, and import again',
          sheet,
        );
      }
      if (typeof result === 'object' && result !== null && 'error' in result)
        return String((result as { error: string }).error);
      return cellValue(result as ExcelJS.CellValue, ref, name, sheet);
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/**
 * Streams one sheet of an .xlsx as batches of rows with exceljs's streaming reader: shared or inline strings,
 * cached formula results, date cells as ISO text. Row numbers are the sheet's own.
 */
export async function* xlsxRows(file: string, name: string, o: XlsxOptions): AsyncGenerator<SourceRow[]> {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      o.onChunk?.(chunk);
      cb(null, chunk);
    },
  });
  const input = fs.createReadStream(file, { highWaterMark: 1024 * 1024 }).pipe(counter);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let index = 0;
  let found = false;
  let batch: SourceRow[] = [];
  try {
    for await (const ws of reader as unknown as AsyncIterable<WorksheetLike>) {
      // exceljs names a sheet only when xl/workbook.xml precedes it in the zip and its relationship
      // target is relative; otherwise (the OMB file: absolute targets, workbook.xml last) it says "SheetN",
      // and the sheet's position decides.
      const named = ws.name !== undefined && o.sheetNames.includes(ws.name);
      const wanted = named ? ws.name === o.sheet : index === o.sheetIndex;
      index++;
      if (!wanted || found) {
        releaseSkippedSheet(ws);
        continue;
      }
      found = true;
      const sheetName = o.sheet;
      for await (const row of ws) {
        if (row.number > EXCEL_MAX_ROWS) {
          // No real workbook has such a row: Excel's own sheet limit says the file is forged or broken.
          throw rejectFile(
            name,
            `row ${row.number.toLocaleString('en-US')} is beyond Excel's sheet limit of ${EXCEL_MAX_ROWS.toLocaleString('en-US')} rows`,
            sheetName,
          );
        }
        const values = row.values as ExcelJS.CellValue[];
        if (values.length - 1 > LIMITS.columns) {
          throw rejectFile(
            name,
            `row ${row.number} has ${values.length - 1} columns, beyond the import limit of ${LIMITS.columns}`,
            sheetName,
          );
        }
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) {
          cells.push(cellValue(values[i], () => `${columnLetter(i - 1)}${row.number}`, name, sheetName));
        }
        batch.push({ row: row.number, cells });
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'ImportRejected') throw err;
    throw rejectFile(
      name,
      `not a readable .xlsx workbook (corrupt or not Excel): ${err instanceof Error ? err.message : String(err)}`,
      o.sheet,
    );
  } finally {
    input.destroy();
  }
  if (!found) throw rejectFile(name, `sheet "${o.sheet}" could not be found in the workbook's data`);
}

function xmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** The workbook's sheets in tab order, hidden ones marked, read from xl/workbook.xml alone. */
export function listSheets(file: string, name: string): SheetInfo[] {
  const entries = checkZip(file, name, fs.statSync(file).size);
  const wb = entries.find((e) => e.name === 'xl/workbook.xml');
  if (!wb) throw rejectFile(name, 'this zip file is not an Excel workbook (no xl/workbook.xml)');
  let xml: string;
  try {
    xml = readZipEntry(file, wb).toString('utf8');
  } catch (err) {
    throw rejectFile(name, `the .xlsx file is corrupt: ${err instanceof Error ? err.message : String(err)}`);
  }
  const sheets: SheetInfo[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const attrs = m[1]!;
    const sheetName = /\bname="([^"]*)"/.exec(attrs)?.[1];
    if (sheetName === undefined) continue;
    const state = /\bstate="([^"]*)"/.exec(attrs)?.[1];
    sheets.push({ name: xmlText(sheetName), hidden: state === 'hidden' || state === 'veryHidden' });
  }
  return sheets;
}
