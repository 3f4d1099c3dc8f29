import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { ServiceContext } from '../service/context';
import { createService } from '../service/service';
import { startBridge } from '../web/server';
import type { ChartImages } from './xlsx/workbook';
import {
  CHROMIUM_PDF_OPTIONS,
  PRINT_READY_TIMEOUT_MS,
  chartsFromCollected,
  printPath,
  waitForPrintViewScript,
  type PrintViewState,
} from './pdfOptions';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The built renderer: dist/renderer from the repository root (also right from the bundled dist/electron). */
export function rendererDir(): string {
  return process.env.CAIO_RENDERER_DIR ?? path.resolve(__dirname, '../../dist/renderer');
}

export interface RenderedPack {
  pdf: Buffer | null;
  charts: ChartImages;
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

/** Opens the print view at `url`, waits for its ready signal, takes the charts and (optionally) prints the PDF. */
export async function renderPrintPage(
  browser: Browser,
  url: string,
  options: { pdf: boolean },
): Promise<RenderedPack> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    const state = (await page.evaluate(waitForPrintViewScript(PRINT_READY_TIMEOUT_MS))) as PrintViewState;
    // The bridge falls back to the app's index.html for a missing file: not the print page, fail fast.
    if (state.kind === 'not-print-view')
      throw new Error('The print view is not built (print.html missing): run `npm run build:renderer`.');
    if (state.kind === 'timeout') throw new Error('The print view did not become ready in time.');
    if (state.kind === 'error') throw new Error(`The print view failed: ${state.message}`);
    const charts = chartsFromCollected(state.charts);
    const pdf = options.pdf ? await page.pdf({ ...CHROMIUM_PDF_OPTIONS }) : null;
    return { pdf, charts };
  } finally {
    await page.close();
  }
}

/**
 * The CLI/test/browser printer: serves the renderer and the API over a private HTTP bridge on 127.0.0.1
 * (per-run token, in the page URL's fragment) for the workspace in `ctx`, and prints the print view with
 * headless Chromium.
 */
export async function renderWithChromium(
  ctx: ServiceContext,
  request: { period: string; packDate: string; pdf: boolean },
  browser?: Browser,
): Promise<RenderedPack> {
  const staticDir = rendererDir();
  if (!fs.existsSync(path.join(staticDir, 'print.html')))
    throw new Error(`The print view is not built (${staticDir}/print.html): run \`npm run build:renderer\`.`);
  const bridge = await startBridge({ service: createService(ctx), staticDir });
  const own = browser ? null : await launchChromium();
  try {
    const url = bridge.pageUrl(printPath(request.period, request.packDate));
    return await renderPrintPage(browser ?? own!, url, { pdf: request.pdf });
  } finally {
    await own?.close();
    await bridge.close();
  }
}
