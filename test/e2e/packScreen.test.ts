import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCommentary } from '../../electron/store/commentary';
import { startTestBridge } from '../helpers/bridge';
import { launchBrowser, outputPath } from '../helpers/browser';
import { tempWorkspace } from '../helpers/tempWorkspace';

let browser: Browser;
let ws: ReturnType<typeof tempWorkspace>;
let ctx: Awaited<ReturnType<typeof startTestBridge>>;

beforeAll(async () => {
  ws = tempWorkspace({ demo: true });
  setCommentary(ws.db, { period: 'FY2026-Q3', scope: 'kpi', ref: 'incident_count', body: '' });
  ctx = await startTestBridge(ws);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await ctx?.stop();
  ws?.close();
});

describe('Briefing pack screen in Chromium through the HTTP bridge', () => {
  it('blocks on a red KPI without commentary, exports with the override, says where the files went', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${ctx.bridge.launchUrl}#/pack`);
    page.setDefaultTimeout(90_000);
    await page.getByRole('heading', { name: 'Briefing pack', level: 1 }).waitFor();
    await page.getByText(/red KPI without commentary — export is blocked/).waitFor();
    const exportButton = page.getByRole('button', { name: 'Export briefing pack' });
    expect(await exportButton.isDisabled()).toBe(true);
    // The preview draws the pack's own pages (in a shadow root).
    await page.locator('.pack-preview').getByText('Executive summary').first().waitFor();
    await page.screenshot({ path: outputPath('pack', 'screen-before-export.png'), fullPage: false });

    await page.getByLabel(/Export anyway with 1 red KPI/).check();
    await exportButton.click();
    const result = page.getByTestId('pack-result');
    await result.waitFor({ timeout: 120_000 });
    const text = await result.innerText();
    expect(text).toMatch(/Briefing pack saved to .*Briefing packs/);
    expect(text).toContain('AI Board Briefing FY2026-Q3.pdf');
    expect(text).toContain('AI Board Briefing FY2026-Q3.xlsx');
    expect(text).toMatch(/override/);
    const dir = /saved to (.+)/.exec(text)![1]!.trim();
    expect(fs.readdirSync(dir).sort()).toEqual([
      'AI Board Briefing FY2026-Q3.pdf',
      'AI Board Briefing FY2026-Q3.xlsx',
    ]);
    // Each file is offered for download (the browser has no folder to show); the bytes are the exported file's.
    expect(await result.getByRole('button', { name: /Show .* in folder/ }).count()).toBe(0);
    for (const name of ['AI Board Briefing FY2026-Q3.pdf', 'AI Board Briefing FY2026-Q3.xlsx']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        result.getByRole('button', { name: `Download ${name}` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      const saved = fs.readFileSync((await download.path())!);
      expect(saved.equals(fs.readFileSync(`${dir}/${name}`))).toBe(true);
    }
    // Earlier exports offer theirs too.
    const earlier = page.locator('table').filter({ hasText: 'AI Board Briefing FY2026-Q3.pdf' });
    const [again] = await Promise.all([
      page.waitForEvent('download'),
      earlier.getByRole('button', { name: 'Download AI Board Briefing FY2026-Q3.pdf' }).first().click(),
    ]);
    expect(
      fs
        .readFileSync((await again.path())!)
        .equals(fs.readFileSync(`${dir}/AI Board Briefing FY2026-Q3.pdf`)),
    ).toBe(true);
    await page.getByRole('heading', { name: 'Earlier exports' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: outputPath('pack', 'screen-after-export.png'), fullPage: false });
    expect(errors).toEqual([]);
  }, 180_000);
});
