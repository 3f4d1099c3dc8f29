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

/** The print view's address relative to the renderer root. */
export function printPath(period: string, packDate: string): string {
  return `print.html?period=${encodeURIComponent(period)}&date=${encodeURIComponent(packDate)}`;
}

/**
 * Script run in the print page to take the charts' pictures (evaluated as a string in both printers).
 * The size is the CSS size the chart was drawn for (set on the canvas), read without asking for a
 * layout: the page is laid out once, by the print.
 */
export const COLLECT_CHARTS_SCRIPT = `Array.from(document.querySelectorAll('canvas[data-chart-id]')).map((c) => ({
  id: c.dataset.chartId,
  dataUrl: c.toDataURL('image/png'),
  width: parseFloat(c.style.width) || c.clientWidth,
  height: parseFloat(c.style.height) || c.clientHeight,
}))`;

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
