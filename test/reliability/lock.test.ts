import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../electron/store/lock';
import { initWorkspace, openWorkspace } from '../../electron/store/workspace';
import { tempDir } from '../helpers/tempWorkspace';

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
