import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commentary } from '../../shared/api';
import { draftSummary } from '../../shared/narrative/draftSummary';
import { go, openApp, SAMPLES, startApp } from './support';

/**
 * Issue #19 item 3: a screen opens at its top; after choosing a file, importing and undoing, focus is on the
 * result's heading (a keyboard-only import works end to end); the executive summary is never lost on
 * navigation or reload.
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

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await app.ctx.service.call(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.result as T;
}

/** The focused element: tag, tabindex and text, as a user's screen reader would announce it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? null,
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      label: el?.getAttribute('aria-label') ?? null,
    };
  });
}

/** Presses Tab until the focused element matches (at most `limit` times); fails if it never does. */
async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`Tab never reached the element; focus is on ${JSON.stringify(await focused(page))}`);
}

describe('navigation and focus in Chromium', () => {
  it('a screen opens at its top, not at the last screen’s scroll position', async () => {
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      width: 1280,
      height: 800,
    });
    await go(page, 'scorecard');
    await page.getByTestId('scorecard').waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    await page.getByRole('navigation').getByRole('link', { name: 'Budget' }).click();
    await page.getByTestId('budget').waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    // From the bottom of the initiatives list to one initiative's page: its top.
    await go(page, 'initiatives');
    await page.getByTestId('initiatives-table').waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.getByTestId('initiatives-table').getByRole('link').last().click();
    await page.getByTestId('initiative-cost').waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await context.close();
  });

  it('a keyboard-only import: focus lands on the file’s details, on the result, and on the undo’s result', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, 'import');
    await page.getByTestId('dropzone').waitFor();

    // A file that cannot be read first: focus is on the error's heading; the wizard stays at the file choice.
    await page.getByTestId('file-input').setInputFiles({
      name: 'empty.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(''),
    });
    await page.getByTestId('import-error').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2' });
    expect((await focused(page)).text).toBe(
      (await page.getByTestId('import-error').locator('h2').textContent())!.trim(),
    );

    // "Choose another file" from the keyboard puts focus on the choose button, which opens the file chooser.
    // (Waiting starts before the keys: Playwright intercepts the chooser only once that request has landed.)
    const chooserOpened = page.waitForEvent('filechooser');
    await tabTo(page, (f) => f.text === 'Choose another file');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', text: 'Choose file…' });
    await page.keyboard.press('Enter');
    const chooser = await chooserOpened;
    await chooser.setFiles(SAMPLE);
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: 'Detected' });

    // On to the commit button, and import.
    await tabTo(page, (f) => /^Import \d+ records?$/.test(f.text));
    await page.keyboard.press('Enter');
    await page.getByTestId('import-result').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2' });
    expect((await focused(page)).text).toMatch(/^Imported [\d,]+ spend records from “anthropic_console/);
    const batchId = Number((await page.getByTestId('result-batch-link').textContent())!.replace('#', ''));
    expect(batchId).toBeGreaterThan(0);

    // Undo it from the keyboard: the confirming button takes focus, then the undo's result does.
    await tabTo(page, (f) => f.label === `Undo batch ${batchId}`, 200);
    await page.keyboard.press('Enter');
    expect((await focused(page)).text).toBe(`Confirm undo #${batchId}`);
    await page.keyboard.press('Enter');
    await page.getByTestId('undo-result').waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h3', text: `Batch #${batchId} undone` });
    await expect.poll(() => page.locator(`[data-batch="${batchId}"]`).textContent()).toContain('Undone');
    const batches = await call<{ id: number; status: string }[]>('batches.list', {});
    expect(batches.find((b) => b.id === batchId)!.status).toBe('undone');

    // Cancelling a confirmation gives focus back to the trigger.
    const other = batches.find((b) => b.status === 'committed')!;
    await page.getByRole('button', { name: `Undo batch ${other.id}` }).focus();
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.text === 'Keep', 3);
    await page.keyboard.press('Enter');
    expect((await focused(page)).label).toBe(`Undo batch ${other.id}`);
    // The one failed request is the empty file's, refused by the service (the error shown above).
    expect(errors).toEqual([
      'Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);
    await context.close();
  });

  it('the executive summary survives navigating away at once, coming back, and a reload', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await call('commentary.set', { period: 'FY2026-Q3', scope: 'summary', ref: '', body: '' });
    await go(page, 'narrative');
    await page.getByTestId('narrative').waitFor();
    const summary = page.getByLabel('Summary for the board');

    // A draft from the figures, then straight to another screen (the field never had focus, so no blur).
    const report = await app.report('FY2026-Q3');
    await page.getByRole('button', { name: /Draft from the figures/ }).click();
    expect(await summary.inputValue()).toBe(draftSummary(report));
    await go(page, 'dashboard');
    await page.getByTestId('dashboard').waitFor();
    await go(page, 'narrative');
    await page.getByTestId('narrative').waitFor();
    expect(await summary.inputValue()).toBe(draftSummary(report));

    // Typed text, the focus still in the field, and away by the address (no blur first).
    await summary.press('Control+End');
    await summary.pressSequentially(' The board is asked to approve the budget increase.');
    await go(page, 'budget');
    await page.getByTestId('budget').waitFor();
    await expect
      .poll(async () => (await stored()).summary)
      .toBe(`${draftSummary(report)} The board is asked to approve the budget increase.`);
    await go(page, 'narrative');
    expect(await summary.inputValue()).toBe(
      `${draftSummary(report)} The board is asked to approve the budget increase.`,
    );

    // Typing and pausing saves by itself; a reload then shows it.
    await summary.press('Control+End');
    await summary.pressSequentially(' Q4 focus: retention.');
    await expect.poll(() => page.locator('.summary-editor [role="status"]').textContent()).toContain('Saved');
    await page.reload();
    await page.getByTestId('narrative').waitFor();
    expect(await summary.inputValue()).toMatch(/approve the budget increase\. Q4 focus: retention\.$/);
    expect((await stored()).summary).toMatch(/approve the budget increase\. Q4 focus: retention\.$/);

    // Typed and reloaded at once, before the pause that saves: the page saves it as it unloads.
    await summary.press('Control+End');
    await summary.pressSequentially(' Reload.');
    await page.reload();
    await page.getByTestId('narrative').waitFor();
    await expect.poll(async () => (await stored()).summary).toMatch(/retention\. Reload\.$/);
    // (The reloaded page may have asked for the text before that save landed: look again.)
    await page.reload();
    await page.getByTestId('narrative').waitFor();
    expect(await summary.inputValue()).toMatch(/retention\. Reload\.$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

async function stored(): Promise<{ summary: string | undefined }> {
  const list = await call<Commentary[]>('commentary.list', { period: 'FY2026-Q3' });
  return { summary: list.find((c) => c.scope === 'summary')?.body };
}
