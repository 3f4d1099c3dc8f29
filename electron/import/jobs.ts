import crypto from 'node:crypto';
import fs from 'node:fs';
import type { ImportJobStatus } from '../../shared/api/import';
import { backupWorkspace } from '../store/backup';
import { sqliteWorkspaceError } from '../store/db';
import { writableDb, type Workspace } from '../store/workspace';
import { ImportCancelled, ImportRejected } from '../../shared/import/errors';
import { commitImport, type ImportOptions } from './run';

interface Job {
  status: ImportJobStatus;
  abort: AbortController;
  done: Promise<void>;
}

/**
 * Imports running in the background of the service. Each commit gets its own connection to the
 * workspace file, so its long transaction never captures the calls the UI keeps making meanwhile
 * (in WAL mode they read the last committed state until the import commits).
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  /**
   * `open` gives the job its own connection to `workspace.file` (as the transport opens it: binding,
   * lock); the file names the workspace in a failure's message.
   */
  start(
    workspace: { file: string; open: () => Workspace },
    options: Omit<ImportOptions, 'signal' | 'onProgress'>,
    totalRows: number | null = null,
  ): string {
    const jobId = crypto.randomUUID();
    const abort = new AbortController();
    const status: ImportJobStatus = {
      jobId,
      fileName: options.name,
      state: 'running',
      progress: { rows: 0, totalRows, bytes: 0, totalBytes: fs.statSync(options.path).size },
      result: null,
      error: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    const run = async () => {
      let ws: Workspace | null = null;
      try {
        ws = workspace.open();
        const db = writableDb(ws);
        // Replacing undoes whole batches: the workspace as it was is kept first, as for an undo.
        if (options.overlap === 'replace') await backupWorkspace(db, ws.file, 'before-replace');
        status.result = await commitImport(db, {
          ...options,
          signal: abort.signal,
          onProgress: (p) => {
            status.progress = { ...status.progress, rows: p.rows, bytes: p.bytes, totalBytes: p.totalBytes };
          },
        });
        status.state = 'done';
      } catch (err) {
        status.state = err instanceof ImportCancelled ? 'cancelled' : 'failed';
        // A workspace another writer holds (or a damaged one) in the same words as the CLI's.
        const plain = sqliteWorkspaceError(err, workspace.file);
        status.error = {
          message: plain ? plain.message : err instanceof Error ? err.message : String(err),
          problems: err instanceof ImportRejected ? err.problems : [],
        };
      } finally {
        ws?.close();
        status.finishedAt = new Date().toISOString();
      }
    };
    // Started on the next tick so the caller has the id before any progress is made.
    const done = new Promise<void>((resolve) => setImmediate(() => void run().then(resolve, resolve)));
    this.jobs.set(jobId, { status, abort, done });
    return jobId;
  }

  status(jobId: string): ImportJobStatus | undefined {
    const job = this.jobs.get(jobId);
    return job ? structuredClone(job.status) : undefined;
  }

  cancel(jobId: string): ImportJobStatus | undefined {
    const job = this.jobs.get(jobId);
    if (job && job.status.state === 'running') job.abort.abort();
    return this.status(jobId);
  }

  /** Resolves when the job has finished (for tests and for closing the workspace cleanly). */
  async settled(jobId: string): Promise<ImportJobStatus | undefined> {
    await this.jobs.get(jobId)?.done;
    return this.status(jobId);
  }
}
