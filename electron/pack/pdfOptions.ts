import { HANDED_DATA_PARAM, HANDED_DATA_VALUE } from '../../shared/export/handOver';

/**
 * What both PDF printers are asked for (the page's own @page rule sets size, margins and footer):
 * the desktop app's webContents.printToPDF and headless Chromium's page.pdf in the CLI and tests.
 */
export const PRINT_READY_TIMEOUT_MS = 60_000;

/** playwright-core page.pdf options. */
export const CHROMIUM_PDF_OPTIONS = {
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  tagged: true,
  outline: true,
  margin: { top: '0', right: '0', bottom: '0', left: '0' },
} as const;

/** Electron webContents.printToPDF options (the same request in Electron's vocabulary). */
export const ELECTRON_PDF_OPTIONS = {
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
};

/**
 * The print view's address relative to the renderer root. `handedData`: the printer hands the page its
 * pack data (shared/export/handOver.ts); otherwise the page asks the service for it (a preview).
 */
export function printPath(period: string, packDate: string, options: { handedData?: boolean } = {}): string {
  const handed = options.handedData ? `&${HANDED_DATA_PARAM}=${HANDED_DATA_VALUE}` : '';
  return `print.html?period=${encodeURIComponent(period)}&date=${encodeURIComponent(packDate)}${handed}`;
}

/** The id under which the print view hands over an SVG logo drawn as a PNG, for the deck. */
export const DECK_LOGO_ID = 'deck-logo';

/**
 * The pixel box an SVG logo is drawn into for the deck: twice the largest box the deck places it in
 * (the title master's 2.4 × 0.9 in at 96 px/in), so it stays sharp on a projector. PowerPoint cannot take
 * an SVG without a PNG beside it, and pptxgenjs needs a browser canvas to make one: the print view's
 * Chromium (headless in the CLI, the desktop app's own) draws it, as it draws the charts.
 */
export const DECK_LOGO_BOX = { width: 461, height: 173 } as const;

/**
 * Script run in the print page to take the charts' pictures (evaluated as a string in both printers),
 * and the cover's SVG logo drawn as a PNG at its own proportions in DECK_LOGO_BOX.
 * A chart's size is the CSS size it was drawn for (set on the canvas), read without asking for a
 * layout: the page is laid out once, by the print.
 */
export const COLLECT_CHARTS_SCRIPT = `(() => {
  const out = Array.from(document.querySelectorAll('canvas[data-chart-id]')).map((c) => ({
    id: c.dataset.chartId,
    dataUrl: c.toDataURL('image/png'),
    width: parseFloat(c.style.width) || c.clientWidth,
    height: parseFloat(c.style.height) || c.clientHeight,
  }));
  const img = document.querySelector('img.cover-logo');
  if (img && img.complete && /^data:image\\/svg\\+xml[;,]/.test(img.getAttribute('src') || '')) {
    try {
      const nw = img.naturalWidth || 300;
      const nh = img.naturalHeight || 150;
      const s = Math.min(${DECK_LOGO_BOX.width} / nw, ${DECK_LOGO_BOX.height} / nh);
      const w = Math.max(1, Math.round(nw * s));
      const h = Math.max(1, Math.round(nh * s));
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      canvas.getContext('2d').drawImage(img, 0, 0, w, h);
      out.push({ id: '${DECK_LOGO_ID}', dataUrl: canvas.toDataURL('image/png'), width: w, height: h });
    } catch (e) {
      // A logo the canvas refuses is left off the deck (the export says so).
    }
  }
  return out;
})()`;

/** What the print view says once asked: not the print view, failed, still not ready, or ready with its charts. */
export type PrintViewState =
  | { kind: 'not-print-view' }
  | { kind: 'error'; message: string }
  | { kind: 'timeout' }
  | { kind: 'ready'; charts: CollectedChart[] };

/**
 * Script run in the print page (as a string): waits for the ready signal without polling (a
 * MutationObserver on body[data-ready]) and, once it is up, takes the charts' pictures in the same
 * call, so the printer learns of it at once and in one round trip. Resolves to a PrintViewState.
 */
export function waitForPrintViewScript(timeoutMs: number): string {
  return `new Promise((resolve) => {
  const body = document.body;
  if (!body || !body.classList.contains('print-body')) return resolve({ kind: 'not-print-view' });
  let observer, timer;
  const settle = () => {
    const ready = body.dataset.ready;
    if (ready !== 'true' && ready !== 'error') return false;
    if (observer) observer.disconnect();
    clearTimeout(timer);
    resolve(ready === 'error'
      ? { kind: 'error', message: body.dataset.error || 'unknown error' }
      : { kind: 'ready', charts: ${COLLECT_CHARTS_SCRIPT} });
    return true;
  };
  if (settle()) return;
  observer = new MutationObserver(settle);
  observer.observe(body, { attributes: true, attributeFilter: ['data-ready'] });
  timer = setTimeout(() => { observer.disconnect(); resolve({ kind: 'timeout' }); }, ${Math.floor(timeoutMs)});
})`;
}

export interface CollectedChart {
  id: string;
  dataUrl: string;
  width: number;
  height: number;
}

export function chartsFromCollected(
  list: CollectedChart[],
): Record<string, { png: Buffer; width: number; height: number }> {
  const out: Record<string, { png: Buffer; width: number; height: number }> = {};
  for (const c of list) {
    const m = /^data:image\/png;base64,(.+)$/.exec(c.dataUrl);
    if (m && /^[A-Za-z0-9_-]{1,64}$/.test(c.id))
      out[c.id] = { png: Buffer.from(m[1]!, 'base64'), width: c.width, height: c.height };
  }
  return out;
}
