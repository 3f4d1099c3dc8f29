import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { rollupMismatch } from '../helpers/rollup';

export const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'electron/cli/main.ts');

/** A generic spend CSV with `rows` data lines (deterministic: the same rows give the same bytes). */
export function writeSpendCsv(file: string, rows: number, salt = ''): void {
  const out: string[] = ['Date,Amount,Vendor,Category,Initiative,Description'];
  for (let i = 0; i < rows; i++) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    out.push(
      `2026-${month}-${day},${(i % 997) + 0.25},OpenAI,model_api,Initiative ${i % 8},line ${i}${salt}`,
    );
  }
  fs.writeFileSync(file, `${out.join('\n')}\n`);
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs the CLI as one real process (node with tsx's loader, no wrapper in between), and SIGKILLs it
 * after `killAfterMs` when given. Resolves when the process is gone.
 */
export function runCliProcess(
  args: string[],
  killAfterMs?: number,
  extraNodeArgs: string[] = [],
): Promise<CliRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [...extraNodeArgs, '--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

export interface WorkspaceState {
  /** 'ok' when SQLite's integrity check, the foreign keys and the monthly rollup all hold. */
  integrity: string;
  batches: { id: number; status: string; row_count: number; file_name: string }[];
  linesByBatch: Map<number, number>;
  spendLines: number;
}

/** Reads what a (possibly just killed) workspace holds, after SQLite's own recovery of the WAL. */
export function inspect(file: string): WorkspaceState {
  const db = new Database(file);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    const fk = db.pragma('foreign_key_check') as unknown[];
    const batches = db
      .prepare('SELECT id, status, row_count, file_name FROM import_batches ORDER BY id')
      .all() as WorkspaceState['batches'];
    const linesByBatch = new Map<number, number>();
    for (const r of db
      .prepare('SELECT batch_id AS b, count(*) AS n FROM spend WHERE batch_id IS NOT NULL GROUP BY batch_id')
      .all() as { b: number; n: number }[])
      linesByBatch.set(r.b, r.n);
    const spendLines = db.prepare('SELECT count(*) FROM spend').pluck().get() as number;
    // The monthly rollup equals a GROUP BY over the lines whatever moment the kill hit.
    const rollup = rollupMismatch(db);
    const problems = [
      ...(fk.length ? [`foreign_key_check: ${fk.length} violations`] : []),
      ...(rollup ? [rollup] : []),
    ];
    return {
      integrity: [integrity, ...problems].join('; '),
      batches,
      linesByBatch,
      spendLines,
    };
  } finally {
    db.close();
  }
}

/** Copies a workspace file and any WAL beside it. */
export function copyWorkspace(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(from + suffix)) fs.copyFileSync(from + suffix, to + suffix);
  }
}

/** `count` kill moments spread evenly over (fromMs, toMs), with a seeded jitter of ±30 % of a step. */
export function killMoments(count: number, fromMs: number, toMs: number, seed: number): number[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const step = (toMs - fromMs) / count;
  return Array.from({ length: count }, (_, i) =>
    Math.max(5, Math.round(fromMs + step * (i + 0.5 + (rand() - 0.5) * 0.6))),
  );
}

export interface KillOn<E> {
  /**
   * The event to kill on, given everything the CLI has printed so far, the time since it was started and,
   * when called for a change in `watchDir` (fs.watch), the name of the file that changed. Checked on every
   * chunk of its output, on every such change, and every millisecond.
   */
  when: (printed: { stdout: string; stderr: string }, elapsedMs: number, changed?: string) => boolean;
  /** Read synchronously just before SIGKILL is sent: what held at the moment of the kill. */
  evidence: () => E;
  /** SIGKILL this long after the event; 0 (the default) sends it in the same tick as the event is seen. */
  delayMs?: number;
  /** A folder to watch, for events that are files appearing in it (it must exist). */
  watchDir?: string;
  extraArgs?: string[];
}

export interface KilledRun<E> extends CliRun {
  /** Whether the event was seen and SIGKILL sent. `signal === 'SIGKILL'` says it landed while alive. */
  fired: boolean;
  /** What held when SIGKILL was sent (null when it never was). */
  evidence: E | null;
}

/**
 * Runs the CLI (the real process: node with tsx's loader) and SIGKILLs it on an event it causes, e.g. a
 * progress line, its summary, or a temporary file appearing. Resolves when the process is gone and
 * everything it printed has been read.
 */
export function runCliKilledOn<E>(args: string[], on: KillOn<E>): Promise<KilledRun<E>> {
  const started = Date.now();
  const child = spawn(process.execPath, [...(on.extraArgs ?? []), '--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const printed = { stdout: '', stderr: '' };
  let fired = false;
  let evidence: E | null = null;
  const kill = () => {
    evidence = on.evidence();
    child.kill('SIGKILL');
  };
  const check = (changed?: string) => {
    if (fired || !on.when(printed, Date.now() - started, changed)) return;
    fired = true;
    clearInterval(poll);
    watcher?.close();
    if (on.delayMs) setTimeout(kill, on.delayMs);
    else kill();
  };
  child.stdout.on('data', (d: Buffer) => {
    printed.stdout += d.toString();
    check();
  });
  child.stderr.on('data', (d: Buffer) => {
    printed.stderr += d.toString();
    check();
  });
  const watcher = on.watchDir ? fs.watch(on.watchDir, (_, f) => check(f ?? undefined)) : null;
  const poll = setInterval(check, 1);
  return new Promise((resolve, reject) => {
    let exit: Pick<CliRun, 'code' | 'signal' | 'ms'> | null = null;
    let bound: NodeJS.Timeout | undefined;
    const settle = () => {
      clearTimeout(bound);
      if (exit) resolve({ ...exit, ...printed, fired, evidence });
      exit = null;
    };
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      watcher?.close();
      exit = { code, signal, ms: Date.now() - started };
      // Its output can still arrive after 'exit': wait for the pipes to close, with a bound in case a
      // process it started holds them.
      bound = setTimeout(settle, 2000);
    });
    child.on('close', settle);
  });
}

/**
 * Runs the CLI and SIGKILLs it `delayMs` after `trigger()` first returns true (polled every
 * millisecond), e.g. when a temporary output file appears. Resolves with whether the kill was sent.
 */
export async function runCliKilledWhen(
  args: string[],
  trigger: () => boolean,
  delayMs: number,
): Promise<CliRun & { triggered: boolean }> {
  const run = await runCliKilledOn(args, { when: trigger, evidence: () => null, delayMs });
  return { ...run, triggered: run.fired };
}
