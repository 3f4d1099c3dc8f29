import { CodedError, isErrorCode, type ErrorCode } from '../../shared/errors';
import type { FormatEvidence } from '../../shared/import/evidence';
import type { ImportRecord, SpendRecord } from '../../shared/import/records';
import type { RollupGroup } from '../store/spendRollupSum';
import { ImportRejected } from '../../shared/import/errors';
import type { ImportProgress, ScanJob, ScanResult, WorkspaceFacts } from './scanCore';

/** Messages between the thread owning the workspace and the worker reading a file (scanThread, scanWorker). */
export type ToWorker =
  | { type: 'start'; facts: WorkspaceFacts; job: ScanJob; evidence: boolean; records: boolean }
  /** One batch of records was stored: the worker may send another. */
  | { type: 'ack' };

export type FromWorker =
  | { type: 'records'; batch: RecordBatch }
  | { type: 'progress'; progress: ImportProgress }
  /**
   * `evidence`: what the rows said about decimal separator and date order (the FormatEvidence's fields);
   * `rollup`: the spend lines sent, summed into their `spend_monthly` groups (initiatives by spelling).
   */
  | {
      type: 'done';
      result: ScanResult;
      evidence: FormatEvidence | null;
      rollup: RollupGroup<string | null>[];
    }
  | { type: 'error'; error: WireError };

/**
 * Records on their way between threads. Spend lines (the millions) go column by column in typed arrays whose
 * buffers are transferred, not copied: their numbers as doubles (NaN = none), their texts as indexes into
 * the batch's own table of texts, sent as one string with the end of each (a date, a currency, an initiative
 * or a vendor repeats over the batch's lines and crosses once; a description is each line's own). The structured clone of one flat
 * array of 12 values a line cost as much CPU on each side as storing the lines. Other kinds go as they are.
 */
export type RecordBatch = SpendColumns | { records: ImportRecord[] };

export interface SpendColumns {
  /** Per line: row, amount, tokensIn, tokensOut, requests (NaN for none). */
  numbers: Float64Array;
  /** Per line: date, currency, initiative, category, vendor, costCenter, description (-1 for none). */
  texts: Int32Array;
  /** The batch's distinct texts, one after the other; `ends[i]` is where text i ends. */
  table: string;
  ends: Int32Array;
}

/** Values per line in `numbers` and in `texts`. */
export const NUMBERS = 5;
export const TEXTS = 7;

/** The buffers a batch hands over (postMessage's transfer list): the sender keeps none of them. */
export function transferablesOf(batch: RecordBatch): ArrayBuffer[] {
  return 'records' in batch
    ? []
    : [
        batch.numbers.buffer as ArrayBuffer,
        batch.texts.buffer as ArrayBuffer,
        batch.ends.buffer as ArrayBuffer,
      ];
}

export function encodeRecords(records: ImportRecord[]): RecordBatch {
  if (!records.every((r) => r.kind === 'spend')) return { records };
  const n = records.length;
  const numbers = new Float64Array(n * NUMBERS);
  const texts = new Int32Array(n * TEXTS);
  const index = new Map<string, number>();
  const parts: string[] = [];
  const ends: number[] = [];
  let length = 0;
  const text = (s: string | null): number => {
    if (s === null) return -1;
    let i = index.get(s);
    if (i === undefined) {
      i = parts.length;
      index.set(s, i);
      parts.push(s);
      length += s.length;
      ends.push(length);
    }
    return i;
  };
  // A line's own text (its description, mostly different on every line) is appended without a lookup.
  const own = (s: string | null): number => {
    if (s === null) return -1;
    parts.push(s);
    length += s.length;
    ends.push(length);
    return parts.length - 1;
  };
  const num = (x: number | null): number => (x === null ? NaN : x);
  let a = 0;
  let b = 0;
  for (const r of records as SpendRecord[]) {
    // A NaN among the values could not be told from "none": such a batch goes as it is.
    if (Number.isNaN(r.tokensIn) || Number.isNaN(r.tokensOut) || Number.isNaN(r.requests)) return { records };
    numbers[a++] = r.row;
    numbers[a++] = r.amount;
    numbers[a++] = num(r.tokensIn);
    numbers[a++] = num(r.tokensOut);
    numbers[a++] = num(r.requests);
    texts[b++] = text(r.date);
    texts[b++] = text(r.currency);
    texts[b++] = text(r.initiative);
    texts[b++] = text(r.category);
    texts[b++] = text(r.vendor);
    texts[b++] = text(r.costCenter);
    texts[b++] = own(r.description);
  }
  return { numbers, texts, table: parts.join(''), ends: Int32Array.from(ends) };
}

/**
 * A batch's texts by index (null for -1): each distinct text cut from the table once, when a line first
 * names it.
 */
export function batchTexts(batch: SpendColumns): (i: number) => string | null {
  const { table, ends } = batch;
  const strings: (string | undefined)[] = new Array(ends.length);
  return (i) => {
    if (i < 0) return null;
    let s = strings[i];
    if (s === undefined) {
      s = table.slice(i === 0 ? 0 : ends[i - 1], ends[i]);
      strings[i] = s;
    }
    return s;
  };
}

/** A number column's value: NaN stands for none. */
export const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

export function forEachRecord(batch: RecordBatch, each: (r: ImportRecord) => void): void {
  if ('records' in batch) {
    for (const r of batch.records) each(r);
    return;
  }
  const { numbers, texts } = batch;
  const text = batchTexts(batch);
  const n = numbers.length / NUMBERS;
  for (let line = 0, a = 0, b = 0; line < n; line++, a += NUMBERS, b += TEXTS) {
    const r: SpendRecord = {
      kind: 'spend',
      row: numbers[a]!,
      date: text(texts[b]!)!,
      amount: numbers[a + 1]!,
      currency: text(texts[b + 1]!)!,
      initiative: text(texts[b + 2]!),
      category: text(texts[b + 3]!) as SpendRecord['category'],
      vendor: text(texts[b + 4]!),
      costCenter: text(texts[b + 5]!),
      description: text(texts[b + 6]!),
      tokensIn: orNull(numbers[a + 2]!),
      tokensOut: orNull(numbers[a + 3]!),
      requests: orNull(numbers[a + 4]!),
    };
    each(r);
  }
}

/**
 * What the thread storing the records takes from a worker reading the file, besides records one by one:
 * spend lines as they crossed (columns, stored without a record object per line) and, once all were sent,
 * their rollup as the worker summed it (initiatives by spelling).
 */
export interface ReaderSink {
  spendColumns(batch: SpendColumns): void;
  rollup(groups: readonly RollupGroup<string | null>[]): void;
}

/** An error thrown in the worker, as data: a rejection keeps its file, sheet and problems by row and column. */
export type WireError =
  | {
      kind: 'rejected';
      fileName: string;
      sheet: string | null;
      problems: ImportRejected['problems'];
      headline?: string;
    }
  | { kind: 'error'; name: string; message: string; code?: ErrorCode; stack?: string };

export function toWire(err: unknown): WireError {
  if (err instanceof ImportRejected) {
    return {
      kind: 'rejected',
      fileName: err.fileName,
      sheet: err.sheet,
      problems: err.problems,
      ...(err.headline !== undefined ? { headline: err.headline } : {}),
    };
  }
  const e = err instanceof Error ? err : new Error(String(err));
  return {
    kind: 'error',
    name: e.name,
    message: e.message,
    // The code crosses the thread with the message, so the caller still branches on it.
    ...(e instanceof CodedError ? { code: e.code } : {}),
    ...(e.stack ? { stack: e.stack } : {}),
  };
}

export function fromWire(w: WireError): Error {
  if (w.kind === 'rejected') return new ImportRejected(w.fileName, w.sheet, w.problems, w.headline);
  const e = w.code && isErrorCode(w.code) ? new CodedError(w.code, w.message) : new Error(w.message);
  e.name = w.name;
  if (w.stack) e.stack = w.stack;
  return e;
}
