import fs from 'node:fs';
import zlib from 'node:zlib';
import { rejectFile, type ImportRejected } from '../import/errors';

/**
 * What stands between an .xlsx (a zip) and exceljs, whose streaming reader trusts the archive: a zip bomb
 * would exhaust memory and a damaged part can stall it forever (the import then never settles).
 *
 *  - `zipLayout` reads the zip directory and the local headers, synchronously, before any XML parser sees
 *    a byte: part count, encryption, compression methods, each part inside the file and apart from the
 *    others, the declared sizes within the limits.
 *  - `verifiedZip` inflates every part itself, as the reader reads: each chunk of inflated bytes is counted
 *    against the limits and the part's declared size (never trusted: a bomb lies about it) before the reader
 *    gets it, and a part's last chunk only once the part's size and CRC-32 are the directory's. The reader
 *    gets the parts re-framed as stored entries of those bytes: it inflates nothing and reads no framing of
 *    the file's own, so it sees exactly what was checked. The inflating runs on libuv's thread pool, ahead
 *    of the reader's parsing on this thread.
 *  - `readSmallPart` inflates one small part at once (the workbook's sheet list), with the same checks.
 *
 * Memory stays at a few megabytes whatever the archive holds.
 */
export interface ZipVerifyLimits {
  /** Largest total of inflated bytes over all entries. */
  totalBytes: number;
  /** Largest inflated size of one entry (a sheet or the shared strings). */
  entryBytes: number;
  /** Largest ratio inflated / compressed for an entry bigger than 1 MB inflated. */
  ratio: number;
  /** Largest ratio of the declared inflated total to the file's size (real workbooks stay far below). */
  archiveRatio: number;
  /** Most entries an archive may have. */
  entries: number;
}

export const ZIP_LIMITS: ZipVerifyLimits = {
  totalBytes: 1024 * 1024 * 1024,
  entryBytes: 512 * 1024 * 1024,
  ratio: 1000,
  archiveRatio: 200,
  entries: 10_000,
};

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

const LOCAL_SIGNATURE = 0x04034b50;
const DIRECTORY_SIGNATURE = 0x02014b50;
const END_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const BOMB_HINT = '(a zip bomb, or a workbook too big to import; split it or export CSV)';

function mb(n: number): string {
  return `${Math.round(n / 1024 / 1024)} MB`;
}

/** A part inflating past the size its directory record declares: a lying archive, or damage. */
function lyingProblem(file: string, part: ZipPart): ImportRejected {
  return rejectFile(
    file,
    `the .xlsx part ${part.name} unpacks to more than the ${part.size} bytes its zip directory declares (a zip bomb, or a damaged file)`,
  );
}

/** A part unpacking more than `ratio` times its compressed size (beyond 1 MB, where real parts stay). */
function ratioProblem(file: string, part: string, inflated: number, compressed: number, ratio: number) {
  if (inflated <= 1024 * 1024 || inflated <= Math.max(1, compressed) * ratio) return null;
  return rejectFile(
    file,
    `the .xlsx part ${part} unpacks ${Math.round(inflated / Math.max(1, compressed))}× (${mb(inflated)}), beyond the import limit of ${ratio}× (a zip bomb?)`,
  );
}

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

/** What is wrong with a whole inflated part, if anything: its size and CRC-32 as declared, its ratio within the limit. */
function wholePartProblem(
  part: ZipPart,
  name: string,
  inflated: number,
  crc: number,
  limits: ZipVerifyLimits,
): ImportRejected | null {
  const { size } = part;
  if (inflated !== size || crc !== part.crc)
    return rejectFile(
      name,
      `the .xlsx file is corrupt (part ${part.name} does not match its checksum${inflated !== size ? ` or size: ${inflated} bytes, ${size} declared` : ''})`,
    );
  return ratioProblem(name, part.name, inflated, part.compressedSize, limits.ratio);
}

/** The running total of inflated bytes over one pass's parts. */
interface InflateBudget {
  inflated: number;
}

/**
 * Chunks read from the file, and chunks of inflated bytes handed on: exceljs turns each of those into a
 * batch of rows at once, and bigger ones (64 KB and up, measured) keep more rows alive across its awaits,
 * costing memory and full garbage collections.
 */
const READ_CHUNK = 256 * 1024;
const OUT_CHUNK = 32 * 1024;
/** How far the inflater may run ahead of the reader (inflated bytes waiting). */
const AHEAD = 2 * 1024 * 1024;

async function* fileRange(fh: fs.promises.FileHandle, name: string, start: number, length: number) {
  for (let at = 0; at < length;) {
    const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, length - at));
    const { bytesRead } = await fh.read(buf, 0, buf.length, start + at);
    if (bytesRead < buf.length)
      throw rejectFile(name, 'the .xlsx file changed while it was read (it got shorter)');
    at += bytesRead;
    yield buf;
  }
}

/**
 * Inflates the compressed bytes as they are written, up to AHEAD bytes ahead of `take`. `check` sees each
 * inflated chunk as it comes (before it waits) and may refuse it, which stops the inflating.
 */
class Inflater {
  private readonly z = zlib.createInflateRaw({ chunkSize: OUT_CHUNK });
  private readonly queue: Buffer[] = [];
  private queued = 0;
  private ended = false;
  private failure: unknown = null;
  private wake: (() => void) | null = null;

  constructor(check: (chunk: Buffer) => void) {
    this.z.on('data', (chunk: Buffer) => {
      try {
        check(chunk);
      } catch (err) {
        this.stop(err);
        return;
      }
      this.queue.push(chunk);
      this.queued += chunk.length;
      if (this.queued >= AHEAD) this.z.pause();
      this.signal();
    });
    this.z.on('end', () => {
      this.ended = true;
      this.signal();
    });
    this.z.on('error', (err) => this.stop(err));
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  stop(err: unknown): void {
    this.failure ??= err;
    this.z.destroy();
    this.signal();
  }

  /** Compressed bytes consumed: short of what was written when the deflate stream ended early. */
  get consumed(): number {
    return this.z.bytesWritten;
  }

  /** Writes the compressed bytes, waiting while the inflater is full; stops if it stopped or ended. */
  async feed(chunks: AsyncIterable<Buffer>): Promise<void> {
    for await (const c of chunks) {
      if (this.z.destroyed || this.ended) return;
      if (!this.z.write(c))
        await new Promise<void>((resolve) => {
          const go = () => {
            this.z.off('drain', go);
            this.z.off('close', go);
            resolve();
          };
          this.z.on('drain', go);
          this.z.on('close', go);
        });
    }
    if (!this.z.destroyed) this.z.end();
  }

  /** The next inflated chunk, or null once the deflate stream ended. */
  async take(): Promise<Buffer | null> {
    for (;;) {
      if (this.failure) throw this.failure;
      const chunk = this.queue.shift();
      if (chunk) {
        this.queued -= chunk.length;
        if (this.queued < AHEAD && this.z.isPaused()) this.z.resume();
        return chunk;
      }
      if (this.ended) return null;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/**
 * One part's inflated bytes, each chunk counted against the limits and the declared size before it is
 * yielded, the last one only once the part's size, CRC-32 and compressed length are the directory's.
 */
async function* partBytes(
  fh: fs.promises.FileHandle,
  name: string,
  part: ZipPart,
  budget: InflateBudget,
  limits: ZipVerifyLimits,
  onRead: (bytes: number) => void,
): AsyncGenerator<Buffer> {
  const cap = Math.min(limits.entryBytes, limits.totalBytes - budget.inflated);
  let inflated = 0;
  let crc = 0;
  const check = (chunk: Buffer) => {
    inflated += chunk.length;
    if (inflated > cap)
      throw rejectFile(
        name,
        `the .xlsx part ${part.name} unpacks to more than ${mb(cap)}, beyond the import limit ${BOMB_HINT}`,
      );
    // More than the directory declares: stop now rather than inflate a lying archive to the end.
    if (inflated > part.size) throw lyingProblem(name, part);
    crc = zlib.crc32(chunk, crc);
  };
  const compressed = async function* () {
    for await (const c of fileRange(fh, name, part.dataStart, part.compressedSize)) {
      onRead(c.length);
      yield c;
    }
  };
  const corrupt = (what: string) => rejectFile(name, `the .xlsx file is corrupt (part ${part.name} ${what})`);
  /** The chunk waiting for the next one: the last goes only after the part's checks. */
  let held: Buffer | null = null;
  if (part.method !== 8 || part.compressedSize === 0) {
    for await (const c of compressed()) {
      for (let at = 0; at < c.length; at += OUT_CHUNK) {
        const chunk = c.subarray(at, at + OUT_CHUNK);
        check(chunk);
        if (held) yield held;
        held = chunk;
      }
    }
  } else {
    const inflater = new Inflater(check);
    const feeding = inflater.feed(compressed());
    feeding.catch((err: unknown) => inflater.stop(err));
    try {
      for (let chunk = await inflater.take(); chunk; chunk = await inflater.take()) {
        if (held) yield held;
        held = chunk;
      }
      await feeding;
    } catch (err) {
      if (err instanceof Error && err.name === 'ImportRejected') throw err;
      throw corrupt(`cannot be unpacked: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      inflater.stop(null);
      // No read of the file outlives the part (the file is closed after the last).
      await feeding.catch(() => {});
    }
    // The deflate stream ended before its compressed bytes did: damage, or something hidden after it.
    if (inflater.consumed !== part.compressedSize) throw corrupt('has data after its end');
  }
  const problem = wholePartProblem(part, name, inflated, crc, limits);
  if (problem) throw problem;
  budget.inflated += inflated;
  if (held) yield held;
}

/** A stored entry's local header for a zip reader: sizes and CRC-32 of the bytes that follow. */
function storedHeader(part: ZipPart): Buffer {
  const name = Buffer.from(part.name, 'utf8');
  const header = Buffer.alloc(30 + name.length);
  header.writeUInt32LE(LOCAL_SIGNATURE, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(part.crc, 14);
  header.writeUInt32LE(part.size, 18);
  header.writeUInt32LE(part.size, 22);
  header.writeUInt16LE(name.length, 26);
  name.copy(header, 30);
  return header;
}

/**
 * The workbook for a streaming zip reader: every part, those `last` picks at the end, as a stored entry of
 * its inflated bytes (partBytes: each chunk checked before it is yielded, a failure thrown as an
 * ImportRejected), then an empty end record. `onRead` is told of the file's bytes as they are read.
 */
export async function* verifiedZip(
  file: string,
  name: string,
  layout: ZipLayout,
  last: (p: ZipPart) => boolean,
  o: { limits?: ZipVerifyLimits; onRead?: (bytes: number) => void } = {},
): AsyncGenerator<Buffer> {
  const order = [...layout.parts.filter((p) => !last(p)), ...layout.parts.filter(last)];
  const budget: InflateBudget = { inflated: 0 };
  const onRead = o.onRead ?? (() => {});
  const fh = await fs.promises.open(file, 'r');
  try {
    for (const part of order) {
      yield storedHeader(part);
      yield* partBytes(fh, name, part, budget, o.limits ?? ZIP_LIMITS, onRead);
    }
  } finally {
    await fh.close();
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  yield end;
}

/** Largest part inflated whole in memory (the workbook's sheet list). */
const SMALL_PART_BYTES = 64 * 1024 * 1024;

/** One small part inflated at once, with the checks a streamed part gets: for xl/workbook.xml. */
export function readSmallPart(
  file: string,
  name: string,
  part: ZipPart,
  limits: ZipVerifyLimits = ZIP_LIMITS,
): Buffer {
  if (part.size > SMALL_PART_BYTES)
    throw rejectFile(
      name,
      `the .xlsx part ${part.name} unpacks to ${mb(part.size)}, beyond the import limit of ${mb(SMALL_PART_BYTES)} for it ${BOMB_HINT}`,
    );
  const data = Buffer.alloc(part.compressedSize);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, data, 0, data.length, part.dataStart) < data.length)
      throw rejectFile(name, 'the .xlsx file changed while it was read (it got shorter)');
  } finally {
    fs.closeSync(fd);
  }
  if (part.method !== 8 || part.compressedSize === 0) {
    const problem = wholePartProblem(part, name, data.length, zlib.crc32(data), limits);
    if (problem) throw problem;
    return data;
  }
  let out: { buffer: Buffer; engine: zlib.InflateRaw };
  try {
    // One byte more than declared is enough to tell a lying size.
    out = zlib.inflateRawSync(data, { maxOutputLength: part.size + 1, info: true }) as unknown as typeof out;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw lyingProblem(name, part);
    throw rejectFile(
      name,
      `the .xlsx file is corrupt (part ${part.name} cannot be unpacked: ${err instanceof Error ? err.message : String(err)})`,
    );
  }
  if (out.buffer.length > part.size) throw lyingProblem(name, part);
  if (out.engine.bytesWritten !== data.length)
    throw rejectFile(name, `the .xlsx file is corrupt (part ${part.name} has data after its end)`);
  const problem = wholePartProblem(part, name, out.buffer.length, zlib.crc32(out.buffer), limits);
  if (problem) throw problem;
  return out.buffer;
}
