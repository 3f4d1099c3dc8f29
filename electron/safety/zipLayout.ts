import fs from 'node:fs';
import { rejectFile } from '../../shared/import/errors';
import { BOMB_HINT, mb, ratioProblem, ZIP_LIMITS, type ZipVerifyLimits } from './zipLimits';

/**
 * An .xlsx's zip directory and local headers, read synchronously before any XML parser sees a byte: part
 * count, encryption, compression methods, each part inside the file and apart from the others, the declared
 * sizes within the limits (zipLimits). The parts' bytes are inflated and checked later (zipVerify).
 */

/** One part of the archive, as its directory record and local header place it in the file. */
export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  /** Inflated size, as declared (held to the real one as the part is inflated). */
  size: number;
  /** Its local header. */
  start: number;
  /** Its compressed bytes: `compressedSize` from here. */
  dataStart: number;
}

export interface ZipLayout {
  /** In file order. */
  parts: ZipPart[];
  /** Where the zip directory starts; it runs to the end of the file. */
  directoryOffset: number;
  size: number;
}

export const LOCAL_SIGNATURE = 0x04034b50;
const DIRECTORY_SIGNATURE = 0x02014b50;
const END_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

interface DirectoryRecord {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function readDirectory(
  fd: number,
  size: number,
  name: string,
  limits: ZipVerifyLimits,
): { records: DirectoryRecord[]; directoryOffset: number } {
  const tailLen = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailLen);
  fs.readSync(fd, tail, 0, tailLen, size - tailLen);
  const eocd = tail.lastIndexOf(END_SIGNATURE);
  if (eocd === -1 || eocd + 22 > tail.length)
    throw rejectFile(name, 'the .xlsx file is corrupt or truncated (no zip directory found)');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count > limits.entries)
    throw rejectFile(name, `the .xlsx file has ${count} parts, beyond the limit of ${limits.entries}`);
  if (cdOffset + cdSize > size)
    throw rejectFile(name, 'the .xlsx file is corrupt or truncated (zip directory out of range)');
  const cd = Buffer.alloc(cdSize);
  fs.readSync(fd, cd, 0, cdSize, cdOffset);
  const records: DirectoryRecord[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== DIRECTORY_SIGNATURE)
      throw rejectFile(name, 'the .xlsx file is corrupt (damaged zip directory)');
    const nameLen = cd.readUInt16LE(p + 28);
    if (p + 46 + nameLen > cd.length)
      throw rejectFile(name, 'the .xlsx file is corrupt (damaged zip directory)');
    records.push({
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  return { records, directoryOffset: cdOffset };
}

/** The declared sizes within the limits (the real ones are held to them as the parts are inflated). */
function checkDeclaredSizes(
  records: DirectoryRecord[],
  name: string,
  fileSize: number,
  limits: ZipVerifyLimits,
): void {
  let total = 0;
  for (const r of records) {
    if (r.size > limits.entryBytes)
      throw rejectFile(
        name,
        `the .xlsx part ${r.name} unpacks to ${mb(r.size)}, beyond the import limit of ${mb(limits.entryBytes)} ${BOMB_HINT}`,
      );
    const ratio = ratioProblem(name, r.name, r.size, r.compressedSize, limits.ratio);
    if (ratio) throw ratio;
    total += r.size;
  }
  if (total > limits.totalBytes)
    throw rejectFile(
      name,
      `the .xlsx parts unpack to ${mb(total)} in all, beyond the import limit of ${mb(limits.totalBytes)} ${BOMB_HINT}`,
    );
  if (total > fileSize * limits.archiveRatio)
    throw rejectFile(
      name,
      `the workbook unpacks to ${mb(total)}, ${Math.round(total / fileSize)}× its file size, beyond the import limit of ${limits.archiveRatio}× ${BOMB_HINT}`,
    );
}

/** Where the part's compressed bytes lie, after its local header. */
function placePart(fd: number, size: number, r: DirectoryRecord, name: string): ZipPart {
  const local = Buffer.alloc(30);
  if (fs.readSync(fd, local, 0, 30, r.localOffset) < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE)
    throw rejectFile(name, `the .xlsx file is corrupt (part ${r.name} is missing or damaged)`);
  const dataStart = r.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (dataStart + r.compressedSize > size)
    throw rejectFile(name, `the .xlsx file is truncated (part ${r.name} runs past the end of the file)`);
  return {
    name: r.name,
    method: r.method,
    crc: r.crc,
    compressedSize: r.compressedSize,
    size: r.size,
    start: r.localOffset,
    dataStart,
  };
}

/**
 * The archive's parts as its directory and local headers describe them, every check that needs no
 * inflating done: refuses, with the message the user sees, what must not reach a zip reader.
 */
export function zipLayout(file: string, name: string, limits: ZipVerifyLimits = ZIP_LIMITS): ZipLayout {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    const { records, directoryOffset } = readDirectory(fd, size, name, limits);
    for (const r of records) {
      if (r.flags & 1)
        throw rejectFile(name, 'the workbook is encrypted; remove the password and import again');
      if (r.method !== 0 && r.method !== 8)
        throw rejectFile(
          name,
          `the .xlsx part ${r.name} uses an unsupported compression (method ${r.method})`,
        );
    }
    checkDeclaredSizes(records, name, size, limits);
    const parts = records.map((r) => placePart(fd, size, r, name)).sort((a, b) => a.start - b.start);
    parts.forEach((p, i) => {
      const next = i + 1 < parts.length ? parts[i + 1]!.start : directoryOffset;
      if (p.dataStart + p.compressedSize > next)
        throw rejectFile(name, `the .xlsx file is corrupt (part ${p.name} overlaps another)`);
    });
    return { parts, directoryOffset, size };
  } finally {
    fs.closeSync(fd);
  }
}
