import fs from 'node:fs';
import zlib from 'node:zlib';
import { ImportRejected, rejectFile } from '../../shared/import/errors';
import { LOCAL_SIGNATURE, type ZipLayout, type ZipPart } from './zipLayout';
import { BOMB_HINT, lyingProblem, mb, wholePartProblem, ZIP_LIMITS, type ZipVerifyLimits } from './zipLimits';

/**
 * What stands between an .xlsx (a zip) and exceljs, whose streaming reader trusts the archive: a zip bomb
 * would exhaust memory and a damaged part can stall it forever (the import then never settles).
 *
 *  - `zipLayout` (zipLayout.ts) reads the zip directory and the local headers, synchronously, before any
 *    XML parser sees a byte: part count, encryption, compression methods, each part inside the file and
 *    apart from the others, the declared sizes within the limits (zipLimits.ts).
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
      if (err instanceof ImportRejected) throw err;
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

/** An empty zip's end record: what tells a streaming zip reader that no entry follows. */
export function zipEndRecord(): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return end;
}

/**
 * The workbook for a streaming zip reader: every part, those `last` picks at the end, as a stored entry of
 * its inflated bytes (partBytes: each chunk checked before it is yielded, a failure thrown as an
 * ImportRejected), then an empty end record (`endRecord: false`: the caller sends it, zipEndRecord).
 * `onRead` is told of the file's bytes as they are read.
 */
export async function* verifiedZip(
  file: string,
  name: string,
  layout: ZipLayout,
  last: (p: ZipPart) => boolean,
  o: { limits?: ZipVerifyLimits; onRead?: (bytes: number) => void; endRecord?: boolean } = {},
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
  if (o.endRecord !== false) yield zipEndRecord();
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
