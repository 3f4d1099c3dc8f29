import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDirs, scanSource, tsFiles } from './electronScan';

/**
 * Static Electron security scan over electron/** (every file that can create a window, load a URL,
 * register IPC or a protocol). @doyensec/electronegativity is the general tool; this scan checks the
 * same classes of problem on the TypeScript AST and runs offline in the suite.
 */
const ELECTRON = path.resolve(__dirname, '../../electron');

describe('static Electron security scan', () => {
  it('finds every insecure pattern in a deliberately bad shell (the scan works)', () => {
    const bad = `
      import { app, BrowserWindow, ipcMain, protocol, session, shell } from 'electron';
      import remote from '@electron/remote/main';
      const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
      const view = new BrowserWindow({ webPreferences: { ...WEB_PREFERENCES, sandbox: false } });
      const bare = new BrowserWindow({ width: 10 });
      win.loadURL('https://example.com/');
      win.loadFile('index.html');
      win.webContents.openDevTools();
      shell.openExternal(url);
      app.commandLine.appendSwitch('ignore-certificate-errors');
      session.defaultSession.setCertificateVerifyProc((_r, cb) => cb(0));
      protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { bypassCSP: true } }]);
      protocol.registerFileProtocol('x', () => {});
      ipcMain.handle('x', async (_e, p) => p);
      win.webContents.setWindowOpenHandler(() => ({ action: 'allow' }));
      const prefs = { webSecurity: false, allowRunningInsecureContent: true, webviewTag: true };
    `;
    const rules = scanSource('bad.ts', bad)
      .map((f) => f.rule)
      .sort();
    expect(rules).toEqual(
      [
        'certificate-verify-proc',
        'dangerous-switch:ignore-certificate-errors',
        'devtools-in-production',
        'file-protocol',
        'insecure-preference:allowRunningInsecureContent',
        'insecure-preference:contextIsolation',
        'insecure-preference:nodeIntegration',
        'insecure-preference:sandbox',
        'insecure-preference:webSecurity',
        'insecure-preference:webviewTag',
        'ipc-without-sender-check',
        'load-file',
        'load-url-not-app-protocol',
        'open-external-unvalidated',
        'remote-module',
        'scheme-bypasses-csp',
        'window-open-allowed',
        'window-overrides-preference:contextIsolation',
        'window-overrides-preference:nodeIntegration',
        'window-overrides-preference:sandbox',
        'window-without-hardened-preferences',
        'window-without-hardened-preferences',
      ].sort(),
    );
  });

  it('the shell sources have no insecure preference, remote URL, file:// load, unchecked IPC or dangerous switch', () => {
    expect(tsFiles(path.join(ELECTRON, 'main')).length).toBeGreaterThan(5);
    const findings = scanDirs([ELECTRON]).filter((f) => f.rule !== 'open-external-unvalidated');
    expect(findings).toEqual([]);
  });

  // The shell never hands a URL to the system browser (a URL is a way out for workspace data).
  it('shell.openExternal is never reached with a URL the renderer chose', () => {
    expect(
      scanDirs([path.join(ELECTRON, 'main')]).filter((f) => f.rule === 'open-external-unvalidated'),
    ).toEqual([]);
  });
});
