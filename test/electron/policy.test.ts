import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  isAllowedNavigation,
  isTrustedSenderUrl,
  WEB_PREFERENCES,
} from '../../electron/main/policy';
import { CSP } from '../../electron/web/policy';

const ROOT = path.resolve(__dirname, '../..');
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
});
