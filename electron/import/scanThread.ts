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
    const worker = startWorker();
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
