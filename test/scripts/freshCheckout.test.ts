import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempWorkspace';

const ROOT = path.resolve(__dirname, '../..');
const dir = tempDir('caio-fresh-');
const checkout = path.join(dir, 'checkout');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The files a commit would hold (tracked, and new ones not ignored) as a clone has them, the installed packages beside them, and no build output. */
function freshCheckout(): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    const from = path.join(ROOT, f);
    if (!fs.existsSync(from)) continue; // deleted in the working tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(checkout, f)), { recursive: true });
    fs.copyFileSync(from, path.join(checkout, f));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
  expect(fs.existsSync(path.join(checkout, 'dist'))).toBe(false);
}

const npmRun = (...args: string[]) =>
  spawnSync('npm', ['run', '--silent', ...args], { cwd: checkout, encoding: 'utf8', timeout: 300_000 });

describe('every README command works from a checkout with no build output', () => {
  it('npm run cli builds what it needs, then demo, report and pack (PDF + Excel) work; npm run web serves the app', async () => {
    freshCheckout();
    const version = npmRun('cli', '--', '--version');
    expect(version.status, version.stderr).toBe(0);
    // Only the version on stdout: the build's own output goes to stderr.
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(version.stderr).toContain('Building the renderer');
    expect(fs.existsSync(path.join(checkout, 'dist/electron/cli.cjs'))).toBe(true);
    expect(fs.existsSync(path.join(checkout, 'dist/renderer/print.html'))).toBe(true);

    const db = path.join(dir, 'w.sqlite');
    const demo = npmRun('cli', '--', 'demo', '--db', db);
    expect(demo.status, demo.stderr).toBe(0);
    // Fresh now: nothing is built again.
    expect(demo.stderr).not.toContain('Building');
    const report = npmRun('cli', '--', 'report', '--db', db, '--period', 'FY2026-Q3', '--json');
    expect(report.status, report.stderr).toBe(0);
    expect((JSON.parse(report.stdout) as { period: string }).period).toBe('FY2026-Q3');
    const out = path.join(dir, 'packs');
    const pack = npmRun(
      'cli',
      '--',
      'pack',
      '--db',
      db,
      '--period',
      'FY2026-Q3',
      '--out',
      out,
      '--allow-uncommented-red',
    );
    expect(pack.status, pack.stderr).toBe(0);
    const written = fs.readdirSync(out);
    expect(written.some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(written.some((f) => f.endsWith('.xlsx'))).toBe(true);

    // npm run web: serves the built renderer (not "The renderer is not built").
    const web = spawn('npm', ['run', '--silent', 'web', '--', '--db', db], { cwd: checkout, detached: true });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${text}`)), 60_000);
        web.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        web.on('exit', (code) => reject(new Error(`npm run web exited ${code}: ${text}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<div id="root"');
      expect(html).not.toContain('not built');
    } finally {
      process.kill(-web.pid!, 'SIGTERM');
    }
  }, 600_000);
});
