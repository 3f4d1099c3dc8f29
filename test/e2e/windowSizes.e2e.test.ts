import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutProblems, unreachableNavigation } from './layout';
import { chartsDrawn, go, openApp, SAMPLES, shot, startApp } from './support';

/**
 * Issue #19 item 2: every screen is usable from 1024×768 up — no table cell overlapping its neighbour or
 * overflowing, no table wider than the content area unless it scrolls, no sideways page, and every section
 * of the navigation reachable — and the larger windows keep holding.
 */
let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const SAMPLE = path.join(
  SAMPLES,
  'vendors/anthropic_console_cost_export_claude_api_cost_2026_02_08_to_2026_02_15.csv',
);

const SCREENS: { id: string; route?: string; ready(page: Page): Promise<void> }[] = [
  { id: 'dashboard', ready: (p) => p.getByTestId('dashboard').waitFor() },
  { id: 'import', ready: (p) => p.getByTestId('batches').waitFor() },
  { id: 'scorecard', ready: (p) => p.getByTestId('scorecard').waitFor() },
  { id: 'initiatives', ready: (p) => p.getByTestId('initiatives-table').waitFor() },
  { id: 'budget', ready: (p) => p.getByTestId('budget').waitFor() },
  { id: 'narrative', ready: (p) => p.getByTestId('narrative').waitFor() },
  { id: 'pack', ready: (p) => p.getByRole('heading', { name: 'Preview of the pages' }).waitFor() },
  { id: 'settings', ready: (p) => p.getByRole('button', { name: 'Save settings' }).waitFor() },
  {
    // The import wizard's review step: detected format, mapping, preview and sample rows.
    id: 'import-preview',
    route: 'import',
    ready: async (p) => {
      await p.getByTestId('file-input').setInputFiles(SAMPLE);
      await p.getByTestId('sample').waitFor();
    },
  },
];

/** States over a screen: they must fit a small window too (a dialog scrolls inside, its buttons reachable). */
const STATES: { id: string; open(page: Page): Promise<void> }[] = [
  {
    id: 'scorecard-edit',
    open: async (p) => {
      await go(p, 'scorecard');
      await p.getByTestId('scorecard').waitFor();
      await p
        .getByRole('button', { name: /^Edit / })
        .first()
        .click();
      await p.locator('dialog.modal[open]').waitFor();
    },
  },
  {
    id: 'kpi-explanation',
    open: async (p) => {
      await go(p, 'scorecard');
      await p.getByTestId('kpi-value-time_to_production_days').click();
      await p.getByTestId('explain-commentary').waitFor();
    },
  },
];

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

describe.each(SIZES)('$width×$height', (size) => {
  it.each(SCREENS.map((s) => s.id))('%s: nothing overlaps or overflows, navigation reachable', async (id) => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, size);
    const s = SCREENS.find((x) => x.id === id)!;
    await go(page, s.route ?? id);
    await s.ready(page);
    await chartsDrawn(page);
    if (id === 'initiatives') {
      // The detail of the initiative with the most KPIs too: its KPI and assumption tables are the widest.
      expect(await layoutProblems(page)).toEqual([]);
      const report = await app.report('FY2026-Q3');
      const most = [...report.initiatives].sort((a, b) => b.kpis.length - a.kpis.length)[0]!;
      expect(most.kpis.length).toBeGreaterThan(0);
      await go(page, `initiatives/${most.id}`);
      await page.getByTestId('initiative-kpis').waitFor();
      await chartsDrawn(page);
    }
    await shot(page, `size-${size.width}-${id}`);
    expect(await layoutProblems(page)).toEqual([]);
    expect(await unreachableNavigation(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(STATES.map((s) => s.id))(
    '%s: the open dialog fits and its last control is reachable',
    async (id) => {
      const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, size);
      await STATES.find((s) => s.id === id)!.open(page);
      const dialog = page.locator('dialog[open]');
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      const problems = await dialog.evaluate((d) => {
        const out: string[] = [];
        for (const el of Array.from(d.querySelectorAll('h2, h3, label, button, p, dd, dt, td, th'))) {
          if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible')
            out.push(`${el.tagName} "${(el.textContent ?? '').trim().slice(0, 40)}" overflows`);
        }
        return out;
      });
      expect(problems).toEqual([]);
      // The last focusable control (Cancel, or the last link of an explanation) scrolls into view and is on top.
      const last = dialog.locator('button, a[href], select, input, textarea').last();
      await last.scrollIntoViewIfNeeded();
      const b = (await last.boundingBox())!;
      expect(b.y + b.height).toBeLessThanOrEqual(size.height);
      await shot(page, `size-${size.width}-${id}`, { fullPage: false });
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
