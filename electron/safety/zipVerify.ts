import fs from 'node:fs';
import zlib from 'node:zlib';
import { rejectFile, type ImportRejected } from '../import/errors';

/**
 * What stands between an .xlsx (a zip) and exceljs, whose streaming reader trusts the archive: a zip bomb
 * would exhaust memory and a damaged part can stall it forever (the import then never settles).
 *
 *  - `zipLayout` reads the zip directory and every local header, synchronously, before any XML parser sees
 *    a byte: part count, encryption, compression methods, each part's bytes inside the file and apart from
 *    the others, local headers framing each part as the directory does, and the declared sizes in limits.
 *  - `verifiedChunks` hands the parts' bytes on in reading order, and hands a chunk on only once our own
 *    inflater has inflated its compressed bytes within the limits — the real inflated bytes counted, never
 *    the declared sizes a bomb lies about — and, for a part's last chunk, once the part's size, CRC-32 and
 *    compressed length matched its directory record. The inflating runs on libuv's thread pool, a chunk
 *    or more ahead of the parser on this thread.
 *  - `readSmallPart` inflates one small part at once (the workbook's sheet list), with the same checks.
 *
 * Memory stays at a few chunks whatever the archive holds.
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

/** One part of the archive, as its directory record and local header place it in the file. */
export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  /** Inflated size, as declared (checked against the real one as the part is inflated). */
  size: number;
  /** Its local header: the bytes a zip reader reads for the part run from here to `end`. */
  start: number;
  /** Its compressed bytes: `compressedSize` from here. */
  dataStart: number;
  /** After its data, and after the data descriptor a zip reader reads when the local header has no sizes. */
  end: number;
  /**
   * The local header leaves the sizes to a data descriptor, so a streaming reader (unzipper, in exceljs)
   * finds the data's end by the descriptor's signature: it must not occur inside the data.
   */
  endsAtMarker: boolean;
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
const DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
const DESCRIPTOR_BYTES = 16;
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
function checkDeclaredSizes(records: DirectoryRecord[], name: string, limits: ZipVerifyLimits): void {
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
}

/**
 * Where the part's bytes lie, read from its local header, and what, if anything, in that header frames the
 * part differently from the directory (told after overlaps, the likelier damage).
 */
function placePart(
  fd: number,
  size: number,
  r: DirectoryRecord,
  name: string,
): { part: ZipPart; disagreement: string | null } {
  const local = Buffer.alloc(30);
  if (fs.readSync(fd, local, 0, 30, r.localOffset) < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE)
    throw rejectFile(name, `the .xlsx file is corrupt (part ${r.name} is missing or damaged)`);
  const nameLen = local.readUInt16LE(26);
  const dataStart = r.localOffset + 30 + nameLen + local.readUInt16LE(28);
  const dataEnd = dataStart + r.compressedSize;
  if (dataEnd > size)
    throw rejectFile(name, `the .xlsx file is truncated (part ${r.name} runs past the end of the file)`);
  const endsAtMarker = (local.readUInt16LE(6) & 0x08) !== 0 && local.readUInt32LE(18) === 0;
  const part: ZipPart = {
    name: r.name,
    method: r.method,
    crc: r.crc,
    compressedSize: r.compressedSize,
    size: r.size,
    start: r.localOffset,
    dataStart,
    end: endsAtMarker ? dataEnd + DESCRIPTOR_BYTES : dataEnd,
    endsAtMarker,
  };
  // exceljs's zip reader goes by the local header alone: its name, method and sizes must be the directory's.
  const localName = Buffer.alloc(nameLen);
  fs.readSync(fd, localName, 0, nameLen, r.localOffset + 30);
  const marker = Buffer.alloc(4);
  let disagreement: string | null = null;
  if (
    localName.toString('utf8') !== r.name ||
    local.readUInt16LE(8) !== r.method ||
    (!endsAtMarker && local.readUInt32LE(18) !== r.compressedSize)
  )
    disagreement = 'has a local header that disagrees with the zip directory';
  else if (endsAtMarker && (fs.readSync(fd, marker, 0, 4, dataEnd) < 4 || !marker.equals(DESCRIPTOR)))
    disagreement = 'does not end where the zip directory says';
  return { part, disagreement };
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
    checkDeclaredSizes(records, name, limits);
    const placed = records.map((r) => placePart(fd, size, r, name));
    const parts = placed.map((p) => p.part).sort((a, b) => a.start - b.start);
    parts.forEach((p, i) => {
      const next = i + 1 < parts.length ? parts[i + 1]!.start : directoryOffset;
      if (p.end > next) throw rejectFile(name, `the .xlsx file is corrupt (part ${p.name} overlaps another)`);
    });
    const wrong = placed.find((p) => p.disagreement !== null);
    if (wrong)
      throw rejectFile(name, `the .xlsx file is corrupt (part ${wrong.part.name} ${wrong.disagreement})`);
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
export interface InflateBudget {
  inflated: number;
}

/**
 * Inflates (or, stored, copies) one part's compressed bytes as they are written, counting the real
 * inflated bytes against the limits and its declared size, and at the end checks its size, its CRC-32 and
 * that its compressed data ends exactly where the directory says. Fails with an ImportRejected.
 */
export class PartVerifier {
  private inflated = 0;
  private crc = 0;
  private fed = 0;
  private failure: ImportRejected | null = null;
  /** The last bytes fed, for a descriptor signature split across two chunks. */
  private carry = Buffer.alloc(0);
  private readonly cap: number;
  private readonly inflater: zlib.InflateRaw | null = null;
  private readonly ended: Promise<void> = Promise.resolve();
  /** Rejects the write in progress, whose callback a destroyed inflater may never call. */
  private pending: ((err: ImportRejected) => void) | null = null;

  constructor(
    private readonly part: ZipPart,
    private readonly file: string,
    private readonly budget: InflateBudget,
    private readonly limits: ZipVerifyLimits = ZIP_LIMITS,
  ) {
    this.cap = Math.min(limits.entryBytes, limits.totalBytes - budget.inflated);
    // A directory entry, or an empty part: nothing to inflate.
    if (part.method !== 8 || part.compressedSize === 0) return;
    const z = zlib.createInflateRaw({ chunkSize: 1024 * 1024 });
    this.inflater = z;
    z.on('data', (out: Buffer) => this.take(out));
    this.ended = new Promise<void>((resolve, reject) => {
      z.on('end', resolve);
      z.on('error', (err) => reject(this.fail(this.corrupt(`cannot be unpacked: ${err.message}`))));
      z.on('close', () => this.failure && reject(this.failure));
    });
    this.ended.catch(() => {});
  }

  private corrupt(what: string): ImportRejected {
    return rejectFile(this.file, `the .xlsx file is corrupt (part ${this.part.name} ${what})`);
  }

  /** Records the first failure, stops inflating, and returns the failure to throw. */
  private fail(err: ImportRejected): ImportRejected {
    if (!this.failure) {
      this.failure = err;
      this.inflater?.destroy();
      this.pending?.(err);
    }
    return this.failure;
  }

  /** Counts inflated bytes; stops at the limit, or past the declared size (a lying archive). */
  private take(out: Buffer): void {
    if (this.failure) return;
    this.inflated += out.length;
    const { name, size } = this.part;
    if (this.inflated > this.cap)
      this.fail(
        rejectFile(
          this.file,
          `the .xlsx part ${name} unpacks to more than ${mb(this.cap)}, beyond the import limit ${BOMB_HINT}`,
        ),
      );
    else if (this.inflated > size) this.fail(lyingProblem(this.file, this.part));
    else this.crc = zlib.crc32(out, this.crc);
  }

  /** Feeds the part's next compressed bytes; settles once they are inflated and counted. */
  async write(chunk: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.part.endsAtMarker) {
      // A zip reader takes the first descriptor signature for the data's end.
      const seam = Buffer.concat([this.carry, chunk.subarray(0, 3)]);
      if (seam.includes(DESCRIPTOR) || chunk.includes(DESCRIPTOR))
        throw this.fail(this.corrupt('does not end where the zip directory says'));
      this.carry = Buffer.from(Buffer.concat([this.carry, chunk.subarray(-3)]).subarray(-3));
    }
    this.fed += chunk.length;
    if (this.fed > this.part.compressedSize)
      throw this.fail(this.corrupt('is longer than its zip directory says'));
    const z = this.inflater;
    if (!z) {
      this.take(chunk);
      if (this.failure) throw this.failure;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.pending = reject;
      z.write(chunk, (err) => {
        this.pending = null;
        if (this.failure) reject(this.failure);
        else if (err) reject(this.fail(this.corrupt(`cannot be unpacked: ${err.message}`)));
        else resolve();
      });
    });
    // The deflate stream ended before its compressed bytes did: a zip reader would read the rest as
    // something else.
    if (z.bytesWritten !== this.fed) throw this.fail(this.corrupt('has data after its end'));
  }

  /** After the part's last compressed byte: its size, CRC-32 and length are the directory's. */
  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    const z = this.inflater;
    if (z) {
      z.end();
      await this.ended;
      if (z.bytesWritten !== this.fed) throw this.fail(this.corrupt('has data after its end'));
    }
    if (this.fed !== this.part.compressedSize) throw this.fail(this.corrupt('is cut short'));
    const problem = wholePartProblem(this.part, this.file, this.inflated, this.crc, this.limits);
    if (problem) throw this.fail(problem);
    this.budget.inflated += this.inflated;
  }

  destroy(): void {
    this.inflater?.destroy();
  }
}

/** The local header at the start of a part's first chunk frames it as zipLayout found (the file may have changed). */
function sameHeader(chunk: Buffer, p: ZipPart): boolean {
  if (chunk.length < 30 || chunk.readUInt32LE(0) !== LOCAL_SIGNATURE || chunk.readUInt16LE(8) !== p.method)
    return false;
  const markerEnded = (chunk.readUInt16LE(6) & 0x08) !== 0 && chunk.readUInt32LE(18) === 0;
  return (
    p.start + 30 + chunk.readUInt16LE(26) + chunk.readUInt16LE(28) === p.dataStart &&
    markerEnded === p.endsAtMarker &&
    (markerEnded || chunk.readUInt32LE(18) === p.compressedSize)
  );
}

/** Chunks of 256 KB at least hold a part's whole local header (at most 30 + 64 KB + 64 KB). */
const MIN_CHUNK = 256 * 1024;

/**
 * The bytes a streaming zip reader needs, in reading order: every part (the ones `last` picks at the end),
 * then the zip directory. Bytes between parts that belong to none are left out. A chunk is yielded only
 * once our inflater has inflated the compressed bytes it holds within the limits, and a part's last chunk
 * only once the whole part checked out; a failure is thrown as an ImportRejected instead. Each part is
 * inflated by the same thread-pool work whether the reader pulls its chunks or not, so draining the
 * generator verifies what the reader never needed.
 */
export async function* verifiedChunks(
  file: string,
  name: string,
  layout: ZipLayout,
  last: (p: ZipPart) => boolean,
  o: { chunkBytes?: number; limits?: ZipVerifyLimits } = {},
): AsyncGenerator<Buffer> {
  const step = Math.max(MIN_CHUNK, o.chunkBytes ?? 1024 * 1024);
  const order = [...layout.parts.filter((p) => !last(p)), ...layout.parts.filter(last)];
  const budget: InflateBudget = { inflated: 0 };
  const fh = await fs.promises.open(file, 'r');
  const read = async (at: number, length: number): Promise<Buffer> => {
    const buf = Buffer.allocUnsafe(length);
    const { bytesRead } = await fh.read(buf, 0, length, at);
    if (bytesRead < length)
      throw rejectFile(name, 'the .xlsx file changed while it was read (it got shorter)');
    return buf;
  };
  let verifier: PartVerifier | null = null;
  try {
    for (const p of order) {
      const v = new PartVerifier(p, name, budget, o.limits);
      verifier = v;
      const dataEnd = p.dataStart + p.compressedSize;
      let checked = false;
      for (let at = p.start; at < p.end;) {
        const buf = await read(at, Math.min(step, p.end - at));
        if (at === p.start && !sameHeader(buf, p))
          throw rejectFile(name, `the .xlsx file changed while it was read (part ${p.name} moved)`);
        const from = Math.max(at, p.dataStart);
        const to = Math.min(at + buf.length, dataEnd);
        if (to > from) await v.write(buf.subarray(from - at, to - at));
        at += buf.length;
        if (!checked && at >= dataEnd) {
          await v.end();
          checked = true;
        }
        yield buf;
      }
      verifier = null;
    }
    for (let at = layout.directoryOffset; at < layout.size;) {
      const buf = await read(at, Math.min(step, layout.size - at));
      at += buf.length;
      yield buf;
    }
  } finally {
    verifier?.destroy();
    await fh.close();
  }
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
  if (part.endsAtMarker && data.includes(DESCRIPTOR))
    throw rejectFile(
      name,
      `the .xlsx file is corrupt (part ${part.name} does not end where the zip directory says)`,
    );
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
