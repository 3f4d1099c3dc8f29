import fs from 'node:fs';
import { rejectFile } from '../../shared/import/errors';

/**
 * Size caps checked before a byte of an import is parsed, so a file too big to import is refused up
 * front with the limit in the message (not after minutes of reading, nor by running out of memory).
 * CSV is streamed, so its cap is generous; an .xlsx is unpacked and its shared strings are held in
 * memory by the reader, so its cap is lower. Overridable with CAIO_IMPORT_MAX_MB / CAIO_XLSX_MAX_MB.
 */
export interface FileLimits {
  csvBytes: number;
  xlsxBytes: number;
}

const MB = 1024 * 1024;

function fromEnv(name: string, fallbackMb: number): number {
  const raw = process.env[name];
  const n = raw === undefined ? NaN : Number(raw);
  return (Number.isFinite(n) && n > 0 ? n : fallbackMb) * MB;
}

export function fileLimits(): FileLimits {
  return { csvBytes: fromEnv('CAIO_IMPORT_MAX_MB', 2048), xlsxBytes: fromEnv('CAIO_XLSX_MAX_MB', 256) };
}

function size(n: number): string {
  return n >= 1024 * MB ? `${(n / 1024 / MB).toFixed(1)} GB` : `${Math.round(n / MB)} MB`;
}

/** Throws ImportRejected when `file` is bigger than the cap for its kind (an .xlsx is a zip: "PK\x03\x04"). */
export function checkFileSize(file: string, name: string, limits: FileLimits = fileLimits()): void {
  const bytes = fs.statSync(file).size;
  const head = Buffer.alloc(4);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  const xlsx = head.readUInt32LE(0) === 0x04034b50;
  // Parquet is read a row group at a time, as CSV is streamed: the same cap.
  const parquet = head.toString('latin1') === 'PAR1';
  const cap = xlsx ? limits.xlsxBytes : limits.csvBytes;
  if (bytes > cap) {
    throw rejectFile(
      name,
      `the file is ${size(bytes)}, beyond the import limit of ${size(cap)} for ${xlsx ? 'an Excel workbook' : parquet ? 'a Parquet file' : 'a CSV file'}` +
        (xlsx
          ? '; save the sheet as CSV (streamed, limit ' + size(limits.csvBytes) + ') or split it'
          : '; split it'),
    );
  }
}
