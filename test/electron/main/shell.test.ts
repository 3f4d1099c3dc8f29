import path from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { electronBinary, NO_ELECTRON_REASON } from '../../helpers/electronBinary';
import { tempDir } from '../../helpers/tempWorkspace';

const exe = electronBinary();
if (!exe) console.warn(`Skipping the Electron shell tests: ${NO_ELECTRON_REASON}.`);

/** Runs only where the Electron binary exists (a developer's or user's machine after `npm start`). */
describe.skipIf(!exe)(`Electron shell${exe ? '' : ` (skipped: ${NO_ELECTRON_REASON})`}`, () => {
  it('opens a hardened window on the demo workspace; navigation, window.open and permissions are refused', async () => {
    const userData = tempDir('caio-electron-');
    const app = await _electron.launch({
      executablePath: exe!,
      args: [path.resolve(__dirname, '../../..'), `--user-data-dir=${userData}`],
    });
    try {
      const page = await app.firstWindow();
      await page.waitForSelector('[data-testid="workspace-name"]');
      expect(await page.textContent('[data-testid="workspace-name"]')).toBe('Demo workspace');
      expect(page.url()).toMatch(/^app:\/\/caio\//);
      // No Node in the page (nodeIntegration off, sandbox on) and only the typed bridge (contextIsolation).
      const globals = await page.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        bridge: Object.keys(window.caio ?? {}).sort(),
      }));
      expect(globals).toEqual({
        require: 'undefined',
        process: 'undefined',
        bridge: ['choosePackFolder', 'invoke', 'onShellCommand', 'pickFile', 'showInFolder', 'upload'],
      });
      expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
      await page.evaluate(() => {
        window.location.href = 'https://example.com';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/caio\//);
      const geo = await page.evaluate(() =>
        navigator.permissions.query({ name: 'geolocation' }).then((p) => p.state),
      );
      expect(geo).not.toBe('granted');
    } finally {
      await app.close();
    }
  });
});
