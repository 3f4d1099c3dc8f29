import fs from 'node:fs';
import zlib from 'node:zlib';
import { rejectFile } from './errors';
import { detectEncoding, type TextEncodingName } from './textEncoding';

export type Container = { type: 'csv'; encoding: TextEncodingName } | { type: 'xlsx' };

/** Excel's own sheet size (rows); columns beyond XFD (16,384) are already past `LIMITS.columns`. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Limits that keep a hostile or broken file from exhausting memory (a zip bomb, a runaway quote). */
export const LIMITS = {
  xlsxUncompressedBytes: 1024 * 1024 * 1024,
  xlsxCompressionRatio: 200,
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
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    checkZip(file, name, size);
    return { type: 'xlsx' };
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw rejectFile(
      name,
      'this is a password-protected workbook or a legacy .xls file; remove the password or save it as .xlsx (or CSV) and import again',
    );
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-')
    throw rejectFile(name, 'this is a PDF, not a CSV or Excel file');
  const encoding = forcedEncoding ?? detectEncoding(head);
  if (!encoding) throw rejectFile(name, 'this is a binary file, not a CSV or Excel (.xlsx) file');
  return { type: 'csv', encoding };
}

/**
 * Reads the zip's central directory and refuses archives whose declared uncompressed size or
 * compression ratio is beyond any real workbook, and encrypted entries.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

export function checkZip(file: string, name: string, size: number): ZipEntry[] {
  return zipDirectory(file, name, size).entries;
}

/** checkZip's entries and where the central directory starts (the parts' data ends there). */
export function zipDirectory(
  file: string,
  name: string,
  size: number,
): { entries: ZipEntry[]; directoryOffset: number } {
  const entries: ZipEntry[] = [];
  const fd = fs.openSync(file, 'r');
  try {
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    fs.readSync(fd, tail, 0, tailLen, size - tailLen);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    // The end record is 22 bytes: a signature in the last 21 bytes is a file cut inside it.
    if (eocd === -1 || eocd + 22 > tail.length)
      throw rejectFile(name, 'the .xlsx file is corrupt or truncated (no complete zip directory found)');
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || cdOffset + cdSize > size) {
      throw rejectFile(name, 'the .xlsx file is corrupt, truncated or larger than 4 GB');
    }
    const cd = Buffer.alloc(cdSize);
    fs.readSync(fd, cd, 0, cdSize, cdOffset);
    let total = 0;
    for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50;) {
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const compressedSize = cd.readUInt32LE(p + 20);
      const localOffset = cd.readUInt32LE(p + 42);
      const uncompressed = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      if (flags & 1)
        throw rejectFile(name, 'the workbook is encrypted; remove the password and import again');
      if (p + 46 + nameLen > cd.length || localOffset + compressedSize > size) {
        throw rejectFile(
          name,
          'the .xlsx file is corrupt or truncated (its zip directory points past the end)',
        );
      }
      total += uncompressed === 0xffffffff ? Infinity : uncompressed;
      entries.push({
        name: cd.toString('utf8', p + 46, p + 46 + nameLen),
        method,
        compressedSize,
        localOffset,
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
    const limitMb = LIMITS.xlsxUncompressedBytes / 1024 / 1024;
    if (total > LIMITS.xlsxUncompressedBytes || total > size * LIMITS.xlsxCompressionRatio) {
      throw rejectFile(
        name,
        `the workbook unpacks to ${Number.isFinite(total) ? `${Math.round(total / 1024 / 1024)} MB` : 'more than 4 GB'}, ` +
          `beyond the import limit (${limitMb} MB, or ${LIMITS.xlsxCompressionRatio}× the file size); split it or export CSV`,
      );
    }
    return { entries, directoryOffset: cdOffset };
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes of one zip entry (stored or deflated), for small parts such as xl/workbook.xml. */
export function readZipEntry(file: string, entry: ZipEntry): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const local = Buffer.alloc(30);
    fs.readSync(fd, local, 0, 30, entry.localOffset);
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const data = Buffer.alloc(entry.compressedSize);
    fs.readSync(fd, data, 0, entry.compressedSize, start);
    return entry.method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: 64 * 1024 * 1024 });
  } finally {
    fs.closeSync(fd);
  }
}
