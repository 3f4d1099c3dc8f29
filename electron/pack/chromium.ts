import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { handOverScript, READ_HANDED_DATA_SCRIPT } from '../../shared/export/handOver';
import type { PackData } from '../../shared/export/packTypes';
import { CSP, MIME, resolveStaticPath } from '../static/policy';
import {
  CHROMIUM_PDF_OPTIONS,
  PRINT_READY_TIMEOUT_MS,
  chartsFromCollected,
  printPath,
  waitForPrintViewScript,
  type PrintViewState,
} from './pdfOptions';
import type { PackRenderer, RenderedPack } from './renderer';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The built renderer: dist/renderer from the repository root (also right from the bundled dist/electron). */
export function rendererDir(): string {
  return process.env.CAIO_RENDERER_DIR ?? path.resolve(__dirname, '../../dist/renderer');
}

/**
 * Chromium 156's headless mode is the full browser: every page is a window, and every window builds the
 * omnibox popup (chrome://omnibox-popup.top-chrome, a WebUI renderer of its own that loads ~1 s of
 * script while the page prints, on a 2-core machine half the CPU). Printing needs no omnibox.
 * A second --disable-features replaces the first, so Playwright's own list (playwright-core 1.65) is kept.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];
const DISABLED_FEATURES = [
  ...PLAYWRIGHT_DISABLED_FEATURES,
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
];

/** Debian's Chromium, headless, kept off the network. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  // Loaded here, not at start-up: every CLI command would otherwise pay for Chromium's driver.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ],
  });
}

/** The origin the printer serves the built renderer from: answered by a route in the page, never the network. */
export const PRINT_ORIGIN = 'http://caio-print.invalid';

/**
 * Answers every request of the page from the built renderer (`staticDir`) when it is for PRINT_ORIGIN,
 * and refuses anything else: the page reaches no server and no network.
 */
async function serveRenderer(page: Page, staticDir: string): Promise<void> {
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== PRINT_ORIGIN) return route.abort('blockedbyclient');
    const file = resolveStaticPath(staticDir, url.pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({
      status: 200,
      path: file,
      headers: {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

export interface PrintPageOptions {
  pdf: boolean;
  /** Serve the page from this built renderer (PRINT_ORIGIN URLs) instead of a server. */
  serveFrom?: string;
  /** The pack data to hand the page (opened with `data=handed`); without it the page asks the service. */
  handOver?: PackData;
  /** Called with what the page holds once it is ready (tests: the snapshot must describe exactly this). */
  onHandedOver?: (received: PackData) => void;
}

/** Opens the print view at `url`, waits for its ready signal, takes the charts and (optionally) prints the PDF. */
export async function renderPrintPage(
  browser: Browser,
  url: string,
  options: PrintPageOptions,
): Promise<RenderedPack> {
  const page = await browser.newPage();
  try {
    if (options.serveFrom) await serveRenderer(page, options.serveFrom);
    // Before any script of the page runs: the data is there when the entry module asks for it.
    if (options.handOver) await page.addInitScript(handOverScript(options.handOver));
    await page.goto(url);
    const state = (await page.evaluate(waitForPrintViewScript(PRINT_READY_TIMEOUT_MS))) as PrintViewState;
    // The bridge falls back to the app's index.html for a missing file: not the print page, fail fast.
    if (state.kind === 'not-print-view')
      throw new Error('The print view is not built (print.html missing): run `npm run build:renderer`.');
    if (state.kind === 'timeout') throw new Error('The print view did not become ready in time.');
    if (state.kind === 'error') throw new Error(`The print view failed: ${state.message}`);
    if (options.onHandedOver)
      options.onHandedOver((await page.evaluate(READ_HANDED_DATA_SCRIPT)) as PackData);
    const charts = chartsFromCollected(state.charts);
    const pdf = options.pdf ? await page.pdf({ ...CHROMIUM_PDF_OPTIONS }) : null;
    return { pdf, charts };
  } finally {
    await page.close();
  }
}

/**
 * The CLI/bridge/test printer: headless Chromium opens the built print page (served to the page by a
 * route, no server behind it), hands it the pack data and prints it. A browser given is reused (and left
 * open); otherwise one is launched per print and closed after.
 */
export function chromiumRenderer(
  options: { browser?: Browser; staticDir?: string; onHandedOver?: (received: PackData) => void } = {},
): PackRenderer {
  return {
    async render(job) {
      const staticDir = options.staticDir ?? rendererDir();
      if (!fs.existsSync(path.join(staticDir, 'print.html')))
        throw new Error(
          `The print view is not built (${staticDir}/print.html): run \`npm run build:renderer\`.`,
        );
      const own = options.browser ? null : await launchChromium();
      try {
        const url = `${PRINT_ORIGIN}/${printPath(job.data.period, job.packDate, { handedData: true })}`;
        return await renderPrintPage(options.browser ?? own!, url, {
          pdf: job.pdf,
          serveFrom: staticDir,
          handOver: job.data,
          ...(options.onHandedOver ? { onHandedOver: options.onHandedOver } : {}),
        });
      } finally {
        await own?.close();
      }
    },
  };
}
