import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ReportModel } from '../../shared/report';
import { microToCents } from '../../shared/money';
import { createService } from '../../electron/service/service';
import { UploadStore } from '../../electron/service/uploads';
import { startBridge } from '../../electron/web/server';
import { RENDERER_DIR } from '../helpers/bridge';
import { chromiumRenderer } from '../../electron/pack/chromium';
import { launchBrowser, outputPath } from '../helpers/browser';
import { tempDir, tempWorkspace } from '../helpers/tempWorkspace';

export const SAMPLES = path.resolve(__dirname, '../../../shared/samples');

/**
 * A private copy of the built renderer: other work in the same checkout may rebuild dist/renderer
 * (which empties it first) while these tests run.
 */
function snapshotRenderer(): string {
  for (let attempt = 0; attempt < 60; attempt++) {
    const dir = tempDir('caio-renderer-');
    try {
      if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('not built');
      fs.cpSync(RENDERER_DIR, dir, { recursive: true });
      const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
      const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
      if (assets.every((a) => fs.existsSync(path.join(dir, a)))) return dir;
    } catch {
      // being rebuilt: try again
    }
    fs.rmSync(dir, { recursive: true, force: true });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
  throw new Error(`The renderer is not built in ${RENDERER_DIR}: run npm run build:renderer.`);
}

/** One demo workspace, one bridge (serving a snapshot of the renderer) and one browser per test file. */
export async function startApp(options: { demo?: boolean } = { demo: true }) {
  const ws = tempWorkspace({ demo: options.demo ?? true });
  const staticDir = snapshotRenderer();
  const uploads = new UploadStore();
  // As electron/web/main.ts composes it: packs print in headless Chromium, from the same renderer snapshot.
  const service = createService({ ws, uploads, renderer: chromiumRenderer({ staticDir }) });
  const bridge = await startBridge({ service, staticDir });
  const ctx = {
    bridge,
    service,
    stop: async () => {
      await bridge.close();
      uploads.dispose();
      fs.rmSync(staticDir, { recursive: true, force: true });
    },
  };
  const browser = await launchBrowser();
  return {
    ws,
    ctx,
    browser,
    async report(period: string): Promise<ReportModel> {
      const r = await ctx.service.call('report.get', { period });
      if (!r.ok) throw new Error(r.error.message);
      return r.result as ReportModel;
    },
    async stop() {
      await browser.close();
      await ctx.stop();
      ws.close();
    },
  };
}

/**
 * A page on the app with console errors collected. `bypassCSP` is only for injecting axe-core
 * (the app's own CSP forbids inline scripts and stays on for everything else).
 */
export async function openApp(
  browser: Browser,
  url: string,
  options: { bypassCSP?: boolean; colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme: options.colorScheme ?? 'light',
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByTestId('workspace-name').waitFor();
  return { context, page, errors };
}

export function usd(micro: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(microToCents(micro) / 100);
}

export function pct(fraction: number | null): string {
  if (fraction === null) return '—';
  return new Intl.NumberFormat('en-US', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(fraction);
}

export async function go(page: Page, screen: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), `#/${screen}`);
}

export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const file = outputPath('e2e', `${name}.png`);
  const fullPage = options.fullPage ?? true;
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Waits until every chart canvas on the page has drawn. */
export async function chartsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('canvas[data-chart-drawn]')).every(
      (c) => (c as HTMLCanvasElement).dataset.chartDrawn === 'true',
    ),
  );
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core (WCAG 2.x A/AA rules) on the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const res = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
