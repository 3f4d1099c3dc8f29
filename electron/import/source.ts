import crypto from 'node:crypto';
import type { Cell, SourceRow } from '../../shared/import/cells';
import { buildHeaders, detectHeaderRow } from '../../shared/import/headers';
import {
  csvRows,
  detectDelimiter,
  detectNewline,
  readTextHead,
  type CsvDelimiter,
  type CsvOptions,
} from './csvSource';
import { checkFileSize } from '../safety/fileLimits';
import { checkJson, jsonRows, type JsonOptions } from './jsonSource';
import { parquetColumns, parquetRows, type ParquetOptions } from './parquetSource';
import { zipLayout } from '../safety/zipLayout';
import { rejectFile } from '../../shared/import/errors';
import { sniffContainer } from './sniff';
import type { TextEncodingName } from './textEncoding';
import type { ContainerType } from '../../shared/import/summary';
import { readWorkbook, xlsxRows, type SheetInfo, type XlsxOptions } from './xlsxSource';

export interface SourceOptions {
  sheet?: string;
  encoding?: TextEncodingName;
  delimiter?: CsvDelimiter;
}

/**
 * Everything needed to read a file's rows again, once it was opened and checked (sniffed, zip directory
 * checked, sheet chosen): plain data, so a worker thread can read the file too.
 */
export type SourceSpec = { path: string; name: string } & (
  | { container: 'csv'; csv: Omit<CsvOptions, 'onChunk'> }
  | { container: 'xlsx'; xlsx: Omit<XlsxOptions, 'onChunk'> }
  | { container: 'parquet'; parquet: Omit<ParquetOptions, 'onChunk'> }
  | { container: 'json'; json: Omit<JsonOptions, 'onChunk'> }
);

/** A file opened for reading: how it is encoded and laid out, and a way to stream its rows (again). */
export interface FileSource {
  path: string;
  name: string;
  container: ContainerType;
  encoding: TextEncodingName | null;
  delimiter: CsvDelimiter | null;
  sheets: SheetInfo[];
  sheet: string | null;
  spec: SourceSpec;
  /**
   * A pass over the file's rows in order, in batches (one await per batch keeps a million-row pass
   * cheap), hashing the bytes as they are read. The first pass after readHeader continues the read
   * that found the header rather than opening the file again.
   */
  pass(): RowPass;
  /** Releases a pass started by readHeader that nobody continued. */
  close(): void;
}

export interface RowPass {
  batches: AsyncGenerator<SourceRow[]>;
  /** Bytes read so far (for progress). */
  bytesRead(): number;
  /** SHA-256 and size of the bytes read; call once the batches are exhausted. */
  digest(): { sha256: string; bytes: number };
}

type OpenRows = (onChunk: (chunk: Buffer) => void) => AsyncGenerator<SourceRow[]>;

function freshPass(open: OpenRows): RowPass {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  const batches = open((chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  return { batches, bytesRead: () => bytes, digest: () => ({ sha256: hash.digest('hex'), bytes }) };
}

/** Passes over one file; keeps the pass readHeader started so the scan can continue it. */
class Passes {
  private primed: { pass: RowPass; buffered: SourceRow[][] } | null = null;
  constructor(private readonly open: OpenRows) {}

  /** For readHeader: a fresh pass whose batches are remembered for the next caller. */
  prime(): { pass: RowPass; buffered: SourceRow[][] } {
    this.close();
    this.primed = { pass: freshPass(this.open), buffered: [] };
    return this.primed;
  }

  next(): RowPass {
    const p = this.primed;
    this.primed = null;
    if (!p) return freshPass(this.open);
    async function* replay(): AsyncGenerator<SourceRow[]> {
      yield* p!.buffered;
      yield* p!.pass.batches;
    }
    return { batches: replay(), bytesRead: p.pass.bytesRead, digest: p.pass.digest };
  }

  close(): void {
    void this.primed?.pass.batches.return(undefined);
    this.primed = null;
  }
}

function opener(spec: SourceSpec): OpenRows {
  switch (spec.container) {
    case 'csv':
      return (onChunk) => csvRows(spec.path, spec.name, { ...spec.csv, onChunk });
    case 'xlsx':
      return (onChunk) => xlsxRows(spec.path, spec.name, { ...spec.xlsx, onChunk });
    case 'parquet':
      return (onChunk) => parquetRows(spec.path, spec.name, { ...spec.parquet, onChunk });
    case 'json':
      return (onChunk) => jsonRows(spec.path, spec.name, { ...spec.json, onChunk });
  }
}

/** A fresh pass over a file opened before (by openSource, possibly in another thread). */
export function passOf(spec: SourceSpec): RowPass {
  return freshPass(opener(spec));
}

const passesOf = new WeakMap<FileSource, Passes>();

function withPasses(source: Omit<FileSource, 'pass' | 'close'>): FileSource {
  const passes = new Passes(opener(source.spec));
  const full: FileSource = { ...source, pass: () => passes.next(), close: () => passes.close() };
  passesOf.set(full, passes);
  return full;
}

export async function openSource(path: string, name: string, o: SourceOptions = {}): Promise<FileSource> {
  checkFileSize(path, name);
  const container = sniffContainer(path, name, o.encoding);
  if (container.type === 'xlsx') {
    // The zip directory's checks, before anything is inflated; every part is inflated and checked as
    // it is read (xlsxRows), the workbook's small parts here.
    const workbook = readWorkbook(path, name, zipLayout(path, name));
    const { sheets } = workbook;
    // With no sheet named, the first visible one that holds a table (a chart sheet first in the tabs is passed).
    const chosen =
      o.sheet === undefined
        ? sheets.find((s) => !s.hidden && s.part !== null)
        : sheets.find((s) => s.name === o.sheet);
    const list = sheets.map((s) => `"${s.name}"${s.hidden ? ' (hidden)' : ''}`).join(', ') || 'none';
    if (!chosen) {
      throw rejectFile(
        name,
        o.sheet === undefined
          ? `the workbook has no visible sheet holding a table (sheets: ${list})`
          : `no sheet named "${o.sheet}" (sheets: ${list})`,
      );
    }
    const xlsx = { sheet: chosen.name, workbook };
    return withPasses({
      path,
      name,
      container: 'xlsx',
      encoding: null,
      delimiter: null,
      sheets: sheets.map(({ name: n, hidden }) => ({ name: n, hidden })),
      sheet: chosen.name,
      spec: { path, name, container: 'xlsx', xlsx },
    });
  }
  if (container.type === 'parquet' || container.type === 'json') {
    const what = container.type === 'parquet' ? 'a Parquet' : 'a JSON';
    if (o.sheet !== undefined)
      throw rejectFile(name, `--sheet "${o.sheet}" was given, but this is ${what} file, not a workbook`);
    // Parquet: the footer's checks (magic numbers, size, codecs, row-group limits) before any row is
    // decoded; JSON: a list of records, within its limits.
    if (container.type === 'parquet') parquetColumns(path, name);
    else checkJson(path, name);
    const spec: SourceSpec =
      container.type === 'parquet'
        ? { path, name, container: 'parquet', parquet: {} }
        : { path, name, container: 'json', json: {} };
    return withPasses({
      path,
      name,
      container: container.type,
      encoding: container.type === 'json' ? 'utf-8' : null,
      delimiter: null,
      sheets: [],
      sheet: null,
      spec,
    });
  }
  if (o.sheet !== undefined)
    throw rejectFile(name, `--sheet "${o.sheet}" was given, but this is a CSV file, not a workbook`);
  const head = await readTextHead(path, container.encoding);
  const newline = detectNewline(head);
  // Excel's "sep=;" first line names the delimiter outright (the line itself is skipped as a title row).
  const sepLine = /^sep=([,;\t|])\r?\n/.exec(head)?.[1] as CsvDelimiter | undefined;
  const delimiter = o.delimiter ?? sepLine ?? detectDelimiter(head, newline);
  const csv = { encoding: container.encoding, delimiter, newline };
  return withPasses({
    path,
    name,
    container: 'csv',
    encoding: container.encoding,
    delimiter,
    sheets: [],
    sheet: null,
    spec: { path, name, container: 'csv', csv },
  });
}

export interface HeaderInfo {
  /** The sheet/file row number of the header (its first row when it spans two). */
  headerRow: number;
  /** Data starts after this row number. */
  lastHeaderRow: number;
  headers: string[];
  /** The first rows after the header, for format detection and the preview. */
  head: SourceRow[];
  /** The non-blank rows above the header (title lines, DATEV's metadata record). */
  preamble: SourceRow[];
}

const HEAD_ROWS = 40;

/** Reads the first rows only, finds the header (title rows, empty rows and a used range not at A1 allowed). */
export async function readHeader(source: FileSource): Promise<HeaderInfo> {
  const rows: SourceRow[] = [];
  const primed = passesOf.get(source)!.prime();
  // Read with next(), not for-await: breaking a for-await would close the pass the scan continues.
  while (rows.length < HEAD_ROWS) {
    const step = await primed.pass.batches.next();
    if (step.done) break;
    primed.buffered.push(step.value);
    for (const r of step.value) {
      if (r.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
      rows.push(r);
      if (rows.length >= HEAD_ROWS) break;
    }
  }
  if (rows.length === 0) throw rejectFile(source.name, 'no rows: the file (or sheet) is empty', source.sheet);
  const grid: Cell[][] = rows.map((r) => r.cells);
  // A Parquet or JSON file's first row is its column names, always: nothing to detect.
  const index = source.container === 'parquet' || source.container === 'json' ? 0 : detectHeaderRow(grid);
  const { headers, depth } = buildHeaders(grid, index);
  const last = rows[index + depth - 1]!;
  return {
    headerRow: rows[index]!.row,
    lastHeaderRow: last.row,
    headers,
    head: rows.slice(index + depth),
    preamble: rows.slice(0, index),
  };
}
