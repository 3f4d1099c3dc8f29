import fs from 'node:fs';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { columnLetter, type Cell, type SourceRow } from '../../shared/import/cells';
import { releaseSkippedSheet } from '../safety/skippedSheet';
import { rejectFile } from './errors';
import { checkZip, EXCEL_MAX_ROWS, LIMITS, readZipEntry, zipDirectory } from './sniff';

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
  /** Called with each chunk of the file's bytes, in file order, as the file is read (progress and the SHA-256). */
  onChunk?: (chunk: Buffer) => void;
}

interface WorksheetLike extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  state?: string;
}

/** exceljs's WorksheetReader.parse(): the sheet's events (rows among them), one array per chunk read. */
interface SheetEvents {
  parse(): AsyncIterable<{ eventType: string; value: ExcelJS.Row }[]>;
}

function toIsoText(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** Where a cell is, for a problem naming it (made only for cells that are not plain values). */
interface CellAt {
  file: string;
  sheet: string;
  row: number;
  /** 1-based, as exceljs numbers columns. */
  column: number;
}

/**
 * One cell's value as the importer sees it: the cached result of a formula, the text of rich text
 * and hyperlinks, dates as ISO text. A formula without a cached result cannot be read without
 * recalculating the workbook, which we do not do: that is an error naming the cell.
 */
function cellValue(value: ExcelJS.CellValue, at: CellAt): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return toIsoText(value);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) {
        throw rejectFile(
          at.file,
          `cell ${columnLetter(at.column - 1)}${at.row} holds a formula (=${(value as { formula?: string }).formula ?? 'shared formula'}) with no saved result; ` +
            'open the file in Excel, let it calculate, save, and import again',
          at.sheet,
        );
      }
      if (typeof result === 'object' && result !== null && 'error' in result)
        return String((result as { error: string }).error);
      return cellValue(result as ExcelJS.CellValue, at);
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** One zip part's bytes in the file: local header, data and data descriptor, up to the next part. */
interface PartBytes {
  name: string;
  start: number;
  end: number;
}

/** exceljs's test for a worksheet part (unanchored, as it matches). */
const SHEET_PART = /xl\/worksheets\/sheet\d+[.]xml/;

/**
 * The workbook's parts in the order exceljs's streaming reader reads in one go. It parses a worksheet as
 * it inflates only once the shared strings and the workbook's relationships were read; a sheet before
 * them is inflated to a temp file and parsed from there after the last part. Excel writes the shared
 * strings after the sheets, and a workbook without shared strings (exceljs's own writer) never has them,
 * so every workbook took that detour: the same bytes, each part whole, with the sheets last, avoid it.
 * Parts are those of the zip directory (verifyZip checked each); parts whose bytes overlap are refused.
 */
function partsInReadingOrder(file: string, name: string): { parts: PartBytes[]; sharedStrings: boolean } {
  const size = fs.statSync(file).size;
  const { entries, directoryOffset } = zipDirectory(file, name, size);
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const fd = fs.openSync(file, 'r');
  const parts: PartBytes[] = [];
  try {
    const local = Buffer.alloc(30);
    sorted.forEach((e, i) => {
      const end = i + 1 < sorted.length ? sorted[i + 1]!.localOffset : directoryOffset;
      if (fs.readSync(fd, local, 0, 30, e.localOffset) < 30 || local.readUInt32LE(0) !== 0x04034b50)
        throw rejectFile(name, `the .xlsx file is corrupt (part ${e.name} is missing or damaged)`);
      const dataEnd = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28) + e.compressedSize;
      if (dataEnd > end)
        throw rejectFile(name, `the .xlsx file is corrupt (part ${e.name} overlaps another)`);
      parts.push({ name: e.name, start: e.localOffset, end });
    });
  } finally {
    fs.closeSync(fd);
  }
  const isSheet = (p: PartBytes) => SHEET_PART.test(p.name);
  return {
    parts: [
      ...parts.filter((p) => !isSheet(p)),
      ...parts.filter(isSheet),
      { name: '(zip directory)', start: directoryOffset, end: size },
    ],
    sharedStrings: entries.some((e) => e.name === 'xl/sharedStrings.xml'),
  };
}

const CHUNK = 1024 * 1024;

/**
 * The parts' bytes as a stream for exceljs, while the file's own bytes go, in file order, to onChunk (the
 * SHA-256 and progress): as many as were handed to exceljs, hashed before each chunk is handed on, so the
 * one read of the file serves both whatever the order of its parts. exceljs may stop pulling before the
 * stream's end (it has what it needs once the central directory starts), so `complete` hashes whatever is
 * left; hashing is serialised, so a read-ahead still in flight and `complete` never hash the same bytes.
 */
function partStream(
  file: string,
  parts: PartBytes[],
  onChunk: ((chunk: Buffer) => void) | undefined,
): { stream: Readable; complete: () => Promise<void> } {
  const size = fs.statSync(file).size;
  let hashed = 0;
  let hashing: Promise<void> = Promise.resolve();
  const hashTo = (upTo: number): Promise<void> => {
    hashing = hashing.then(async () => {
      if (!onChunk || hashed >= upTo) return;
      const fh = await fs.promises.open(file, 'r');
      try {
        while (hashed < upTo) {
          const buf = Buffer.allocUnsafe(Math.min(upTo - hashed, CHUNK));
          const { bytesRead } = await fh.read(buf, 0, buf.length, hashed);
          if (bytesRead === 0) throw new Error('the file got shorter while it was read');
          onChunk(buf.subarray(0, bytesRead));
          hashed += bytesRead;
        }
      } finally {
        await fh.close();
      }
    });
    return hashing;
  };
  async function* bytes(): AsyncGenerator<Buffer> {
    const fh = await fs.promises.open(file, 'r');
    let handedOn = 0;
    try {
      for (const p of parts) {
        for (let at = p.start; at < p.end;) {
          const buf = Buffer.allocUnsafe(Math.min(CHUNK, p.end - at));
          const { bytesRead } = await fh.read(buf, 0, buf.length, at);
          if (bytesRead < buf.length) throw new Error('the file got shorter while it was read');
          at += bytesRead;
          handedOn += bytesRead;
          await hashTo(Math.min(handedOn, size));
          yield buf;
        }
      }
    } finally {
      await fh.close();
    }
  }
  return { stream: Readable.from(bytes(), { objectMode: false }), complete: () => hashTo(size) };
}

/**
 * Streams one sheet of an .xlsx as batches of rows with exceljs's streaming reader: shared or inline strings,
 * cached formula results, date cells as ISO text. Row numbers are the sheet's own.
 */
export async function* xlsxRows(file: string, name: string, o: XlsxOptions): AsyncGenerator<SourceRow[]> {
  const { parts, sharedStrings } = partsInReadingOrder(file, name);
  const { stream: input, complete } = partStream(file, parts, o.onChunk);
  // Loaded on first use: the CSV worker thread imports this module too, and exceljs takes ≈ 0.3 s to load.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // With no shared strings part there are none to wait for (exceljs would wait for them to the end).
  if (!sharedStrings) (reader as unknown as { sharedStrings: string[] }).sharedStrings = [];
  let index = 0;
  let found = false;
  let batch: SourceRow[] = [];
  try {
    for await (const ws of reader as unknown as AsyncIterable<WorksheetLike>) {
      // exceljs names a sheet only when its relationship target is relative; otherwise (the OMB file:
      // absolute targets) it says "SheetN", and the sheet's position decides.
      const named = ws.name !== undefined && o.sheetNames.includes(ws.name);
      const wanted = named ? ws.name === o.sheet : index === o.sheetIndex;
      index++;
      if (!wanted || found) {
        releaseSkippedSheet(ws);
        continue;
      }
      found = true;
      const sheetName = o.sheet;
      // The sheet's parse events, a chunk of rows at a time (its row iterator awaits once per row).
      for await (const events of (ws as unknown as SheetEvents).parse()) {
        for (const event of events) {
          if (event.eventType !== 'row') continue;
          const row = event.value;
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
            const v = values[i];
            if (v === undefined || v === null) cells.push(null);
            else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') cells.push(v);
            else cells.push(cellValue(v, { file: name, sheet: sheetName, row: row.number, column: i }));
          }
          batch.push({ row: row.number, cells });
          if (batch.length >= 1000) {
            yield batch;
            batch = [];
          }
        }
        // The rows of one chunk go on at once: kept across the reader's awaits they would outlive the
        // young generation and cost full garbage collections.
        if (batch.length) {
          yield batch;
          batch = [];
        }
      }
    }
    await complete();
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
