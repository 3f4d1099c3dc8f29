import fs from 'node:fs';
import { rejectFile } from '../../shared/import/errors';
import { detectEncoding, type TextEncodingName } from './textEncoding';

export type Container =
  { type: 'csv'; encoding: TextEncodingName } | { type: 'xlsx' } | { type: 'parquet' } | { type: 'json' };

/** Excel's own sheet size (rows); columns beyond XFD (16,384) are already past `LIMITS.columns`. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Limits that keep a hostile or broken file from exhausting memory (a zip bomb, a runaway quote). */
export const LIMITS = {
  rows: 5_000_000,
  columns: 2_000,
  csvFieldBytes: 16 * 1024 * 1024,
} as const;

function readHead(file: string, bytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Decides what a file is from its bytes, not its name: an .xlsx is a zip, a password-protected
 * workbook is an OLE compound file, a CSV is text in one of the encodings we read.
 */
export function sniffContainer(file: string, name: string, forcedEncoding?: TextEncodingName): Container {
  const size = fs.statSync(file).size;
  if (size === 0) throw rejectFile(name, 'the file is empty (0 bytes)');
  const head = readHead(file, 64 * 1024);
  // A zip: its directory is checked by zipLayout (safety/zipVerify.ts) before anything reads a part.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { type: 'xlsx' };
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw rejectFile(
      name,
      'this is a password-protected workbook or a legacy .xls file; remove the password or save it as .xlsx (or CSV) and import again',
    );
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-')
    throw rejectFile(name, 'this is a PDF, not a CSV or Excel file');
  // A Parquet file begins (and ends) with "PAR1"; its footer is checked before anything is decoded.
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return { type: 'parquet' };
  const encoding = forcedEncoding ?? detectEncoding(head);
  if (!encoding) throw rejectFile(name, 'this is a binary file, not a CSV, Excel (.xlsx) or Parquet file');
  // A list of JSON records (Google Cloud's retired billing file export) is read as a table of its own.
  if (looksLikeJson(head)) return { type: 'json' };
  return { type: 'csv', encoding };
}

/**
 * A JSON document rather than delimited text: it opens with an array of objects, arrays or strings, or
 * with an object and a quoted key (a CSV whose first column is "[Date]" does not).
 */
function looksLikeJson(head: Buffer): boolean {
  const text = head
    .subarray(0, 256)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return /^\s*(\[\s*[{["\]]|\{\s*["}])/.test(text);
}
