import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPrintPage } from '../../electron/pack/chromium';
import { printPath } from '../../electron/pack/pdfOptions';
import { startApp } from './support';

/** What another local web server was sent: every request line and header. */
interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * Another web server on 127.0.0.1 (another port), as any local dev server or tool the user visits: its page
 * loads an image and a script and calls itself with credentials, so the browser sends it whatever it would.
 */
async function startOtherServer(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers });
    if (req.url === '/' || req.url === '/typed') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><title>another local server</title><img src="/pixel.gif" alt="">' +
          '<script src="/probe.js"></script>',
      );
    } else if (req.url === '/probe.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end("fetch('/probe', { credentials: 'include' }).then(() => { document.title = 'probed'; });");
    } else {
      res.writeHead(204);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let app: Awaited<ReturnType<typeof startApp>>;
let other: Awaited<ReturnType<typeof startOtherServer>>;
beforeAll(async () => {
  app = await startApp();
  other = await startOtherServer();
});
afterAll(async () => {
  await other?.close();
  await app?.stop();
});

/** Every place a request can carry the token: its URL and every header (cookie, referer, …). */
const carriesToken = (token: string) => (r: { url: string; headers: Record<string, unknown> }) =>
  r.url.includes(token) || Object.values(r.headers).some((v) => String(v).includes(token));

describe('the page authenticates to the bridge without a cookie (issue #14)', () => {
  it('keeps the token out of cookies and the address bar; another local server receives nothing of it', async () => {
    const { bridge } = app.ctx;
    expect(bridge.port).not.toBe(new URL(other.url).port);
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const toBridge: { url: string; headers: Record<string, string> }[] = [];
    page.on('request', (r: Request) => {
      if (r.url().startsWith(bridge.url)) toBridge.push({ url: r.url(), headers: r.headers() });
    });

    await page.goto(bridge.launchUrl);
    await expect.poll(() => page.getByTestId('workspace-name').textContent()).toBe('Demo workspace');

    // Out of the address bar and the history entry; no cookie at all, HttpOnly ones included.
    expect(page.url()).toBe(bridge.url);
    expect(await page.evaluate(() => window.location.href)).not.toContain(bridge.token);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await context.cookies()).toEqual([]);

    // The page's files came without it; every API call carried it in the header and only there.
    const api = toBridge.filter((r) => r.url.startsWith(`${bridge.url}api/`));
    expect(api.length).toBeGreaterThan(0);
    for (const r of api) {
      expect(r.headers['x-caio-token'], r.url).toBe(bridge.token);
      expect(r.url).not.toContain(bridge.token);
      expect(r.headers.cookie, r.url).toBeUndefined();
    }
    const files = toBridge.filter((r) => !r.url.startsWith(`${bridge.url}api/`));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter(carriesToken(bridge.token))).toEqual([]);

    // The user goes from the app to another local server (a link in the same tab, then typed).
    await page.evaluate((url) => (window.location.href = url), other.url);
    await page.waitForURL(other.url);
    await expect.poll(() => page.title()).toBe('probed');
    await page.goto(`${other.url}typed`);
    expect(other.received.map((r) => r.url)).toEqual(
      expect.arrayContaining(['/', '/pixel.gif', '/probe.js', '/probe', '/typed']),
    );
    expect(other.received.filter(carriesToken(bridge.token))).toEqual([]);
    expect(other.received.filter((r) => r.headers.cookie !== undefined)).toEqual([]);
    // Nor can its page read the app's copy: sessionStorage is per origin, port included.
    expect(await page.evaluate(() => [document.cookie, sessionStorage.getItem('caio.token')])).toEqual([
      '',
      null,
    ]);

    // Back to the app, and a reload: the tab's sessionStorage for the app's origin still has it.
    await page.goBack();
    await page.goBack();
    await page.waitForURL(bridge.url);
    await expect.poll(() => page.getByTestId('workspace-name').textContent()).toBe('Demo workspace');
    toBridge.length = 0;
    await page.reload();
    await expect.poll(() => page.getByTestId('workspace-name').textContent()).toBe('Demo workspace');
    expect(toBridge.some((r) => r.url.startsWith(`${bridge.url}api/`))).toBe(true);
    expect(
      toBridge.filter((r) => r.url.startsWith(`${bridge.url}api/`) && !r.headers['x-caio-token']),
    ).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('a tab without the launch URL gets no data and says which address to open', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const refused: number[] = [];
    page.on('response', (r) => r.url().includes('/api/') && refused.push(r.status()));
    await page.goto(app.ctx.bridge.url);
    await page.getByText('The workspace could not be loaded').waitFor();
    await page.getByText(/open the address `npm run web` printed, which ends in #token=/).waitFor();
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused)).toEqual(new Set([401]));
    expect(await page.getByTestId('workspace-name').count()).toBe(0);
    await context.close();
  });

  it('a launch URL with a route opens that screen; opening one in a tab already on the app keeps working', async () => {
    const { bridge } = app.ctx;
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${bridge.launchUrl}#/budget`);
    await expect.poll(() => page.url()).toBe(`${bridge.url}#/budget`);
    await page.getByRole('heading', { level: 1, name: 'Budget' }).waitFor();
    // Only the fragment changes: a same-document navigation, which the page takes the token from too.
    await page.goto(`${bridge.launchUrl}#/scorecard`);
    await expect.poll(() => page.url()).toBe(`${bridge.url}#/scorecard`);
    await page.getByRole('heading', { level: 1, name: 'Scorecard' }).waitFor();
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('the print view (the PDF pack) authenticates the same way, with nothing left in its URL', async () => {
    const { bridge } = app.ctx;
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(bridge.pageUrl(printPath('FY2026-Q3', '2026-10-15')));
    await page.waitForFunction(() => document.body.dataset.ready === 'true', undefined, { timeout: 60_000 });
    expect(page.url()).toBe(`${bridge.url}${printPath('FY2026-Q3', '2026-10-15')}`);
    expect(await context.cookies()).toEqual([]);
    await context.close();
    // And as the pack exporter prints it (the charts come from the data the page fetched).
    const rendered = await renderPrintPage(
      app.browser,
      bridge.pageUrl(printPath('FY2026-Q3', '2026-10-15')),
      {
        pdf: false,
      },
    );
    expect(Object.keys(rendered.charts).length).toBeGreaterThan(0);
  });
});
