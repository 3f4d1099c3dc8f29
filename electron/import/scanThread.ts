import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FormatEvidence } from '../../shared/import/evidence';
import type { ImportRecord } from '../../shared/import/records';
import { ImportCancelled } from '../../shared/import/errors';
import type { ImportProgress, ScanJob, ScanResult, WorkspaceFacts } from './scanCore';
import { forEachRecord, fromWire, type FromWorker, type ReaderSink, type ToWorker } from './scanProtocol';

/**
 * The worker: bundled next to the service host in dist/electron; from the TypeScript sources (CLI, tests)
 * through tsx's require hook, resolved from here so it works from any working directory.
 */
function startWorker(): Worker {
  const bundled = path.join(__dirname, 'import-worker.cjs');
  if (fs.existsSync(bundled)) return new Worker(bundled);
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  const entry = path.join(__dirname, 'scanWorker.ts');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true });
}

/** A worker started ahead of its scan (see prewarmScanWorker), not yet given one. */
let warm: Worker | null = null;
const dropWarm = () => {
  warm = null;
};

/**
 * Starts the worker before its scan is known, so that its start-up (a new V8 heap, Node's bootstrap and the
 * bundle: ≈ 0.1–0.3 s) overlaps the file's analysis on this thread. Idle, it keeps no process alive; the
 * next scanInWorker takes it, and releaseWarmWorker ends it if none did.
 */
export function prewarmScanWorker(): void {
  if (warm) return;
  warm = startWorker();
  warm.unref();
  // Failing or ending while idle: the scan starts its own.
  warm.once('error', dropWarm);
  warm.once('exit', dropWarm);
}

/** Ends a prewarmed worker no scan took (the file was a workbook, small, or refused before its scan). */
export function releaseWarmWorker(): void {
  const w = warm;
  warm = null;
  if (w) void w.terminate();
}

function takeWorker(): Worker {
  const w = warm;
  warm = null;
  if (!w) return startWorker();
  w.off('error', dropWarm);
  w.off('exit', dropWarm);
  w.ref();
  return w;
}

export interface ThreadHooks {
  evidence: FormatEvidence | null;
  sink?: (r: ImportRecord) => void;
  /**
   * Tells the sink that the worker sums the spend rollup; gives what takes its spend lines in columns and its
   * groups.
   */
  rollupFromReader?: () => ReaderSink;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

/**
 * Runs a scan in a worker thread and stores its records here, on the thread owning the database, as they
 * arrive. Cancelling stops the worker at once; an error on either side stops both.
 */
export function scanInWorker(facts: WorkspaceFacts, job: ScanJob, o: ThreadHooks): Promise<ScanResult> {
  if (o.signal?.aborted) return Promise.reject(new ImportCancelled(job.source.name));
  return new Promise<ScanResult>((resolve, reject) => {
    const worker = takeWorker();
    const reader = o.sink ? o.rollupFromReader?.() : undefined;
    let settled = false;
    const finish = (err: unknown, result?: ScanResult) => {
      if (settled) return;
      settled = true;
      o.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (err) reject(err);
      else resolve(result!);
    };
    const onAbort = () => finish(new ImportCancelled(job.source.name));
    o.signal?.addEventListener('abort', onAbort);
    const send = (m: ToWorker) => worker.postMessage(m);
    worker.on('message', (m: FromWorker) => {
      if (settled) return;
      try {
        switch (m.type) {
          case 'records':
            if (reader && !('records' in m.batch)) reader.spendColumns(m.batch);
            else if (o.sink) forEachRecord(m.batch, o.sink);
            send({ type: 'ack' });
            return;
          case 'progress':
            o.onProgress?.(m.progress);
            return;
          case 'done':
            // The evidence the worker's rows gave, into the caller's instance (it decides from it).
            if (o.evidence && m.evidence) Object.assign(o.evidence, m.evidence);
            reader?.rollup(m.rollup);
            finish(null, m.result);
            return;
          case 'error':
            finish(fromWire(m.error));
            return;
        }
      } catch (err) {
        finish(err);
      }
    });
    worker.on('error', (err) => finish(err));
    worker.on('exit', (code) =>
      finish(new Error(`the import worker stopped unexpectedly (exit code ${code})`)),
    );
    send({ type: 'start', facts, job, evidence: o.evidence !== null, records: o.sink !== undefined });
  });
}
