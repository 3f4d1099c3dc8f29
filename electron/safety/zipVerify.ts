import fs from 'node:fs';
import zlib from 'node:zlib';
import { ImportRejected, rejectFile } from '../../shared/import/errors';
import type { ZipLayout, ZipPart } from './zipLayout';
import { BOMB_HINT, lyingProblem, mb, wholePartProblem, ZIP_LIMITS, type ZipVerifyLimits } from './zipLimits';

/**
 * What stands between an .xlsx (a zip) and the XML readers: a zip bomb would exhaust memory, and a damaged
 * or lying part must never reach them as if it were sound.
 *
 *  - `zipLayout` (zipLayout.ts) reads the zip directory and the local headers, synchronously, before any
 *    XML parser sees a byte: part count, encryption, compression methods, each part inside the file and
 *    apart from the others, the declared sizes within the limits (zipLimits.ts).
 *  - `PartReader` inflates a part itself, as the reader reads it: each chunk of inflated bytes is counted
 *    against the limits and the part's declared size (never trusted: a bomb lies about it) before the reader
 *    gets it, and a part's last chunk only once the part's size and CRC-32 are the directory's. The parts
 *    are found by the directory alone: bytes between them that belong to none are never read. The inflating
 *    runs on libuv's thread pool, ahead of the reader's parsing on this thread.
 *  - `readSmallPart` inflates one small part at once (the sheet list, relationships, styles), with the same
 *    checks.
 *
 * Memory stays at a few megabytes whatever the archive holds.
 */

/** The running total of inflated bytes over one pass's parts. */
interface InflateBudget {
  inflated: number;
}

/**
 * Chunks read from the file, and chunks of inflated bytes handed on: a reader turns each of those into a
 * batch of rows at once, and bigger ones keep more rows alive across its awaits (with exceljs, 64 KB and up
 * measured costly: memory and full garbage collections).
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

/**
 * The parts of one workbook, each inflated and checked as it is read (partBytes), in whatever order the
 * reader needs them, against one budget of inflated bytes for the whole archive. `verifyRest` inflates and
 * checks the parts nobody read, so every part of an imported workbook was checked, read or not.
 * `onRead` is told of the file's compressed bytes as they are read.
 */
export class PartReader {
  private fh: fs.promises.FileHandle | null = null;
  private readonly budget: InflateBudget = { inflated: 0 };
  private readonly done = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly name: string,
    private readonly layout: ZipLayout,
    private readonly o: { limits?: ZipVerifyLimits; onRead?: (bytes: number) => void } = {},
  ) {}

  async *read(part: ZipPart): AsyncGenerator<Buffer> {
    this.fh ??= await fs.promises.open(this.file, 'r');
    yield* partBytes(
      this.fh,
      this.name,
      part,
      this.budget,
      this.o.limits ?? ZIP_LIMITS,
      this.o.onRead ?? (() => {}),
    );
    this.done.add(part.name);
  }

  /** Every part not read whole yet, inflated and checked (its bytes dropped). */
  async verifyRest(): Promise<void> {
    for (const part of this.layout.parts) {
      if (this.done.has(part.name)) continue;
      for await (const _ of this.read(part));
    }
  }

  async close(): Promise<void> {
    const fh = this.fh;
    this.fh = null;
    await fh?.close();
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
