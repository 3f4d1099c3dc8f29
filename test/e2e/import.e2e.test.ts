import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMicro } from '../../shared/money';
import { go, openApp, SAMPLES, seriousA11yViolations, shot, startApp, usd } from './support';

const SAMPLE = path.join(
  SAMPLES,
  'vendors/anthropic_console_cost_export_claude_api_cost_2026_02_08_to_2026_02_15.csv',
);
// February 2026 is in FY2026-Q1 (fiscal year starting in January).
const PERIOD = 'FY2026-Q1';

let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

/** Independent total of the sample: the cost column summed exactly in micro-units. */
function sampleTotalMicro(): number {
  const [header, ...rows] = fs.readFileSync(SAMPLE, 'utf8').trim().split(/\r?\n/);
  const col = header!.split(',').indexOf('cost_usd');
  return rows.reduce((sum, line) => sum + parseMicro(line.split(',')[col]!)!, 0);
}

describe('import wizard in Chromium', () => {
  it('imports a real vendor export (mapping, preview, progress, commit), the dashboard changes, undo changes it back', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
    });
    const before = await app.report(PERIOD);
    const sampleMicro = sampleTotalMicro();

    await page.getByLabel('Fiscal quarter').selectOption(PERIOD);
    await expect
      .poll(() => page.getByTestId('period-spend').textContent())
      .toBe(usd(before.portfolio.cost.micro));

    // 1. Choose the file.
    await go(page, 'import');
    await page.getByTestId('dropzone').waitFor();
    await page.getByTestId('file-input').setInputFiles(SAMPLE);

    // 2. Detected format and kind, the built-in mapping, the preview with its exact total.
    await expect
      .poll(() => page.getByTestId('detected-format').textContent())
      .toBe('Anthropic Console cost export');
    expect(await page.getByTestId('kind-select').inputValue()).toBe('spend');
    expect(await page.getByLabel('Amount (required)').inputValue()).toBe('cost_usd');
    expect(await page.getByTestId('preview-total-USD').textContent()).toBe(usd(sampleMicro));

    // Edit the mapping: read the cost center from the "workspace" column, apply, the preview follows.
    await page.getByLabel('Cost center').selectOption('workspace');
    await page.getByRole('button', { name: 'Apply mapping and re-check' }).click();
    await expect.poll(() => page.getByTestId('sample').textContent()).toContain('Default');
    expect(await page.getByTestId('preview-total-USD').textContent()).toBe(usd(sampleMicro));
    await shot(page, 'ui-import-preview');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The demo's spend batch covers these months and many more: the notice says how much replacing would
    // take away, and choosing it warns before anything is done (this test keeps both).
    const overlap = page.getByRole('group', { name: 'Data for these months already exists' });
    expect(await overlap.textContent()).toMatch(
      /has [\d,]+ rows? in these months, and [\d,]+ more rows outside them/,
    );
    await overlap.getByLabel(/^Replace it/).check();
    await expect
      .poll(() => overlap.getByRole('alert').textContent())
      .toMatch(
        /including the rows dated outside this file’s months\. A backup of the workspace is taken first/,
      );
    await overlap.getByLabel(/^Add to it/).check();
    expect(await overlap.getByRole('alert').count()).toBe(0);

    // 3. Commit: the progress bar shows while the job runs, then the result links the batch.
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="commit-progress"] progress')) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: /^Import \d+ records?$/ }).click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    const link = await page.getByTestId('result-batch-link').textContent();
    const batchId = Number(link!.replace('#', ''));
    expect(batchId).toBeGreaterThan(0);
    await expect.poll(() => page.locator(`[data-batch="${batchId}"]`).textContent()).toContain('Committed');
    // The batch link shows the batch in the list without leaving the screen.
    await page.getByTestId('result-batch-link').click();
    expect(page.url()).toMatch(/#\/import$/);
    await shot(page, 'ui-import-result');

    // The stored batch and the report agree with the file.
    const after = await app.report(PERIOD);
    expect(after.portfolio.cost.micro).toBe(before.portfolio.cost.micro + sampleMicro);

    // The dashboard shows the new figure.
    await go(page, 'dashboard');
    await expect
      .poll(() => page.getByTestId('period-spend').textContent())
      .toBe(usd(after.portfolio.cost.micro));
    await shot(page, 'ui-dashboard-after-import');

    // Undo the batch (with confirmation); the dashboard goes back to the original figure.
    await go(page, 'import');
    await page.getByRole('button', { name: `Undo batch ${batchId}` }).click();
    await page.getByRole('button', { name: `Confirm undo #${batchId}` }).click();
    await expect.poll(() => page.locator(`[data-batch="${batchId}"]`).textContent()).toContain('Undone');
    await go(page, 'dashboard');
    await expect
      .poll(() => page.getByTestId('period-spend').textContent())
      .toBe(usd(before.portfolio.cost.micro));
    expect((await app.report(PERIOD)).portfolio.cost.micro).toBe(before.portfolio.cost.micro);

    // Next quarter's file of the same layout opens with the mapping saved by the commit; it can be forgotten.
    await go(page, 'import');
    await page.getByTestId('file-input').setInputFiles(SAMPLE);
    await expect.poll(() => page.getByTestId('detected').textContent()).toContain('saved template');
    expect(await page.getByLabel('Cost center').inputValue()).toBe('workspace');
    await page.getByRole('button', { name: 'Forget this template' }).click();
    await expect.poll(() => page.getByTestId('detected').textContent()).toContain('built-in for this format');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a bad file in plain words with the rows and columns at fault, and writes nothing', async () => {
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    const batches = (await app.ctx.service.call('batches.list', {})) as { ok: true; result: unknown[] };
    await go(page, 'import');
    await page.getByTestId('file-input').setInputFiles({
      name: 'bad-spend.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Date,Amount,Vendor\n2026-03-01,12.50,Acme\n2026-03-02,twelve,Acme\nnot a date,3.00,Acme\n',
      ),
    });
    await page.getByTestId('problems').waitFor();
    const problems = (await page.getByTestId('problems').textContent()) ?? '';
    expect(problems).toContain('twelve');
    expect(problems).toMatch(/Amount/);
    await expect
      .poll(() => page.getByRole('button', { name: /^Import \d+ records?$/ }).isDisabled())
      .toBe(true);
    await shot(page, 'ui-import-problems');
    // Leaving out the invalid rows makes it importable.
    await page.getByLabel(/Leave out the \d+ rows with errors/).check();
    await expect
      .poll(() => page.getByRole('button', { name: /^Import \d+ records?$/ }).isDisabled())
      .toBe(false);
    const after = (await app.ctx.service.call('batches.list', {})) as { ok: true; result: unknown[] };
    expect(after.result.length).toBe(batches.result.length);
    await context.close();
  });

  it('a time zone chosen in the mapping moves timestamps to their local dates in the preview', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true, // axe is injected as a script
    });
    await go(page, 'import');
    await page.getByTestId('file-input').setInputFiles({
      name: 'usage-utc.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Timestamp,Amount,Initiative\n2026-03-31T23:30:00Z,10.00,Copilot\n2026-04-01T04:00:00Z,30.00,Copilot\n',
      ),
    });
    const summary = page.getByTestId('preview-summary');
    await expect.poll(() => summary.textContent()).toContain('2026-03-31 → 2026-04-01');
    const zone = page.getByLabel('Time zone for timestamps');
    expect(await zone.inputValue()).toBe(''); // follows the workspace setting (UTC)
    await zone.selectOption('Asia/Tokyo');
    await page.getByRole('button', { name: 'Apply mapping and re-check' }).click();
    await expect.poll(() => summary.textContent()).toContain('2026-04-01 → 2026-04-01');
    expect(await summary.textContent()).toContain('Dates (Asia/Tokyo)');
    await shot(page, 'ui-import-time-zone');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks which column is the amount when two fit about equally, and which kind when two kinds do', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true, // axe is injected as a script
    });
    const importButton = page.getByRole('button', { name: /^Import \d+ records?$/ });
    await go(page, 'import');
    await page.getByTestId('file-input').setInputFiles({
      name: 'two-amounts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Date,Amount (EUR),Amount (USD),Vendor\n2026-01-05,10.00,11.00,Acme\n2026-01-06,12.00,13.20,Acme\n',
      ),
    });
    // The choice, with the evidence for each column; nothing is read as the amount until it is made.
    const choice = page.getByTestId('choice-amount');
    await choice.waitFor();
    expect(await choice.textContent()).toContain('"(EUR)" names the currency EUR');
    expect(await choice.textContent()).toContain('"(USD)" names the currency USD');
    expect(await choice.textContent()).toContain('2/2 values are amounts with decimal point');
    expect(await page.getByLabel('Amount (required)').inputValue()).toBe('');
    expect(await importButton.isDisabled()).toBe(true);
    expect(await page.getByTestId('evidence-date').textContent()).toContain('2/2 values are dates');
    await shot(page, 'ui-import-column-choice');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await choice.getByRole('radio', { name: /^Amount \(USD\)/ }).click();
    await expect.poll(() => page.getByTestId('preview-total-USD').textContent()).toBe(usd(24_200_000));
    // The choice, the select and the evidence come with the new preview; on a loaded machine in one or two renders.
    await expect.poll(() => page.getByLabel('Amount (required)').inputValue()).toBe('Amount (USD)');
    await expect.poll(() => page.getByTestId('evidence-amount').textContent()).toContain('chosen by you');
    await expect.poll(() => page.getByTestId('choice-amount').count()).toBe(0);
    await expect.poll(() => importButton.isDisabled()).toBe(false);

    // A file that fits spend and benefits equally: the wizard asks, with each kind's evidence.
    await page.getByRole('button', { name: 'Choose another file' }).click();
    await page.getByTestId('file-input').setInputFiles({
      name: 'cost-and-benefit.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Date,Initiative,Cost,Benefit\n2026-01-05,Copilot,10.00,20.00\n2026-02-05,Copilot,11.00,25.00\n',
      ),
    });
    const kinds = page.getByTestId('kind-choice');
    await kinds.waitFor();
    expect(await kinds.textContent()).toContain('benefit words in the headers: "Benefit"');
    expect(await kinds.textContent()).toContain('spend words in the headers: "Cost"');
    await shot(page, 'ui-import-kind-choice');
    expect(await importButton.isDisabled()).toBe(true);
    await kinds.getByRole('radio', { name: /^Benefits/ }).click();
    await expect.poll(() => page.getByTestId('kind-select').inputValue()).toBe('benefits');
    await expect.poll(() => page.getByTestId('preview-total-USD').textContent()).toBe(usd(45_000_000));
    await expect.poll(() => page.getByLabel('Benefit (required)').inputValue()).toBe('Benefit');
    await expect.poll(() => page.getByTestId('kind-choice').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads an Excel workbook: sheets to choose from, the initiative register detected, mapping proposed', async () => {
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, 'import');
    await page
      .getByTestId('file-input')
      .setInputFiles(path.join(SAMPLES, 'scorecards/omb_2025_federal_ai_use_case_inventory_individual.xlsx'));
    await page.getByTestId('detected').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('kind-select').inputValue()).toBe('initiatives');
    expect(await page.getByLabel('Sheet').locator('option').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Name (required)').inputValue()).not.toBe('');
    await shot(page, 'ui-import-xlsx');
    await context.close();
  }, 90_000);
});
