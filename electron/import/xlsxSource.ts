import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { SourceRow } from '../../shared/import/cells';
import { releaseSkippedSheet } from '../safety/skippedSheet';
import { zipLayout, type ZipLayout } from '../safety/zipLayout';
import { readSmallPart, verifiedZip, zipEndRecord } from '../safety/zipVerify';
import { ImportRejected, rejectFile } from '../../shared/import/errors';
import { SheetCells, type SharedString, type WorkbookContext } from './sheetCells';
import { SheetXmlScanner } from './sheetXml';

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface XlsxOptions {
  /** The sheet to read (see listSheets) and its position among the workbook's sheets. */
  sheet: string;
  sheetIndex: number;
  /** Every sheet name of the workbook, to tell a real name from exceljs's "SheetN" stand-in. */
  sheetNames: readonly string[];
  /** The workbook counts dates from 1904 (readWorkbook). */
  date1904: boolean;
  /** Called with each chunk of the file's bytes, in file order, as the file is read (progress and the SHA-256). */
  onChunk?: (chunk: Buffer) => void;
}

/** exceljs's WorksheetReader, before it parses: its name and the sheet part's bytes. */
interface WorksheetLike {
  name?: string;
  state?: string;
  iterator: AsyncIterable<Buffer>;
}

/** What exceljs's WorkbookReader read from the parts before the sheets. */
interface WorkbookParts {
  sharedStrings?: SharedString[];
  styles?: WorkbookContext['styles'];
}

/** exceljs's test for a worksheet part (unanchored, as it matches). */
const SHEET_PART = /xl\/worksheets\/sheet\d+[.]xml/;

/** Chunks read for the SHA-256. */
const CHUNK = 1024 * 1024;

/**
 * The workbook as a stream for exceljs (verifiedZip: every part inflated and checked by us, re-framed as a
 * stored entry), while the file's own bytes go, in file order, to onChunk (the SHA-256 and progress): as
 * many as were read for exceljs, hashed before each chunk is handed on, so the one read of the file serves
 * both whatever the order of its parts.
 *
 * The parts come in the order exceljs's streaming reader reads in one go. It parses a worksheet as it
 * reads it only once the shared strings and the workbook's relationships were read; a sheet before them is
 * copied to a temp file and parsed from there after the last part. Excel writes the shared strings after
 * the sheets, and a workbook without shared strings (exceljs's own writer) never has them, so every
 * workbook took that detour: the parts whole, with the sheets last, avoid it.
 *
 * When exceljs stops or fails before the end, `complete` verifies and hashes whatever is left. A
 * verification failure reaches `race` at once, whoever pulled.
 */
function partStream(
  file: string,
  name: string,
  onChunk: ((chunk: Buffer) => void) | undefined,
): {
  stream: Readable;
  sharedStrings: boolean;
  race: <T>(step: Promise<T>) => Promise<T>;
  complete: () => Promise<void>;
  close: () => void;
} {
  const layout = zipLayout(file, name);
  const { size } = layout;
  let read = 0;
  const chunks = verifiedZip(file, name, layout, (p) => SHEET_PART.test(p.name), {
    onRead: (bytes) => (read += bytes),
    endRecord: false,
  });
  let failure: { err: unknown } | null = null;
  let waiting: ((err: unknown) => void) | null = null;
  /**
   * The step, or the verifier's failure as soon as it happens. (Not Promise.race with one long-lived
   * promise: each race would leave it a reaction holding the step's result, rows and all.)
   */
  const race = <T>(step: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      step.catch(() => {});
      if (failure) return reject(failure.err);
      waiting = reject;
      step.then(
        (v) => {
          waiting = null;
          resolve(v);
        },
        (err: unknown) => {
          waiting = null;
          reject(err);
        },
      );
    });
  let hashed = 0;
  let hashing: Promise<void> = Promise.resolve();
  const hashTo = (upTo: number): Promise<void> => {
    hashing = hashing.then(async () => {
      if (!onChunk || hashed >= upTo) return;
      const fh = await fs.promises.open(file, 'r');
      try {
        while (hashed < upTo) {
          const buf = Buffer.allocUnsafe(Math.min(upTo - hashed, CHUNK));
          const { bytesRead } = await fh.read(buf, 0, buf.length, hashed);
          if (bytesRead === 0)
            throw rejectFile(name, 'the .xlsx file changed while it was read (it got shorter)');
          onChunk(buf.subarray(0, bytesRead));
          hashed += bytesRead;
        }
      } finally {
        await fh.close();
      }
    });
    return hashing;
  };
  /** The next verified chunk, the file hashed as far as it was read (async generator calls queue up). */
  const next = async (): Promise<Buffer | null> => {
    if (failure) throw failure.err;
    try {
      const step = await chunks.next();
      if (step.done) return null;
      await hashTo(Math.min(read, size));
      return step.value;
    } catch (err) {
      failure ??= { err };
      waiting?.(failure.err);
      throw failure.err;
    }
  };
  /**
   * The zip's end record goes to exceljs only once its loop over the zip's entries has been handed every
   * one of them. Sent earlier, it can make exceljs drop the entries it has not taken yet:
   *
   * exceljs's WorkbookReader.parse pipes its input into unzipper's Parse and walks the entries with its
   * `iterateStream(zip)`, which stops at the first 'end' event. Parse emits 'end' itself as soon as it has
   * read the end record (on its writable side's 'finish'), not once its readable side is empty. While the
   * loop works on one entry (a part parsed, a sheet copied to a temp file: any wait) the zip stream is
   * paused, and Parse reads on: each small part behind it fits in the stream buffers, so it is passed
   * without being read and its entry queued on the paused stream; then the end record, then 'end'. When the
   * loop comes back for the next entry it sees 'end' and returns: the queued entries are never looked at.
   * Lost sheets make a valid workbook "sheet … could not be found"; a lost xl/workbook.xml with sheets
   * waiting in temp files makes exceljs read `this.model.sheets` of undefined ("not a readable .xlsx
   * workbook (… reading 'sheets')", about 1 import in 1,300 when exceljs read the file in its own order).
   * Only the timing of the loop against the input decided (test/reliability/skippedSheets.test.ts makes
   * the loop wait, as a busy machine does).
   *
   * So the loop is watched — a 'data' listener on the zip parser exceljs pipes this stream into: one event
   * per entry, as the entry reaches the loop — and the end record waits until all the layout's entries got
   * there. The last entry gets there once its header is read, before its data: a normal read never waits.
   * Should exceljs ever read its input other than by piping it, the end record goes at once, as before.
   */
  const entries = layout.parts.length;
  let taken = 0;
  let watched = false;
  let allTaken: () => void = () => {};
  const entriesTaken = new Promise<void>((resolve) => (allTaken = resolve));
  if (entries === 0) allTaken();
  const stream = new Readable({
    read() {
      next().then(
        (buf) => {
          if (buf) return void this.push(buf);
          void (watched ? entriesTaken : Promise.resolve()).then(() => {
            if (this.destroyed) return;
            this.push(zipEndRecord());
            this.push(null);
          });
        },
        // The failure goes to `race`; an 'error' here would have no listener in exceljs.
        () => this.destroy(),
      );
    },
  });
  const pipe = stream.pipe.bind(stream);
  stream.pipe = (<T extends NodeJS.WritableStream>(dest: T, options?: { end?: boolean }): T => {
    watched = true;
    (dest as unknown as NodeJS.EventEmitter).on('data', () => {
      if (++taken === entries) allTaken();
    });
    return pipe(dest, options);
  }) as typeof stream.pipe;
  const complete = async (): Promise<void> => {
    while ((await next()) !== null);
    await hashTo(size);
  };
  return {
    stream,
    sharedStrings: layout.parts.some((p) => p.name === 'xl/sharedStrings.xml'),
    race,
    complete,
    close: () => void chunks.return(undefined).catch(() => {}),
  };
}

/**
 * Streams one sheet of an .xlsx as batches of rows with exceljs's streaming reader: shared or inline strings,
 * cached formula results, date cells as ISO text. Row numbers are the sheet's own.
 */
export async function* xlsxRows(file: string, name: string, o: XlsxOptions): AsyncGenerator<SourceRow[]> {
  // The zip directory's checks run here, before any parser sees a byte.
  const source = partStream(file, name, o.onChunk);
  const input = source.stream;
  // The verifier's failures reach us through `race`: exceljs never sees the stream fail.
  input.on('error', () => {});
  // Loaded on first use: the CSV worker thread imports this module too, and exceljs takes ≈ 0.3 s to load.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // With no shared strings part there are none to wait for (exceljs would wait for them to the end).
  if (!source.sharedStrings) (reader as unknown as { sharedStrings: string[] }).sharedStrings = [];
  /**
   * One step of an exceljs iterator, or the verifier's failure the moment it happens: exceljs's reader
   * stalls rather than fails when its input stops short, so it is never awaited alone.
   */
  const step = <T>(it: AsyncIterator<T>): Promise<IteratorResult<T>> => source.race(it.next());
  const worksheets = (reader as unknown as AsyncIterable<WorksheetLike>)[Symbol.asyncIterator]();
  const workbook = reader as unknown as WorkbookParts;
  let chunks: AsyncIterator<Buffer> | null = null;
  let index = 0;
  let found = false;
  let batch: SourceRow[] = [];
  try {
    for (let w = await step(worksheets); !w.done; w = await step(worksheets)) {
      const ws = w.value;
      // exceljs names a sheet only when its relationship target is relative; otherwise (the OMB file:
      // absolute targets) it says "SheetN", and the sheet's position decides.
      const named = ws.name !== undefined && o.sheetNames.includes(ws.name);
      const wanted = named ? ws.name === o.sheet : index === o.sheetIndex;
      index++;
      if (!wanted || found) {
        releaseSkippedSheet(ws);
        continue;
      }
      found = true;
      // The sheet's own XML, read here (sheetXml); the shared strings and styles exceljs read before it.
      const cells = new SheetCells(
        {
          sharedStrings: workbook.sharedStrings ?? [],
          ...(workbook.styles ? { styles: workbook.styles } : {}),
          date1904: o.date1904,
        },
        name,
        o.sheet,
      );
      const scanner = new SheetXmlScanner();
      const decoder = new TextDecoder('utf-8');
      chunks = ws.iterator[Symbol.asyncIterator]();
      for (let c = await step(chunks); !c.done; c = await step(chunks)) {
        scanner.write(decoder.decode(c.value, { stream: true }));
        for (const raw of scanner.take()) batch.push(cells.row(raw));
        // The rows of one chunk go on at once: kept across the reader's awaits they would outlive the
        // young generation and cost full garbage collections.
        if (batch.length) {
          yield batch;
          batch = [];
        }
      }
      scanner.write(decoder.decode());
      scanner.end();
      for (const raw of scanner.take()) batch.push(cells.row(raw));
      if (batch.length) {
        yield batch;
        batch = [];
      }
      chunks = null;
    }
    await source.complete();
  } catch (err) {
    // A damaged or hostile part is named as such, whatever exceljs made of it: the rest is verified first.
    const zipProblem = await source.complete().then(
      () => null,
      (e: unknown) => e,
    );
    if (zipProblem instanceof ImportRejected) throw zipProblem;
    if (err instanceof ImportRejected) throw err;
    throw rejectFile(
      name,
      `not a readable .xlsx workbook (corrupt or not Excel): ${err instanceof Error ? err.message : String(err)}`,
      o.sheet,
    );
  } finally {
    // exceljs's iterators are told to stop but not awaited: one stalled on a stopped input never returns.
    void chunks?.return?.(undefined).catch(() => {});
    void worksheets.return?.(undefined).catch(() => {});
    input.destroy();
    source.close();
  }
  if (!found) throw rejectFile(name, `sheet "${o.sheet}" could not be found in the workbook's data`);
}

function xmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** What xl/workbook.xml says: the sheets in tab order (hidden ones marked) and the date system. */
export interface WorkbookInfo {
  sheets: SheetInfo[];
  /** Serials count days from 1904-01-01 (`<workbookPr date1904="1"/>`, old Mac workbooks). */
  date1904: boolean;
}

/**
 * Reads xl/workbook.xml alone (inflated whole, with the limits and checks every part gets). `layout`: the
 * file's zipLayout, when the caller has it.
 */
export function readWorkbook(
  file: string,
  name: string,
  layout: ZipLayout = zipLayout(file, name),
): WorkbookInfo {
  const wb = layout.parts.find((p) => p.name === 'xl/workbook.xml');
  if (!wb) throw rejectFile(name, 'this zip file is not an Excel workbook (no xl/workbook.xml)');
  const xml = readSmallPart(file, name, wb).toString('utf8');
  const sheets: SheetInfo[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const attrs = m[1]!;
    const sheetName = /\bname="([^"]*)"/.exec(attrs)?.[1];
    if (sheetName === undefined) continue;
    const state = /\bstate="([^"]*)"/.exec(attrs)?.[1];
    sheets.push({ name: xmlText(sheetName), hidden: state === 'hidden' || state === 'veryHidden' });
  }
  const props = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(xml)?.[1] ?? '';
  const date1904 = /\bdate1904=["'](1|true)["']/.test(props);
  return { sheets, date1904 };
}

/** The workbook's sheets in tab order, hidden ones marked (readWorkbook's). */
export function listSheets(file: string, name: string, layout?: ZipLayout): SheetInfo[] {
  return readWorkbook(file, name, layout).sheets;
}
