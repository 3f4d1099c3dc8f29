import fs from 'node:fs';
import zlib from 'node:zlib';
import {
  parquetMetadata,
  parquetRead,
  parquetSchema,
  type AsyncBuffer,
  type ColumnData,
  type Compressors,
  type FileMetaData,
  type SchemaElement,
  type SchemaTree,
} from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import type { Cell, SourceRow } from '../../shared/import/cells';
import { ImportRejected, rejectFile } from '../../shared/import/errors';
import { LIMITS } from './sniff';

/**
 * Parquet files (FOCUS and CUR 2.0 exports are often Parquet) read with hyparquet, a pure-JavaScript
 * reader, one row group at a time: a row group's columns are decoded, its rows handed on in batches, and
 * the next group is read only once they are consumed. The rows go through the same transform, scan and
 * commit as a CSV's.
 *
 * Values keep their exactness: a DECIMAL column's unscaled integer becomes its exact decimal text (hyparquet
 * would divide it into a double), a DOUBLE stays a number (its micro-units are those of its shortest
 * round-trip text, as a spreadsheet number's), an INT64 is its digits, a timestamp is ISO text — with `Z`
 * when the column is UTC-adjusted (an instant, bucketed in the import's time zone) and without when it is
 * a local wall-clock time. Nested columns (a CUR 2.0 `resource_tags` map, lists, structs) become JSON text.
 * Row 1 is the column names, so row numbers are those a CSV of the same data would have.
 */

export interface ParquetOptions {
  /** Called with each chunk of the file's bytes, in file order, as the file is read (progress and the SHA-256). */
  onChunk?: (chunk: Buffer) => void;
}

/** Limits a Parquet file is held to before anything is decoded (a hostile footer, a bomb of a row group). */
export const PARQUET_LIMITS = {
  /** Largest footer (the schema and the row groups' directory). */
  footerBytes: 64 * 1024 * 1024,
  /** Most values (rows × leaf columns) decoded at once: one row group is held in memory while its rows are read. */
  groupValues: 50_000_000,
  /** Largest uncompressed row group. */
  groupBytes: 1024 * 1024 * 1024,
  /** Largest page, uncompressed (writers aim at about 1 MB). */
  pageBytes: 256 * 1024 * 1024,
};

const MAGIC = 0x31524150; // "PAR1", little-endian

/** Codecs read here: hyparquet's own (none, Snappy) and Node's zlib (gzip, Brotli, and zstd where Node has it). */
function compressors(): Compressors {
  // A page never inflates past the size its header declares (checked against the limit beforehand).
  const out: Compressors = {
    GZIP: (input, size) => new Uint8Array(zlib.gunzipSync(input, { maxOutputLength: Math.max(1, size) })),
    BROTLI: (input, size) =>
      new Uint8Array(zlib.brotliDecompressSync(input, { maxOutputLength: Math.max(1, size) })),
  };
  const zstd = (zlib as { zstdDecompressSync?: (b: Uint8Array, o: object) => Buffer }).zstdDecompressSync;
  if (zstd) out.ZSTD = (input, size) => new Uint8Array(zstd(input, { maxOutputLength: Math.max(1, size) }));
  return out;
}

const READABLE_CODECS = new Set(['UNCOMPRESSED', 'SNAPPY', ...Object.keys(compressors())]);

function readAt(fd: number, start: number, end: number): Buffer {
  const buf = Buffer.alloc(end - start);
  let done = 0;
  while (done < buf.length) {
    const n = fs.readSync(fd, buf, done, buf.length - done, start + done);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}

function arrayBufferOf(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** The file's footer, checked: both magic numbers, a footer length that fits the file and the limit. */
export function readParquetMetadata(file: string, name: string): FileMetaData {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  try {
    if (size < 12)
      throw rejectFile(name, 'this Parquet file is truncated (shorter than its own header and footer)');
    const head = readAt(fd, 0, 4);
    const tail = readAt(fd, size - 8, size);
    if (head.readUInt32LE(0) !== MAGIC) throw rejectFile(name, 'this is not a Parquet file (no PAR1 header)');
    if (tail.toString('latin1', 4) === 'PARE')
      throw rejectFile(name, 'this Parquet file is encrypted; export it without encryption');
    if (tail.readUInt32LE(4) !== MAGIC)
      throw rejectFile(name, 'this Parquet file is truncated or damaged (no PAR1 footer)');
    const length = tail.readUInt32LE(0);
    if (length > size - 12)
      throw rejectFile(
        name,
        `this Parquet file is damaged (its footer claims ${length} bytes, more than the file)`,
      );
    if (length > PARQUET_LIMITS.footerBytes)
      throw rejectFile(name, `this Parquet file's footer is ${length} bytes, beyond the import limit`);
    const footer = readAt(fd, size - 8 - length, size);
    try {
      return parquetMetadata(arrayBufferOf(footer), { geoparquet: false });
    } catch (err) {
      throw rejectFile(name, `this Parquet file's footer cannot be read (${(err as Error).message})`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

const count = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/**
 * What is missing or impossible in a page header. hyparquet computes with these fields unchecked: a
 * damaged header (a field lost to a flipped bit is undefined, NaN in arithmetic) can make its decoders
 * loop forever rather than fail.
 */
function headerProblem(h: ReturnType<typeof parquetHeader>): string | null {
  const known = (encoding: unknown) => typeof encoding === 'string';
  switch (h.type) {
    case 'DATA_PAGE': {
      const d = h.data_page_header;
      if (!d || !count(d.num_values) || !known(d.encoding)) return 'a data page header is incomplete';
      if (d.num_values > PARQUET_LIMITS.groupValues) return 'a page claims more values than the import limit';
      return null;
    }
    case 'DATA_PAGE_V2': {
      const d = h.data_page_header_v2;
      if (
        !d ||
        !count(d.num_values) ||
        !count(d.num_nulls) ||
        !count(d.num_rows) ||
        !count(d.definition_levels_byte_length) ||
        !count(d.repetition_levels_byte_length) ||
        !known(d.encoding)
      )
        return 'a data page header is incomplete';
      if (d.num_nulls > d.num_values || d.num_values > PARQUET_LIMITS.groupValues)
        return 'a data page header counts impossible values';
      if (d.definition_levels_byte_length + d.repetition_levels_byte_length > h.compressed_page_size)
        return 'a data page header claims more level bytes than the page has';
      return null;
    }
    case 'DICTIONARY_PAGE': {
      const d = h.dictionary_page_header;
      if (!d || !count(d.num_values) || !known(d.encoding)) return 'a dictionary page header is incomplete';
      if (d.num_values > PARQUET_LIMITS.groupValues)
        return 'a dictionary claims more values than the import limit';
      return null;
    }
    case 'INDEX_PAGE':
      return null;
    default:
      return 'a page of an unknown type';
  }
}

/**
 * Walks the page headers of a row group's column chunks before hyparquet decodes them: every page must
 * lie inside its chunk, and declare sizes within the limits. hyparquet trusts a page's declared size to
 * move to the next one, so a damaged (negative) size would send it back to the same page forever.
 */
function checkPages(
  meta: FileMetaData,
  g: number,
  range: { from: number; bytes: Buffer },
  name: string,
): void {
  for (const c of meta.row_groups[g]!.columns) {
    const m = c.meta_data!;
    const start = Number(m.dictionary_page_offset || m.data_page_offset) - range.from;
    const length = Number(m.total_compressed_size);
    const column = m.path_in_schema.join('.');
    const damaged = (why: string) =>
      rejectFile(name, `this Parquet file is damaged: row group ${g + 1}, column ${column}: ${why}`);
    if (start < 0 || length < 0 || start + length > range.bytes.length)
      throw damaged('its data lies outside the row group');
    const reader = {
      view: new DataView(range.bytes.buffer, range.bytes.byteOffset + start, length),
      offset: 0,
    };
    while (reader.offset < length - 1) {
      let header: ReturnType<typeof parquetHeader>;
      try {
        header = parquetHeader(reader);
      } catch {
        throw damaged('a page header cannot be read');
      }
      const problem = headerProblem(header);
      if (problem) throw damaged(problem);
      const size = header.compressed_page_size;
      const full = header.uncompressed_page_size;
      if (!Number.isSafeInteger(size) || size < 0 || reader.offset + size > length)
        throw damaged(`a page claims ${size} bytes, beyond its column's data`);
      if (!Number.isSafeInteger(full) || full < 0 || full > PARQUET_LIMITS.pageBytes)
        throw damaged(`a page claims to unpack to ${full} bytes, beyond the import limit`);
      reader.offset += size;
    }
  }
}

/** Byte range [from, to) of a row group's column chunks. */
function groupRange(meta: FileMetaData, g: number): { from: number; to: number } {
  let from = Infinity;
  let to = 0;
  for (const c of meta.row_groups[g]!.columns) {
    const m = c.meta_data;
    if (!m) continue;
    // As hyparquet reads a chunk: from its dictionary page (when the offset is set) for its compressed size.
    const first = Number(m.dictionary_page_offset || m.data_page_offset);
    from = Math.min(from, first);
    to = Math.max(to, first + Number(m.total_compressed_size));
  }
  return from === Infinity ? { from: 4, to: 4 } : { from, to };
}

/** What the top-level columns are and how each value becomes a cell. */
interface Layout {
  names: string[];
  convert: ((v: unknown) => Cell)[];
}

const utf8 = new TextDecoder();

function decimalText(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  let digits = (negative ? -unscaled : unscaled).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    // Three decimals would read as "1.234" — a thousands group or a decimal? — so write a fourth zero.
    const frac = digits.slice(-scale) + (scale === 3 ? '0' : '');
    digits = `${digits.slice(0, -scale)}.${frac}`;
  } else if (scale < 0) {
    digits = digits === '0' ? '0' : digits + '0'.repeat(-scale);
  }
  return negative ? `-${digits}` : digits;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** decimalText for an unscaled integer a double holds exactly (INT32, most INT64): the common case, without BigInt. */
function decimalOfSafe(unscaled: number, scale: number): string {
  if (scale <= 0 || scale > 15) return decimalText(BigInt(unscaled), scale);
  const negative = unscaled < 0;
  const digits = String(negative ? -unscaled : unscaled).padStart(scale + 1, '0');
  const frac = digits.slice(-scale) + (scale === 3 ? '0' : '');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${frac}`;
}

/** Big-endian two's complement bytes (FIXED_LEN_BYTE_ARRAY / BYTE_ARRAY decimals) → BigInt. */
function bigIntOfBytes(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return bytes[0]! & 0x80 ? v - (1n << BigInt(bytes.length * 8)) : v;
}

/** The shortest decimal that reads back as the same 32-bit float (a FLOAT column's value as written). */
function float32Number(v: number): number {
  if (!Number.isFinite(v)) return v;
  for (let p = 1; p <= 9; p++) {
    const n = Number(v.toPrecision(p));
    if (Math.fround(n) === v) return n;
  }
  return v;
}

function isoOfMillis(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? `invalid timestamp (${ms} ms)` : d.toISOString();
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/**
 * Timestamp text by millisecond, remembered: billing rows repeat a few hundred distinct hours (a million
 * rows of an hourly export carry at most 744 a month).
 */
const isoMemo = new Map<number, string>();
function isoOfMillisMemo(ms: number): string {
  let text = isoMemo.get(ms);
  if (text === undefined) {
    text = isoOfMillis(ms);
    if (isoMemo.size >= 100_000) isoMemo.clear();
    isoMemo.set(ms, text);
  }
  return text;
}

/** hyparquet's parsers: timestamps to ISO text (not Date), JSON kept as its text (numbers exact). */
const PARSERS = {
  timestampFromMilliseconds: (v: bigint) => isoOfMillisMemo(Number(v)),
  timestampFromMicroseconds: (v: bigint) => isoOfMillisMemo(Number(floorDiv(v, 1000n))),
  timestampFromNanoseconds: (v: bigint) => isoOfMillisMemo(Number(floorDiv(v, 1_000_000n))),
  dateFromDays: (days: number) => isoOfMillis(days * 86_400_000).slice(0, 10),
  jsonFromBytes: (bytes: Uint8Array) => bytes && utf8.decode(bytes),
};

/** A nested value (map, list, struct) as JSON text. */
function jsonText(v: unknown): string {
  return JSON.stringify(v, (_key, x: unknown) => {
    if (typeof x === 'bigint') return x.toString();
    if (x instanceof Uint8Array) return utf8.decode(x);
    return x;
  });
}

function decimalScale(e: SchemaElement): number | null {
  if (e.converted_type === 'DECIMAL') return e.scale ?? 0;
  if (e.logical_type?.type === 'DECIMAL') return e.logical_type.scale;
  return null;
}

/**
 * The metadata hyparquet reads with: DECIMAL annotations taken off the leaf columns (so their unscaled
 * integers come through untouched, and we scale them exactly), and each top-level column's converter.
 */
function prepare(meta: FileMetaData): { meta: FileMetaData; layout: Layout } {
  const schema = meta.schema.map((e) => ({ ...e }));
  const scales = new Map<SchemaElement, number>();
  for (const e of schema) {
    const scale = decimalScale(e);
    if (scale !== null && !e.num_children) {
      scales.set(e, scale);
      delete e.converted_type;
      delete e.logical_type;
    }
  }
  const prepared = { ...meta, schema };
  const tree = parquetSchema(prepared);
  const names: string[] = [];
  const convert: Layout['convert'] = [];
  for (const child of tree.children) {
    const e = child.element;
    names.push(e.name);
    const scale = scales.get(e);
    if (child.children.length > 0) {
      convert.push((v) => (v === null || v === undefined ? null : jsonText(v)));
    } else if (scale !== undefined) {
      convert.push((v) => {
        if (v === null || v === undefined) return null;
        if (typeof v === 'number') return decimalOfSafe(v, scale);
        if (typeof v === 'bigint' && v <= MAX_SAFE && v >= -MAX_SAFE) return decimalOfSafe(Number(v), scale);
        return decimalText(v instanceof Uint8Array ? bigIntOfBytes(v) : (v as bigint), scale);
      });
    } else if (e.type === 'FLOAT') {
      convert.push((v) => (typeof v === 'number' ? float32Number(v) : null));
    } else if (e.logical_type?.type === 'TIMESTAMP' && !e.logical_type.isAdjustedToUTC) {
      // A local date-time: taken as written, not moved into the import's time zone.
      convert.push((v) => (typeof v === 'string' ? v.replace(/Z$/, '') : null));
    } else {
      convert.push(plainCell);
    }
  }
  return { meta: prepared, layout: { names, convert } };
}

function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return v;
    case 'bigint':
      return v.toString();
    default:
      if (v instanceof Uint8Array) return utf8.decode(v);
      return jsonText(v);
  }
}

function leafPaths(node: SchemaTree, out: Set<string>): Set<string> {
  if (node.children.length === 0) out.add(node.path.join('\u0000'));
  for (const child of node.children) leafPaths(child, out);
  return out;
}

/** Refuses, before decoding anything, a file this reader cannot read or would not hold in memory. */
function checkLimits(meta: FileMetaData, layout: Layout, name: string, size: number): void {
  // The column chunks lie between the leading "PAR1" and the footer.
  const dataEnd = size - 8 - meta.metadata_length;
  const rows = Number(meta.num_rows);
  if (rows > LIMITS.rows)
    throw rejectFile(name, `more than ${LIMITS.rows.toLocaleString('en-US')} rows, beyond the import limit`);
  if (layout.names.length > LIMITS.columns) {
    throw rejectFile(name, `${layout.names.length} columns, beyond the import limit of ${LIMITS.columns}`);
  }
  // Every column chunk must be a leaf of the schema (a damaged footer otherwise fails inside hyparquet
  // after it has started reading the group's other columns).
  const leaves = leafPaths(parquetSchema(meta), new Set());
  meta.row_groups.forEach((g, i) => {
    const rowsInGroup = Number(g.num_rows);
    if (!count(rowsInGroup))
      throw rejectFile(name, `this Parquet file is damaged: row group ${i + 1} has no row count`);
    for (const c of g.columns) {
      const m = c.meta_data;
      const start = m ? Number(m.dictionary_page_offset || m.data_page_offset) : NaN;
      const length = m ? Number(m.total_compressed_size) : NaN;
      if (!count(start) || !count(length) || start < 4 || start + length > dataEnd) {
        throw rejectFile(
          name,
          `this Parquet file is damaged: row group ${i + 1} places a column's data outside the file's data`,
        );
      }
      const at = c.meta_data?.path_in_schema;
      if (!at || !leaves.has(at.join('\u0000'))) {
        throw rejectFile(
          name,
          `this Parquet file is damaged: row group ${i + 1} has a column (${at?.join('.') ?? 'unnamed'}) that its schema does not have`,
        );
      }
      if (c.file_path)
        throw rejectFile(
          name,
          'this Parquet file keeps its data in other files (file_path); export it as one file',
        );
      const codec = c.meta_data?.codec;
      if (codec && !READABLE_CODECS.has(codec)) {
        throw rejectFile(
          name,
          `this Parquet file is compressed with ${codec}, which the importer does not read; export it with Snappy, gzip or no compression`,
        );
      }
    }
    const values = Number(g.num_rows) * g.columns.length;
    if (values > PARQUET_LIMITS.groupValues || Number(g.total_byte_size) > PARQUET_LIMITS.groupBytes) {
      throw rejectFile(
        name,
        `row group ${i + 1} holds ${Number(g.num_rows).toLocaleString('en-US')} rows × ${g.columns.length} columns ` +
          `(${Math.round(Number(g.total_byte_size) / 1024 / 1024)} MB uncompressed), beyond the import limit of ` +
          `${(PARQUET_LIMITS.groupValues / 1e6).toFixed(0)} million values per row group; write the file with smaller row groups (e.g. 100,000 rows)`,
      );
    }
  });
}

/** The footer read and checked, and the metadata and layout the reader works with. */
function openParquet(file: string, name: string): { meta: FileMetaData; layout: Layout } {
  const raw = readParquetMetadata(file, name);
  try {
    const prepared = prepare(raw);
    checkLimits(prepared.meta, prepared.layout, name, fs.statSync(file).size);
    return prepared;
  } catch (err) {
    if (err instanceof ImportRejected) throw err;
    throw rejectFile(name, `this Parquet file's schema cannot be read (${(err as Error).message})`);
  }
}

/** Column names of a Parquet file (its header row), after the checks every pass makes. */
export function parquetColumns(file: string, name: string): string[] {
  return openParquet(file, name).layout.names;
}

const BATCH_ROWS = 8192;

/**
 * Streams a Parquet file's rows in batches, one row group decoded at a time. The file's bytes are read in
 * file order once — each row group's column chunks as one read, handed to hyparquet from memory — and
 * passed to onChunk (hash, progress) as they are read, gaps and footer included.
 */
export async function* parquetRows(
  file: string,
  name: string,
  o: ParquetOptions,
): AsyncGenerator<SourceRow[]> {
  const { meta, layout } = openParquet(file, name);
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  const codecs = compressors();
  let hashed = 0;
  const hashTo = (end: number, have?: { from: number; bytes: Buffer }) => {
    while (hashed < end) {
      const to = Math.min(end, hashed + 1024 * 1024);
      const chunk =
        have && hashed >= have.from && to <= have.from + have.bytes.length
          ? have.bytes.subarray(hashed - have.from, to - have.from)
          : readAt(fd, hashed, to);
      o.onChunk?.(chunk);
      hashed = to;
    }
  };
  try {
    yield [{ row: 1, cells: layout.names }];
    let rowStart = 0;
    for (let g = 0; g < meta.row_groups.length; g++) {
      const groupRows = Number(meta.row_groups[g]!.num_rows);
      const range = groupRange(meta, g);
      const bytes = readAt(fd, range.from, range.to);
      hashTo(range.from);
      hashTo(range.to, { from: range.from, bytes });
      const buffer: AsyncBuffer = {
        byteLength: size,
        slice(start: number, end?: number): ArrayBuffer {
          const stop = end ?? size;
          if (start >= range.from && stop <= range.to)
            return arrayBufferOf(bytes.subarray(start - range.from, stop - range.from));
          return arrayBufferOf(readAt(fd, start, stop));
        },
      };
      const columns = new Map<string, ColumnData[]>();
      if (groupRows === 0) continue;
      checkPages(meta, g, { from: range.from, bytes }, name);
      try {
        await parquetRead({
          file: buffer,
          metadata: meta,
          rowStart,
          rowEnd: rowStart + groupRows,
          utf8: false,
          parsers: PARSERS,
          compressors: codecs,
          onChunk: (chunk) => {
            const list = columns.get(chunk.columnName) ?? [];
            list.push(chunk);
            columns.set(chunk.columnName, list);
          },
        });
      } catch (err) {
        throw rejectFile(
          name,
          `row group ${g + 1} (rows ${rowStart + 2}–${rowStart + groupRows + 1}) cannot be read: ${(err as Error).message}`,
        );
      }
      yield* transpose(layout, columns, rowStart, groupRows, name);
      rowStart += groupRows;
    }
    hashTo(size);
  } finally {
    fs.closeSync(fd);
  }
}

/** A row group's columns as rows, a batch at a time: each column's values of the batch converted first. */
function* transpose(
  layout: Layout,
  columns: Map<string, ColumnData[]>,
  rowStart: number,
  groupRows: number,
  name: string,
): Generator<SourceRow[]> {
  const width = layout.names.length;
  const chunks = layout.names.map((n) => (columns.get(n) ?? []).sort((a, b) => a.rowStart - b.rowStart));
  for (let i = 0; i < width; i++) {
    const last = chunks[i]!.at(-1);
    if (groupRows > 0 && (!last || last.rowEnd < rowStart + groupRows))
      throw rejectFile(name, `column "${layout.names[i]}" has fewer values than its row group has rows`);
  }
  const at = new Array<number>(width).fill(0);
  const values: Cell[][] = Array.from({ length: width }, () => new Array<Cell>(BATCH_ROWS));
  for (let r = 0; r < groupRows; r += BATCH_ROWS) {
    const from = rowStart + r;
    const to = rowStart + Math.min(groupRows, r + BATCH_ROWS);
    for (let i = 0; i < width; i++) {
      const list = chunks[i]!;
      const convert = layout.convert[i]!;
      const out = values[i]!;
      let j = at[i]!;
      for (let row = from; row < to;) {
        while (j < list.length && list[j]!.rowEnd <= row) j++;
        const chunk = list[j];
        if (!chunk || chunk.rowStart > row) {
          out[row - from] = null;
          row++;
          continue;
        }
        const data = chunk.columnData;
        const stop = Math.min(to, chunk.rowEnd);
        for (let k = row - chunk.rowStart, end = stop - chunk.rowStart; k < end; k++, row++)
          out[row - from] = convert(data[k]);
      }
      at[i] = j;
    }
    const batch: SourceRow[] = new Array(to - from);
    for (let k = 0; k < to - from; k++) {
      const cells: Cell[] = new Array(width);
      for (let i = 0; i < width; i++) cells[i] = values[i]![k]!;
      batch[k] = { row: from + k + 2, cells };
    }
    yield batch;
  }
}
