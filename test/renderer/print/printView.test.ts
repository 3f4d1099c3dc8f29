import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, renderPrintPage } from '../../../electron/pack/chromium';
import { printPath, waitForPrintViewScript, type PrintViewState } from '../../../electron/pack/pdfOptions';
import { startTestBridge } from '../../helpers/bridge';
import { tempWorkspace } from '../../helpers/tempWorkspace';

/** How the Chromium printer reads the print view's state: ready with its charts, failed, or not the print view. */
describe('print view ready signal (headless Chromium)', () => {
  const ws = tempWorkspace({ demo: true });
  let ctx: Awaited<ReturnType<typeof startTestBridge>>;
  let browser: Browser;
  const url = (rel: string) => ctx.bridge.pageUrl(rel);

  beforeAll(async () => {
    ctx = await startTestBridge(ws);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await ctx?.stop();
    ws.close();
  });

  it('takes the five charts at their CSS size once the view is ready (no PDF asked)', async () => {
    const r = await renderPrintPage(browser, url(printPath('FY2026-Q3', '2026-10-12')), { pdf: false });
    expect(r.pdf).toBeNull();
    expect(Object.keys(r.charts).sort()).toEqual([
      'budgetMonthly',
      'cumulative',
      'roiByInitiative',
      'tornado',
      'varianceByCategory',
    ]);
    expect(r.charts.cumulative).toMatchObject({ width: 340, height: 200 });
    // PNG signature, drawn at 2× the CSS size.
    const png = r.charts.cumulative!.png;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(680);
  });

  it("passes on the view's own error message", async () => {
    await expect(renderPrintPage(browser, url('print.html'), { pdf: true })).rejects.toThrow(
      /The print view failed: No quarter given/,
    );
  });

  it('fails fast when the address is not the print view', async () => {
    await expect(renderPrintPage(browser, url('index.html'), { pdf: true })).rejects.toThrow(
      /print view is not built/,
    );
  });

  it('the wait script sees a signal raised later (no polling) and gives up at its deadline', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(
        '<body class="print-body"><canvas data-chart-id="c1" style="width: 30px; height: 20px"></canvas></body>',
      );
      const later = page.evaluate(waitForPrintViewScript(10_000)) as Promise<PrintViewState>;
      await page.evaluate(() => setTimeout(() => (document.body.dataset.ready = 'true'), 50));
      const state = await later;
      expect(state.kind).toBe('ready');
      expect(state.kind === 'ready' && state.charts.map((c) => [c.id, c.width, c.height])).toEqual([
        ['c1', 30, 20],
      ]);

      await page.setContent('<body class="print-body"></body>');
      expect(await page.evaluate(waitForPrintViewScript(50))).toEqual({ kind: 'timeout' });
    } finally {
      await page.close();
    }
  });
});
