import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../electron/store/lock';
import { initWorkspace, openWorkspace } from '../../electron/store/workspace';
import { tempDir } from '../helpers/tempWorkspace';
import { inspect, runCliProcess, writeSpendCsv, type CliRun } from './kill';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const dir = tempDir('caio-lock-');
const children: ChildProcess[] = [];
afterAll(() => {
  children.forEach((c) => c.kill('SIGKILL'));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Another process that opens the workspace the way the app does and keeps it open. */
function holdInChild(file: string): Promise<ChildProcess> {
  const script = `
    import { openWorkspace } from ${JSON.stringify(path.join(ROOT, 'electron/store/workspace.ts'))};
    openWorkspace(${JSON.stringify(file)}, { lock: 'hold', holder: 'CAIO Scorecard app' });
    console.log('held');
    setInterval(() => {}, 1000);
  `;
  // One process (node with tsx's loader), not the tsx wrapper, so a kill really kills the holder.
  const holder = path.join(dir, `holder-${children.length}.ts`);
  fs.writeFileSync(holder, script);
  const child = spawn(process.execPath, ['--import', 'tsx', holder], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && resolve(child));
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

describe('two processes, one workspace', () => {
  it('a second writer gets a clear message naming the holder; readers still can read; nothing is corrupted', async () => {
    const file = path.join(dir, 'shared.sqlite');
    initWorkspace(file).close();
    const child = await holdInChild(file);

    expect(() => openWorkspace(file)).toThrow(/is open in another CAIO Scorecard app \(process \d+/);
    const cli = spawnSync(TSX, ['electron/cli/main.ts', 'undo', '1', '--db', file], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/open in another CAIO Scorecard app/);

    const reader = openWorkspace(file, { readonly: true });
    expect(reader.db.prepare('SELECT count(*) FROM kpis').pluck().get()).toBe(26);
    reader.close();

    // The holder dies without cleaning up: its lock is stale and the next writer takes over.
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(fs.existsSync(lockPath(file))).toBe(true);
    const ws = openWorkspace(file, { lock: 'hold' });
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    ws.close();
    expect(fs.existsSync(lockPath(file))).toBe(false);
  });
});

describe('two writers at once', () => {
  const CLI_ROWS = 300_000;
  const big = path.join(dir, 'collide-big.csv');
  const small = path.join(dir, 'collide-small.csv');
  const files = () => {
    if (!fs.existsSync(big)) writeSpendCsv(big, CLI_ROWS, ' big');
    if (!fs.existsSync(small)) writeSpendCsv(small, 50, ' small');
  };

  it('two CLI imports started together: each batch is whole or absent, never mixed, and the file stays sound', async () => {
    files();
    const file = path.join(dir, 'collide.sqlite');
    initWorkspace(file).close();
    const first = runCliProcess(['import', big, '--db', file]);
    // Start the second once the first is inside its write transaction (its WAL is growing).
    const t0 = Date.now();
    while (!(fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 4 * 1024 * 1024)) {
      if (Date.now() - t0 > 60_000) throw new Error('the first import never started writing');
      await new Promise((r) => setTimeout(r, 5));
    }
    const second = await runCliProcess(['import', small, '--db', file]);
    const one = await first;
    expect(one.code, one.stderr).toBe(0);
    const state = inspect(file);
    expect(state.integrity).toBe('ok');
    expect(state.batches[0]).toMatchObject({
      status: 'committed',
      row_count: CLI_ROWS,
      file_name: 'collide-big.csv',
    });
    expect(state.linesByBatch.get(state.batches[0]!.id)).toBe(CLI_ROWS);
    if (second.code === 0) {
      // It waited for the first to commit (SQLite busy timeout), then imported whole.
      expect(state.batches[1]).toMatchObject({ status: 'committed', row_count: 50 });
      expect(state.spendLines).toBe(CLI_ROWS + 50);
    } else {
      expect(state.batches).toHaveLength(1);
      expect(state.spendLines).toBe(CLI_ROWS);
    }
  }, 180_000);

  /** The CLI importing while another connection holds the workspace's write lock until the import ends. */
  let blocked: Promise<{ run: CliRun; file: string }> | null = null;
  const whileLocked = () =>
    (blocked ??= (async () => {
      files();
      const file = path.join(dir, 'locked.sqlite');
      initWorkspace(file).close();
      const other = new Database(file);
      other.pragma('busy_timeout = 100');
      other.exec('BEGIN IMMEDIATE');
      other.prepare("INSERT INTO settings (key, value) VALUES ('held', '1')").run();
      // Held until the import has given up (its 5 s busy timeout after a start that takes seconds on a
      // loaded machine: a fixed 8 s let a slow start outlast it, and the import then went through).
      const run = await runCliProcess(['import', small, '--db', file]);
      other.exec('ROLLBACK');
      other.close();
      return { run, file };
    })());

  it('an import that cannot get the write lock is refused with nothing written, and succeeds afterwards', async () => {
    const { run, file } = await whileLocked();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/database is locked|busy|in use/);
    const state = inspect(file);
    expect(state.integrity).toBe('ok');
    expect(state.batches).toEqual([]);
    const again = await runCliProcess(['import', small, '--db', file]);
    expect(again.code, again.stderr).toBe(0);
    expect(inspect(file).spendLines).toBe(50);
  }, 120_000);

  // While another connection holds SQLite's write lock, the refusal says so in plain words.
  it('the refused import says the workspace is busy and that nothing was written', async () => {
    const { run } = await whileLocked();
    expect(run.stderr).toMatch(/busy|in use|open in another/i);
    expect(run.stderr).toMatch(/nothing was (written|changed|imported)/i);
  }, 120_000);
});
