import { Worker } from 'node:worker_threads';

/**
 * Runs one exported function of a module in a worker thread with its own heap limit and a time limit,
 * so a parse that runs out of memory, hangs, or throws from a stray event emitter ends as a rejected
 * promise with a clear message, and the process (the app's service host) carries on.
 *
 *   const rows = await runIsolated<number>(require.resolve('./parseWorker.js'), 'countRows', [file],
 *     { maxHeapMb: 512, timeoutMs: 120_000 });
 *
 * The module is loaded with require() in the worker, so it must be JavaScript (a bundle entry in the
 * packaged app; a .js/.cjs file in tests), and the function's arguments and result must be cloneable.
 */
export interface IsolationLimits {
  /** The worker's old-generation heap limit. */
  maxHeapMb: number;
  /** The worker is terminated after this long. */
  timeoutMs: number;
}

export class IsolationError extends Error {
  constructor(
    message: string,
    readonly reason: 'out-of-memory' | 'timeout' | 'crashed' | 'threw',
  ) {
    super(message);
    this.name = 'IsolationError';
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
process.on('uncaughtException', (err) => {
  parentPort.postMessage({ ok: false, crashed: true, message: String(err && err.stack || err) });
  process.exit(1);
});
(async () => {
  try {
    const mod = require(workerData.module);
    const fn = mod[workerData.fn];
    if (typeof fn !== 'function') throw new Error('no function ' + workerData.fn + ' in ' + workerData.module);
    const result = await fn(...workerData.args);
    parentPort.postMessage({ ok: true, result });
  } catch (err) {
    parentPort.postMessage({ ok: false, crashed: false, message: String(err && err.message || err) });
  }
})();
`;

export function runIsolated<T>(
  modulePath: string,
  fn: string,
  args: unknown[],
  limits: IsolationLimits,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { module: modulePath, fn, args },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
    };
    const timer = setTimeout(() => {
      settle(() =>
        reject(
          new IsolationError(
            `stopped after ${Math.round(limits.timeoutMs / 1000)} s (time limit)`,
            'timeout',
          ),
        ),
      );
      void worker.terminate();
    }, limits.timeoutMs);
    worker.on('message', (m: { ok: boolean; result?: T; crashed?: boolean; message?: string }) =>
      settle(() =>
        m.ok
          ? resolve(m.result as T)
          : reject(new IsolationError(m.message ?? 'failed', m.crashed ? 'crashed' : 'threw')),
      ),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new IsolationError(`ran out of memory (limit ${limits.maxHeapMb} MB)`, 'out-of-memory')
            : new IsolationError(err.message, 'crashed'),
        ),
      ),
    );
    worker.on('exit', (code) =>
      settle(() =>
        reject(new IsolationError(`the worker stopped unexpectedly (exit code ${code})`, 'crashed')),
      ),
    );
  });
}
