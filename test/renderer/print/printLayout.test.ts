import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../electron/pack/chromium';
import { PRINT_READY_TIMEOUT_MS, printPath, waitForPrintViewScript } from '../../../electron/pack/pdfOptions';
import { startTestBridge } from '../../helpers/bridge';
import { tempWorkspace } from '../../helpers/tempWorkspace';

/** The print view as Chromium lays it out for print (needs `npm run build:renderer`). */
describe('print view typography and layout (headless Chromium)', () => {
  const ws = tempWorkspace({ demo: true });
  let ctx: Awaited<ReturnType<typeof startTestBridge>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ctx = await startTestBridge(ws);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(ctx.bridge.pageUrl(printPath('FY2026-Q3', '2026-10-12')));
    const state = (await page.evaluate(waitForPrintViewScript(PRINT_READY_TIMEOUT_MS))) as { kind: string };
    expect(state.kind).toBe('ready');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await ctx?.stop();
    ws.close();
  });

  /** Width in CSS px of the first occurrence of `ch` in the text of the first element matching `selector`. */
  function glyphWidth(selector: string, ch: string): Promise<number> {
    return page.evaluate(
      ([sel, c]) => {
        const el = document.querySelector(sel!)!;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.textContent!.indexOf(c!);
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          return range.getBoundingClientRect().width;
        }
        throw new Error(`${c} not in ${sel}`);
      },
      [selector, ch],
    );
  }

  it('text hyphens keep their own width ("FY2026-Q3"): tabular figures only in number columns', async () => {
    const hyphen = await glyphWidth('.cover-title', '-');
    const zero = await glyphWidth('.cover-title', '0');
    // A tabular hyphen is as wide as a digit; Inter's own hyphen is much narrower.
    expect(hyphen).toBeLessThan(zero * 0.75);
    const styles = await page.evaluate(() => ({
      body: getComputedStyle(document.body).fontVariantNumeric,
      num: getComputedStyle(document.querySelector('.table td.num')!).fontVariantNumeric,
      tile: getComputedStyle(document.querySelector('.tile-value')!).fontVariantNumeric,
    }));
    expect(styles).toEqual({ body: 'normal', num: 'tabular-nums', tile: 'normal' });
    // A number column's header is words ("Projected, FY2026-Q3"): its hyphen keeps its own width too.
    const header = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('.table th.num')).find((th) => th.textContent!.includes('-'))!
          .textContent,
    );
    expect(header).toMatch(/FY2026-Q3/);
    const th = '#portfolio-value th.num:nth-child(2)';
    expect(await glyphWidth(th, '-')).toBeLessThan((await glyphWidth(th, '0')) * 0.75);
  });

  it('short tables are kept whole; a long one repeats "<title> (continued)", masked on its first page', async () => {
    const flow = await page.evaluate(() =>
      Array.from(document.querySelectorAll('table.table')).map((t) => ({
        head: t.querySelector('thead tr:last-child th')!.textContent,
        cls: t.className,
        breakInside: getComputedStyle(t).breakInside,
      })),
    );
    const vendor = flow.find((t) => t.head === 'Vendor')!;
    expect(vendor).toMatchObject({ breakInside: 'avoid' });
    expect(vendor.cls).toContain('keep-whole');
    for (const t of flow.filter((x) => x.cls.includes('keep-whole'))) expect(t.breakInside).toBe('avoid');
    // The metric definitions (with the sensitivity figures') and the demo's 25 KPI definitions run over.
    const long = flow.filter((t) => t.cls.includes('runs-over'));
    expect(long.map((t) => t.head)).toEqual(['Metric', 'KPI']);
    const mask = await page.evaluate(() => {
      const row = document.querySelector('table.runs-over tr.continued th')!;
      row.scrollIntoView();
      const r = row.getBoundingClientRect();
      const m = document.querySelector('.continued-mask')!.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return {
        text: row.textContent,
        covered: m.top <= r.top + 0.5 && m.bottom >= r.bottom - 0.5 && m.left <= r.left && m.right >= r.right,
        onTop: top?.className,
      };
    });
    expect(mask).toEqual({ text: 'Metric definitions (continued)', covered: true, onTop: 'continued-mask' });
  });
});
