import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutProblems, unreachableNavigation } from './layout';
import { chartsDrawn, go, openApp, shot, startApp } from './support';

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

const SCREENS: { id: string; ready(page: Page): Promise<void> }[] = [
  { id: 'dashboard', ready: (p) => p.getByTestId('dashboard').waitFor() },
  { id: 'import', ready: (p) => p.getByTestId('batches').waitFor() },
  { id: 'scorecard', ready: (p) => p.getByTestId('scorecard').waitFor() },
  { id: 'initiatives', ready: (p) => p.getByTestId('initiatives-table').waitFor() },
  { id: 'budget', ready: (p) => p.getByTestId('budget').waitFor() },
  { id: 'narrative', ready: (p) => p.getByTestId('narrative').waitFor() },
  { id: 'pack', ready: (p) => p.getByRole('heading', { name: 'Preview of the pages' }).waitFor() },
  { id: 'settings', ready: (p) => p.getByRole('button', { name: 'Save settings' }).waitFor() },
];

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

describe.each(SIZES)('$width×$height', (size) => {
  it.each(SCREENS.map((s) => s.id))('%s: nothing overlaps or overflows, navigation reachable', async (id) => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, size);
    await go(page, id);
    await SCREENS.find((s) => s.id === id)!.ready(page);
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
});
