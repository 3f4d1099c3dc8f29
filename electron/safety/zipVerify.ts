import fs from 'node:fs';
import zlib from 'node:zlib';
import { rejectFile } from '../import/errors';

/**
 * Checks every entry of an .xlsx (zip) before any XML parser sees it: the real inflated size of each
 * entry is counted as it streams (never trusting the sizes the archive declares, which a zip bomb
 * lies about), the stream is stopped at the limit, and each entry's CRC-32 is compared with the
 * directory's. A damaged workbook is refused here with a clear message instead of reaching exceljs,
 * whose streaming reader can stall forever on a damaged part (the import then never settles and the
 * CLI exits 0 having imported nothing).
 *
 * Memory stays at one 64 KB chunk whatever the archive holds. Call it right after the zip directory
 * check, before reading sheets:  `await verifyZip(file, name)`.
 */
export interface ZipVerifyLimits {
  /** Largest total of inflated bytes over all entries. */
  totalBytes: number;
  /** Largest inflated size of one entry (a sheet or the shared strings). */
  entryBytes: number;
  /** Largest ratio inflated / compressed for an entry bigger than 1 MB inflated. */
  ratio: number;
  /** Most entries an archive may have. */
  entries: number;
}

export const ZIP_LIMITS: ZipVerifyLimits = {
  totalBytes: 1024 * 1024 * 1024,
  entryBytes: 512 * 1024 * 1024,
  ratio: 1000,
  entries: 10_000,
};

interface CdEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}

function readCentralDirectory(fd: number, size: number, name: string, limits: ZipVerifyLimits): CdEntry[] {
  const tailLen = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailLen);
  fs.readSync(fd, tail, 0, tailLen, size - tailLen);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
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
  const entries: CdEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50)
      throw rejectFile(name, 'the .xlsx file is corrupt (damaged zip directory)');
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    entries.push({
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function* chunksOf(fd: number, start: number, length: number): AsyncGenerator<Buffer> {
  const step = 64 * 1024;
  for (let at = 0; at < length; at += step) {
    const buf = Buffer.alloc(Math.min(step, length - at));
    const n = fs.readSync(fd, buf, 0, buf.length, start + at);
    if (n < buf.length) throw new Error('unexpected end of file');
    yield buf;
  }
}

/** Inflates (or copies) one entry, counting bytes and the CRC, stopping at `cap`. */
async function measure(
  fd: number,
  start: number,
  e: CdEntry,
  cap: number,
): Promise<{ bytes: number; crc: number }> {
  let bytes = 0;
  let crc = 0;
  const take = (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > cap) throw new Error(`over ${cap}`);
    // More than the directory declares: stop now rather than inflate a lying archive to the end.
    if (bytes > e.size) throw new Error(`lying ${e.size}`);
    crc = zlib.crc32(chunk, crc);
  };
  if (e.method === 0) {
    for await (const c of chunksOf(fd, start, e.compressedSize)) take(c);
    return { bytes, crc };
  }
  const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
  const done = new Promise<void>((resolve, reject) => {
    inflate.on('data', (c: Buffer) => {
      try {
        take(c);
      } catch (err) {
        inflate.destroy(err as Error);
      }
    });
    inflate.on('end', resolve);
    inflate.on('error', reject);
  });
  try {
    for await (const c of chunksOf(fd, start, e.compressedSize)) {
      if (inflate.destroyed) break;
      if (!inflate.write(c)) {
        // Wait for room, or for the stream to be stopped (limit reached, corrupt data).
        await new Promise<void>((resolve) => {
          const go = () => {
            inflate.off('drain', go);
            inflate.off('close', go);
            resolve();
          };
          inflate.on('drain', go);
          inflate.on('close', go);
        });
      }
    }
    if (!inflate.destroyed) inflate.end();
    await done;
  } finally {
    inflate.destroy();
  }
  return { bytes, crc };
}

export async function verifyZip(
  file: string,
  name: string,
  limits: ZipVerifyLimits = ZIP_LIMITS,
): Promise<void> {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    const entries = readCentralDirectory(fd, size, name, limits);
    let total = 0;
    for (const e of entries) {
      if (e.name.endsWith('/') && e.compressedSize === 0) continue;
      if (e.flags & 1)
        throw rejectFile(name, 'the workbook is encrypted; remove the password and import again');
      if (e.method !== 0 && e.method !== 8)
        throw rejectFile(
          name,
          `the .xlsx part ${e.name} uses an unsupported compression (method ${e.method})`,
        );
      const local = Buffer.alloc(30);
      if (fs.readSync(fd, local, 0, 30, e.localOffset) < 30 || local.readUInt32LE(0) !== 0x04034b50)
        throw rejectFile(name, `the .xlsx file is corrupt (part ${e.name} is missing or damaged)`);
      const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (start + e.compressedSize > size)
        throw rejectFile(name, `the .xlsx file is truncated (part ${e.name} runs past the end of the file)`);
      const cap = Math.min(limits.entryBytes, limits.totalBytes - total);
      let got: { bytes: number; crc: number };
      try {
        got = await measure(fd, start, e, cap);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        if (msg.startsWith('lying '))
          throw rejectFile(
            name,
            `the .xlsx part ${e.name} unpacks to more than the ${e.size} bytes its zip directory declares (a zip bomb, or a damaged file)`,
          );
        if (msg.startsWith('over '))
          throw rejectFile(
            name,
            `the .xlsx part ${e.name} unpacks to more than ${mb(cap)}, beyond the import limit (a zip bomb, or a workbook too big to import; split it or export CSV)`,
          );
        throw rejectFile(name, `the .xlsx file is corrupt (part ${e.name} cannot be unpacked: ${msg})`);
      }
      total += got.bytes;
      if (got.bytes !== e.size || got.crc !== e.crc)
        throw rejectFile(
          name,
          `the .xlsx file is corrupt (part ${e.name} does not match its checksum${got.bytes !== e.size ? ` or size: ${got.bytes} bytes, ${e.size} declared` : ''})`,
        );
      if (got.bytes > 1024 * 1024 && got.bytes > Math.max(1, e.compressedSize) * limits.ratio)
        throw rejectFile(
          name,
          `the .xlsx part ${e.name} unpacks ${Math.round(got.bytes / Math.max(1, e.compressedSize))}× (${mb(got.bytes)}), beyond the import limit of ${limits.ratio}× (a zip bomb?)`,
        );
    }
  } finally {
    fs.closeSync(fd);
  }
}
