/**
 * What the wizard says about how a file is read (issue #13): a Google Cloud export's lines booked net of
 * their credits, and a budget by year spread over its months — each in the preview's notes before the
 * import, stored as said, and the notes kept with the batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { go, openApp, shot, startApp } from './support';

let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp({ demo: false });
});
afterAll(async () => {
  await app?.stop();
});

const GCP =
  'billing_account_id,service.description,sku.description,usage_start_time,project.id,cost,currency,credits\n' +
  '01AB,Vertex AI,Gemini 1.5 Pro input,2026-03-01 00:00:00 UTC,ai-prod,1081.25,USD,"[{""name"":""Committed use discount"",""amount"":-179.4,""type"":""COMMITTED_USAGE_DISCOUNT""}]"\n' +
  '01AB,Compute Engine,N2 core,2026-03-02 00:00:00 UTC,ai-prod,153.31,USD,"[{""name"":""Sustained Usage Discount"",""amount"":-30.6},{""name"":""Free Tier"",""amount"":-0.38}]"\n' +
  '01AB,Cloud Storage,Standard storage,2026-03-03 00:00:00 UTC,ai-prod,0.9,USD,[]\n';

const BUDGET = 'Initiative,Year,Budget\nCopilot,2026,1200.05\nSearch,2026,600\n';

describe('import wizard: credits and annual budgets said before importing', () => {
  it('shows cost − credits = net for a Google Cloud export, and the annual spread for a budget by year', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, 'import');
    await page.getByTestId('file-input').setInputFiles({
      name: 'gcp-billing.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(GCP),
    });
    const notes = page.getByTestId('preview-notes');
    await notes.waitFor();
    // 1,235.46 gross; credits 179.40 + 30.60 + 0.38 = 210.38; net 1,025.08.
    expect(await notes.textContent()).toContain(
      'amounts are net of credits ("cost" + "credits"): cost 1,235.46 − credits 210.38 = 1,025.08 USD (2 of 3 lines with credits)',
    );
    await shot(page, 'ui-import-gcp-credits');
    await page.getByRole('button', { name: /^Import 3 records$/ }).click();
    await page.getByTestId('import-result').waitFor();
    const gcpBatch = Number((await page.getByTestId('result-batch-link').textContent())!.replace('#', ''));
    expect(
      app.ws.db.prepare('SELECT sum(amount_micro) FROM spend WHERE batch_id = ?').pluck().get(gcpBatch),
    ).toBe(1_025_080_000);

    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByTestId('file-input').setInputFiles({
      name: 'budget-2026.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(BUDGET),
    });
    await page.getByTestId('preview-notes').waitFor();
    expect(await page.getByTestId('preview-notes').textContent()).toContain(
      'annual amounts spread over 12 months: 2 rows → 24 monthly lines (calendar year 2026;',
    );
    await shot(page, 'ui-import-annual-budget');
    await page.getByRole('button', { name: /^Import 24 records$/ }).click();
    await page.getByTestId('import-result').waitFor();
    const budgetBatch = Number((await page.getByTestId('result-batch-link').textContent())!.replace('#', ''));
    const months = app.ws.db
      .prepare('SELECT month, amount_micro FROM budget WHERE batch_id = ? AND source_row = 2 ORDER BY month')
      .raw()
      .all(budgetBatch);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual(['2026-01', 100_010_000]);
    expect(months[11]).toEqual(['2026-12', 100_000_000]);
    const kept = JSON.parse(
      app.ws.db
        .prepare('SELECT notes_json FROM import_batches WHERE id = ?')
        .pluck()
        .get(budgetBatch) as string,
    ) as string[];
    expect(
      kept.some((n) => n.startsWith('annual amounts spread over 12 months: 2 rows → 24 monthly lines')),
    ).toBe(true);

    // The figure's sources name the batch with the sentence it was imported under.
    await go(page, 'dashboard');
    await page.getByLabel('Fiscal quarter').selectOption('FY2026-Q1');
    await page.locator('button[data-explain="portfolio.cost"]').click();
    const drawer = page.getByTestId('explain-drawer');
    await drawer.waitFor();
    expect(await drawer.getByTestId('batch-note').allTextContents()).toContain(
      'amounts are net of credits ("cost" + "credits"): cost 1,235.46 − credits 210.38 = 1,025.08 USD (2 of 3 lines with credits)',
    );
    await shot(page, 'ui-explain-batch-notes');
    expect(errors).toEqual([]);
    await context.close();
  });
});
