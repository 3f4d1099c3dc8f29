import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microToCents } from '../../shared/money';
import { outputPath } from '../helpers/browser';
import { startApp } from './support';

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let ws: Awaited<ReturnType<typeof startApp>>['ws'];
let ctx: Awaited<ReturnType<typeof startApp>>['ctx'];

// The bridge serves a snapshot of the built renderer (see startApp), so a rebuild elsewhere in the
// checkout while this runs cannot pull the files from under the page.
beforeAll(async () => {
  app = await startApp();
  ({ browser, ws, ctx } = app);
});
afterAll(async () => {
  await app?.stop();
});

const SECTIONS = [
  'Dashboard',
  'Import',
  'Scorecard',
  'Initiatives',
  'Budget',
  'Narrative',
  'Briefing pack',
  'Settings',
];

describe('app shell in Chromium through the HTTP bridge', () => {
  it('loads the demo workspace, shows a real number from the store, and navigates every section', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(ctx.bridge.launchUrl);

    await expect.poll(() => page.getByTestId('workspace-name').textContent()).toBe('Demo workspace');
    // The token leaves the address bar once the page has it.
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.getByLabel('Fiscal quarter').inputValue()).toBe('FY2026-Q3');

    // The dashboard's spend tile equals an independent SUM over the spend table for July–September 2026.
    const micro = ws.db
      .prepare("SELECT sum(amount_micro) FROM spend WHERE date >= '2026-07-01' AND date <= '2026-09-30'")
      .pluck()
      .get() as number;
    const expected = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
      microToCents(micro) / 100,
    );
    await expect.poll(() => page.getByTestId('period-spend').textContent()).toBe(expected);
    await page.screenshot({ path: outputPath('e2e', 'shell-dashboard.png') });

    for (const section of SECTIONS) {
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: section, exact: true })
        .click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).first().textContent())
        .toContain(section);
      const file = outputPath('e2e', `shell-${section.toLowerCase().replace(/\s+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(fs.statSync(file).size).toBeGreaterThan(5_000);
    }

    // Switching quarters changes the number (FY2025-Q1 is January–March 2025).
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByLabel('Fiscal quarter').selectOption('FY2025-Q1');
    const q1 = ws.db
      .prepare("SELECT sum(amount_micro) FROM spend WHERE date >= '2025-01-01' AND date <= '2025-03-31'")
      .pluck()
      .get() as number;
    const q1Text = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
      microToCents(q1) / 100,
    );
    await expect.poll(() => page.getByTestId('period-spend').textContent()).toBe(q1Text);

    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
