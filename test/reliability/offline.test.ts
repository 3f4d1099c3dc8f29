import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPath } from '../../electron/pack/pdfOptions';
import { startTestBridge } from '../helpers/bridge';
import { launchBrowser } from '../helpers/browser';
import { tempDir, tempWorkspace } from '../helpers/tempWorkspace';
import { runCliProcess } from './kill';

/**
 * Offline means offline. (1) The renderer, driven in a real Chromium through the local bridge on the
 * demo workspace, visiting every section and the print view: every request it makes is recorded and
 * any that leaves 127.0.0.1 (or opens a WebSocket, or registers a service worker) fails the test.
 * (2) The CLI, run with a preload that records every socket connect, DNS lookup, UDP send, fetch and
 * server listen: no command opens anything, not even a listener on 127.0.0.1 (the pack's printer serves
 * the print page to Chromium through a route, with no server behind it).
 */
const SECTIONS = [
  'dashboard',
  'import',
  'scorecard',
  'initiatives',
  'budget',
  'narrative',
  'pack',
  'settings',
];
const RECORDER = path.resolve(__dirname, 'netRecorder.cjs');
const SAMPLES = path.resolve(__dirname, '../../../shared/samples');

function isLoopback(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'ws:') && u.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

describe('the renderer in Chromium makes no request that leaves 127.0.0.1', () => {
  let browser: Browser;
  let ws: ReturnType<typeof tempWorkspace>;
  let ctx: Awaited<ReturnType<typeof startTestBridge>>;
  beforeAll(async () => {
    ws = tempWorkspace({ demo: true });
    ctx = await startTestBridge(ws);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.stop();
    ws?.close();
  });

  it('visiting every section and the print view', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const requests: string[] = [];
    const offending: string[] = [];
    const sockets: string[] = [];
    context.on('request', (r: Request) => {
      requests.push(r.url());
      if (!isLoopback(r.url())) offending.push(r.url());
    });
    // Anything not loopback is recorded above and never reaches the network.
    await context.route(
      (url) => !isLoopback(url.toString()),
      (route) => route.abort('blockedbyclient'),
    );
    // The recorder itself works: a page outside the app that asks for a remote image is caught.
    const probe = await context.newPage();
    await probe.setContent('<img src="http://203.0.113.9/probe.png">');
    await probe.waitForTimeout(200);
    await probe.close();
    expect(offending).toEqual(['http://203.0.113.9/probe.png']);
    offending.length = 0;

    const page = await context.newPage();
    page.on('websocket', (w) => sockets.push(w.url()));
    await page.goto(ctx.bridge.launchUrl);
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.getByTestId('workspace-name').textContent()).toBe('Demo workspace');
    const visited: string[] = [];
    for (const section of SECTIONS) {
      await page.evaluate((s) => (window.location.hash = `#/${s}`), section);
      await page.waitForTimeout(400);
      await page.waitForLoadState('networkidle');
      visited.push(await page.evaluate(() => window.location.hash));
    }
    expect(visited).toEqual(SECTIONS.map((s) => `#/${s}`));
    const print = ctx.bridge.pageUrl(printPath('FY2026-Q3', '2026-10-15'));
    await page.goto(print);
    await page.waitForFunction(
      () => document.body.dataset.ready === 'true' || document.body.dataset.ready === 'error',
      undefined,
      {
        timeout: 30_000,
      },
    );
    await page.waitForLoadState('networkidle');
    // The page's own view of what it loaded (fonts, images, scripts) agrees.
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    for (const r of resources) if (!isLoopback(r)) offending.push(r);
    await context.close();

    console.log(
      `renderer: ${requests.length} requests over ${SECTIONS.length} sections and the print view, ${offending.length} off loopback`,
    );
    expect(requests.length).toBeGreaterThan(SECTIONS.length);
    expect(offending).toEqual([]);
    expect(sockets.filter((s) => !isLoopback(s))).toEqual([]);
  });
});

describe('the CLI opens no network connection', () => {
  const dir = tempDir('caio-offline-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('init, demo, import (CSV and XLSX), report, backup, undo and pack (Excel and PDF)', async () => {
    const log = path.join(dir, 'net.log');
    const db = path.join(dir, 'w.sqlite');
    const demo = path.join(dir, 'demo.sqlite');
    const runs: string[][] = [
      ['init', '--db', db],
      ['import', path.join(SAMPLES, 'vendors/azure_cost_mgmt_ea_actualcost_small.csv'), '--db', db, '--json'],
      [
        'import',
        path.join(SAMPLES, 'scorecards/omb_2025_federal_ai_use_case_inventory_individual.xlsx'),
        '--db',
        db,
      ],
      ['backup', '--db', db],
      ['undo', '1', '--db', db],
      ['demo', '--db', demo],
      ['report', '--db', demo, '--period', 'FY2026-Q3', '--json'],
      ['pack', '--db', demo, '--period', 'FY2026-Q3', '--out', path.join(dir, 'pack')],
    ];
    process.env.CAIO_NET_LOG = log;
    try {
      // The recorder itself works: a lookup of a remote name is caught, then the log starts empty.
      const probe = await runCliProcess(['--help'], undefined, [
        '--require',
        RECORDER,
        '--eval',
        "require('node:dns').lookup('example.invalid', () => {})",
      ]);
      expect(probe.code).toBe(0);
      expect(fs.readFileSync(log, 'utf8')).toContain('example.invalid');
      fs.rmSync(log);
      for (const args of runs) {
        const r = await runCliProcess(args, undefined, ['--require', RECORDER]);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      }
    } finally {
      delete process.env.CAIO_NET_LOG;
    }
    expect(fs.readdirSync(path.join(dir, 'pack')).sort()).toEqual([
      'AI Board Briefing FY2026-Q3.pdf',
      'AI Board Briefing FY2026-Q3.xlsx',
    ]);
    const events = fs.existsSync(log)
      ? fs
          .readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { kind: string; detail: { host?: string; path?: string } })
      : [];
    // The test harness's TypeScript loader (tsx) talks to its own pipe in the temp folder: not the app.
    const tsxPipe = (e: { kind: string; detail: { path?: string } }) =>
      e.kind === 'ipc-connect' && (e.detail.path ?? '').startsWith(path.join(os.tmpdir(), 'tsx-'));
    const loopback = (e: { kind: string; detail: { host?: string } }) =>
      (e.kind === 'dns-lookup' || e.kind === 'listen') && e.detail.host === '127.0.0.1';
    const outside = events.filter((e) => !tsxPipe(e) && !loopback(e));
    console.log(`cli: ${events.length} network events recorded, ${outside.length} not loopback/harness`);
    expect(outside).toEqual([]);
    // The pack printed without a server: no listener at all, not even on 127.0.0.1.
    expect(events.filter((e) => e.kind === 'listen')).toEqual([]);
  });
});
