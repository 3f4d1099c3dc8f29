import fs from 'node:fs';
import type { SourceRow } from '../../shared/import/cells';
import { ImportRejected, rejectFile } from '../../shared/import/errors';
import { zipLayout, type ZipPart } from '../safety/zipLayout';
import { PartReader } from '../safety/zipVerify';
import { SharedStringsScanner } from './sharedStrings';
import { SheetCells } from './sheetCells';
import { SheetXmlScanner } from './sheetXml';
import type { WorkbookInfo } from './xlsxWorkbook';
import type { XmlChunks } from './xmlChunks';

export { readWorkbook, type SheetInfo } from './xlsxWorkbook';

export interface XlsxOptions {
  /** The sheet to read, by its name (one of readWorkbook's sheets). */
  sheet: string;
  /** What the workbook's small parts say (readWorkbook, read when the file was opened). */
  workbook: WorkbookInfo;
  /** Called with each chunk of the file's bytes, in file order, as the file is read (progress and the SHA-256). */
  onChunk?: (chunk: Buffer) => void;
}

/** Chunks read for the SHA-256. */
const CHUNK = 1024 * 1024;

/**
 * The file's own bytes, in file order, to `onChunk` (the SHA-256 and progress) as far as the parts' reads
 * have gone through it: the parts are read out of file order (the sheet, then what it refers to), so the
 * hash reads the file itself, as many bytes as were read for the parts, and the rest at the end.
 */
class FileHash {
  private read = 0;
  private hashed = 0;
  private fh: fs.promises.FileHandle | null = null;

  constructor(
    private readonly file: string,
    private readonly name: string,
    private readonly size: number,
    private readonly onChunk: ((chunk: Buffer) => void) | undefined,
  ) {}

  /** `bytes` more of the file were read for a part. */
  readBytes(bytes: number): void {
    this.read += bytes;
  }

  /** Hashes the file as far as its parts were read (all of it with `whole`). */
  async catchUp(whole = false): Promise<void> {
    const upTo = whole ? this.size : Math.min(this.read, this.size);
    if (!this.onChunk || this.hashed >= upTo) return;
    const fh = (this.fh ??= await fs.promises.open(this.file, 'r'));
    while (this.hashed < upTo) {
      const buf = Buffer.allocUnsafe(Math.min(upTo - this.hashed, CHUNK));
      const { bytesRead } = await fh.read(buf, 0, buf.length, this.hashed);
      if (bytesRead === 0)
        throw rejectFile(this.name, 'the .xlsx file changed while it was read (it got shorter)');
      this.onChunk(buf.subarray(0, bytesRead));
      this.hashed += bytesRead;
    }
  }

  async close(): Promise<void> {
    const fh = this.fh;
    this.fh = null;
    await fh?.close();
  }
}

/** A part's bytes as text, fed to its scanner chunk by chunk (UTF-8, a character cut between chunks kept whole). */
async function* scanPart(parts: PartReader, part: ZipPart, scanner: XmlChunks): AsyncGenerator<void> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of parts.read(part)) {
    scanner.write(decoder.decode(chunk, { stream: true }));
    yield;
  }
  scanner.write(decoder.decode());
  scanner.end();
}

/**
 * Streams one sheet of an .xlsx as batches of rows: its shared strings read first (xl/sharedStrings.xml,
 * SharedStringsScanner), then the sheet's part (SheetXmlScanner) chunk by chunk, each row's cells read as the
 * importer takes them (SheetCells). Row numbers are the sheet's own. Every part is inflated and checked as it
 * is read (PartReader), and those the import does not read are checked at the end: a damaged or hostile
 * workbook is refused whole, whichever part holds the damage.
 */
export async function* xlsxRows(file: string, name: string, o: XlsxOptions): AsyncGenerator<SourceRow[]> {
  // The zip directory's checks run here, before any parser sees a byte.
  const layout = zipLayout(file, name);
  const hash = new FileHash(file, name, layout.size, o.onChunk);
  const parts = new PartReader(file, name, layout, { onRead: (bytes) => hash.readBytes(bytes) });
  try {
    const book = o.workbook;
    const sheet = book.sheets.find((s) => s.name === o.sheet);
    if (!sheet) throw rejectFile(name, `sheet "${o.sheet}" could not be found in the workbook`);
    const sheetPart = sheet.part === null ? undefined : layout.parts.find((p) => p.name === sheet.part);
    if (!sheetPart)
      throw rejectFile(
        name,
        `sheet "${o.sheet}" holds no table to import (a chart sheet, or its part is missing from the workbook)`,
        o.sheet,
      );
    const strings = new SharedStringsScanner();
    const stringsPart = layout.parts.find((p) => p.name === book.sharedStrings);
    if (stringsPart) for await (const _ of scanPart(parts, stringsPart, strings)) await hash.catchUp();
    const cells = new SheetCells(
      { sharedStrings: strings.strings, formats: book.formats, date1904: book.date1904 },
      name,
      o.sheet,
    );
    const rows = new SheetXmlScanner();
    for await (const _ of scanPart(parts, sheetPart, rows)) {
      const batch = rows.take().map((raw) => cells.row(raw));
      await hash.catchUp();
      // The rows of one chunk go on at once: kept across awaits they would outlive the young generation.
      if (batch.length) yield batch;
    }
    const last = rows.take().map((raw) => cells.row(raw));
    if (last.length) yield last;
    await parts.verifyRest();
    await hash.catchUp(true);
  } catch (err) {
    // A damaged or hostile part is named as such, whatever the readers made of a part before it.
    const zipProblem = await parts.verifyRest().then(
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
    await parts.close();
    await hash.close();
  }
}
