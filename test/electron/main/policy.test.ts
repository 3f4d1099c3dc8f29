import { execFileSync } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  isAllowedNavigation,
  isTrustedSenderUrl,
  WEB_PREFERENCES,
} from '../../../electron/main/policy';
import { CSP } from '../../../electron/static/policy';

const ROOT = path.resolve(__dirname, '../../..');
const DIST = path.join(ROOT, 'dist/electron');

describe('Electron shell security policy (applied by electron/main, checked here under Node)', () => {
  it('hardens every window', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a strict CSP with no remote sources and no inline or eval scripts', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toMatch(/script-src 'self'(;|$)/);
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).not.toMatch(/https?:|unsafe-eval|\*/);
  });

  it('trusts IPC and navigation only from the app protocol origin', () => {
    expect(isTrustedSenderUrl(APP_ENTRY)).toBe(true);
    expect(isTrustedSenderUrl('app://caio/index.html#/import')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/index.html',
      'http://127.0.0.1:8080/',
      '',
      null,
      undefined,
      'not a url',
    ]) {
      expect(isTrustedSenderUrl(url)).toBe(false);
    }
    expect(isAllowedNavigation('https://example.com')).toBe(false);
    expect(isAllowedNavigation('app://caio/index.html#/budget')).toBe(true);
  });
});

describe('Electron bundles', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: ROOT, stdio: 'pipe' });
  }, 120_000);

  const requires = (file: string) => [
    ...new Set(
      [...fs.readFileSync(path.join(DIST, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]),
    ),
  ];

  it('the sandboxed preload requires nothing but electron', () => {
    expect(requires('preload.cjs')).toEqual(['electron']);
    const preload = fs.readFileSync(path.join(DIST, 'preload.cjs'), 'utf8');
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/ipcRenderer\s*[,}]\s*\)/); // ipcRenderer itself is never handed to the page
  });

  it('keeps the database off the main (UI) process: only the service host loads better-sqlite3', () => {
    expect(requires('main.cjs')).not.toContain('better-sqlite3');
    expect(requires('service-host.cjs')).toContain('better-sqlite3');
    expect(requires('service-host.cjs')).not.toContain('electron');
  });

  it('the import worker is bundled beside the service host, which starts it for a large CSV', () => {
    expect(requires('import-worker.cjs')).not.toContain('better-sqlite3');
    expect(requires('import-worker.cjs')).not.toContain('electron');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-bundle-'));
    try {
      const csv = path.join(dir, 'spend.csv');
      const rows = ['Date,Amount,Initiative,Vendor'];
      for (let i = 0; i < 100_000; i++)
        rows.push(`2026-01-${String((i % 28) + 1).padStart(2, '0')},${i}.25,Copilot,AWS`);
      fs.writeFileSync(csv, `${rows.join('\n')}\n`);
      // The bundled host under plain Node (better-sqlite3 is built for it here): a background import,
      // whose worker must be found as dist/electron/import-worker.cjs (the TypeScript sources are not there).
      const script = `
        const { Worker } = require('node:worker_threads');
        let workers = 0;
        const start = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (m) { if (m && m.type === 'start') workers++; return start.call(this, m); };
        const { createHost } = require(${JSON.stringify(path.join(DIST, 'service-host.cjs'))});
        (async () => {
          const host = createHost();
          await host.handle({ type: 'open', file: ${JSON.stringify(path.join(dir, 'w.sqlite'))}, create: true });
          const f = await host.handle({ type: 'register-file', path: ${JSON.stringify(csv)} });
          const started = await host.handle({ type: 'call', method: 'import.start', payload: { fileId: f.file.id } });
          const jobId = started.response.result.jobId;
          for (;;) {
            const s = (await host.handle({ type: 'call', method: 'import.status', payload: { jobId } })).response.result;
            if (s.state !== 'running') { console.log(JSON.stringify({ state: s.state, rows: s.result && s.result.rows, error: s.error, workers })); break; }
            await new Promise((r) => setTimeout(r, 50));
          }
          host.dispose();
        })();`;
      const out = execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
      expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({
        state: 'done',
        rows: 100_000,
        error: null,
        workers: 1,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
