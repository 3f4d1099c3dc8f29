import { CodedError, isErrorCode, type ErrorCode } from '../../shared/errors';
import type { FormatEvidence } from '../../shared/import/evidence';
import type { ImportRecord, SpendRecord } from '../../shared/import/records';
import { ImportRejected } from './errors';
import type { ImportProgress, ScanJob, ScanResult, WorkspaceFacts } from './scanCore';

/** Messages between the thread owning the workspace and the worker reading a file (scanThread, scanWorker). */
export type ToWorker =
  | { type: 'start'; facts: WorkspaceFacts; job: ScanJob; evidence: boolean; records: boolean }
  /** One batch of records was stored: the worker may send another. */
  | { type: 'ack' };

export type FromWorker =
  | { type: 'records'; batch: RecordBatch }
  | { type: 'progress'; progress: ImportProgress }
  /** `evidence`: what the rows said about decimal separator and date order (the FormatEvidence's fields). */
  | { type: 'done'; result: ScanResult; evidence: FormatEvidence | null }
  | { type: 'error'; error: WireError };

/**
 * Records on their way between threads. Spend lines (the millions) go as one flat array of primitives,
 * which the structured clone copies several times faster than one object per record; other kinds as they are.
 */
export type RecordBatch = { spend: (string | number | null)[] } | { records: ImportRecord[] };

const SPEND_FIELDS = 12;

export function encodeRecords(records: ImportRecord[]): RecordBatch {
  if (!records.every((r) => r.kind === 'spend')) return { records };
  const flat: (string | number | null)[] = new Array(records.length * SPEND_FIELDS);
  let i = 0;
  for (const r of records as SpendRecord[]) {
    flat[i++] = r.row;
    flat[i++] = r.date;
    flat[i++] = r.amount;
    flat[i++] = r.currency;
    flat[i++] = r.initiative;
    flat[i++] = r.category;
    flat[i++] = r.vendor;
    flat[i++] = r.costCenter;
    flat[i++] = r.description;
    flat[i++] = r.tokensIn;
    flat[i++] = r.tokensOut;
    flat[i++] = r.requests;
  }
  return { spend: flat };
}

export function forEachRecord(batch: RecordBatch, each: (r: ImportRecord) => void): void {
  if ('records' in batch) {
    for (const r of batch.records) each(r);
    return;
  }
  const f = batch.spend;
  for (let i = 0; i < f.length; i += SPEND_FIELDS) {
    const r: SpendRecord = {
      kind: 'spend',
      row: f[i] as number,
      date: f[i + 1] as string,
      amount: f[i + 2] as number,
      currency: f[i + 3] as string,
      initiative: f[i + 4] as string | null,
      category: f[i + 5] as SpendRecord['category'],
      vendor: f[i + 6] as string | null,
      costCenter: f[i + 7] as string | null,
      description: f[i + 8] as string | null,
      tokensIn: f[i + 9] as number | null,
      tokensOut: f[i + 10] as number | null,
      requests: f[i + 11] as number | null,
    };
    each(r);
  }
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
