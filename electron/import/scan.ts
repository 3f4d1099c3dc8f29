import fs from 'node:fs';
import { plausibleYears } from '../../shared/fiscal';
import type { FormatEvidence } from '../../shared/import/evidence';
import type { ImportMapping } from '../../shared/import/mapping';
import type { ImportRecord } from '../../shared/import/records';
import type { ValueSettings } from '../../shared/import/transform';
import type { ReadableDb } from '../store/connection';
import { initiativeNames } from '../store/initiatives';
import { kpiNames } from '../store/kpis';
import { getSettings } from '../store/settings';
import type { Analysis } from './analyse';
import {
  scanContext,
  scanRows,
  type ImportProgress,
  type ScanJob,
  type ScanResult,
  type WorkspaceFacts,
} from './scanCore';
import type { ReaderSink } from './scanProtocol';
import { prewarmScanWorker, scanInWorker } from './scanThread';
import type { SourceSpec } from './source';

export type { ImportProgress, ScanResult } from './scanCore';

export interface ScanOptions {
  analysis: Analysis;
  mapping: ImportMapping;
  settings: ValueSettings;
  evidence: FormatEvidence | null;
  skipInvalid: boolean;
  /** Rows the user chose to leave out (by their row number); recorded as excluded. */
  excludeRows?: ReadonlySet<number>;
  /** Receives every valid record while the file can still be imported; omitted in a preview. */
  sink?: (r: ImportRecord) => void;
  /**
   * Given with the sink when it can take the spend rollup summed by a worker reading the file (see
   * RecordWriter.rollupFromReader); called only when a worker reads it.
   */
  rollupFromReader?: () => ReaderSink;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  sampleSize?: number;
  /** Problems listed in full up to this many; all are counted. */
  maxProblems?: number;
  /** Where the rows are read and checked; by default as defaultThread says. */
  thread?: 'inline' | 'worker';
}

/**
 * From this size on, a CSV file's rows are read and checked in a worker thread while this thread stores
 * them: parsing and storing then use a core each. Below it, starting the worker costs more than it saves.
 */
export const WORKER_MIN_BYTES = 2 * 1024 * 1024;

/**
 * Workbooks are read here: a workbook's rows are read about as fast as they are stored, so a worker gains
 * nothing and costs a second heap (measured through the CLI, 100,000 rows: 1.8–2.1 s either way, peak RSS
 * 129 MB here against 161 MB with a worker).
 */
function defaultThread(spec: SourceSpec): 'inline' | 'worker' {
  return spec.container !== 'xlsx' && fs.statSync(spec.path).size >= WORKER_MIN_BYTES ? 'worker' : 'inline';
}

/**
 * Starts the worker thread ahead when the file will likely be read by one (not a workbook by its name, and
 * large enough), so it boots while this thread analyses the file. A wrong guess costs an idle worker, ended
 * by releaseWarmWorker when the import is over.
 */
export function prewarmFor(file: string): void {
  try {
    if (/\.xls[xm]?$/i.test(file) || fs.statSync(file).size < WORKER_MIN_BYTES) return;
  } catch {
    return; // the analysis reports a missing or unreadable file
  }
  prewarmScanWorker();
}

export function workspaceFacts(db: ReadableDb): WorkspaceFacts {
  const settings = getSettings(db);
  return {
    fiscalStartMonth: settings.fiscalStartMonth,
    years: plausibleYears(settings),
    reportingCurrency: settings.currency,
    kpis: kpiNames(db),
    initiatives: initiativeNames(db),
  };
}

/**
 * One pass over the file's data rows (see scanRows): the same code runs here or in a worker thread,
 * which hands the valid records back to the sink on this thread (the one owning the database).
 */
export async function scan(db: ReadableDb, o: ScanOptions): Promise<ScanResult> {
  const { analysis } = o;
  const job: ScanJob = {
    source: analysis.source.spec,
    headers: analysis.headers,
    lastHeaderRow: analysis.lastHeaderRow,
    mapping: o.mapping,
    settings: o.settings,
    skipInvalid: o.skipInvalid,
    ...(o.excludeRows?.size ? { excludeRows: [...o.excludeRows] } : {}),
    ...(o.sampleSize !== undefined ? { sampleSize: o.sampleSize } : {}),
    ...(o.maxProblems !== undefined ? { maxProblems: o.maxProblems } : {}),
  };
  const facts = workspaceFacts(db);
  if ((o.thread ?? defaultThread(analysis.source.spec)) === 'worker') {
    // The header read's pass is not continued: the worker reads the file from its start.
    analysis.source.close();
    return scanInWorker(facts, job, o);
  }
  return scanRows(scanContext(facts), job, {
    pass: analysis.source.pass(),
    evidence: o.evidence,
    ...(o.sink ? { sink: o.sink } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
}
