/**
 * Ledger shapes in the import wizard (issue #13, item 7), in Chromium: an expense tool's export whose costs
 * are negative (the sign flip proposed with its evidence), a row filter added in the wizard (Type =
 * Expense) and counted by reason in the preview, stored exactly, and the next file of the layout filtered
 * the same way; a German journal's Soll/Haben columns read as debit − credit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMicro } from '../../shared/money';
import { go, openApp, seriousA11yViolations, shot, startApp, usd } from './support';

let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp({ demo: false });
});
afterAll(async () => {
  await app?.stop();
});

const HEADER = 'Date,Type,Merchant,Amount';
const ROWS = [
  ['2026-03-02', 'Expense', 'OpenAI', '-120.50'],
  ['2026-03-03', 'Reimbursement', 'Payroll', '500.00'],
  ['2026-03-04', 'Expense', 'Anthropic', '-80.25'],
  ['2026-03-05', 'Expense', 'AWS', '-33.33'],
];
const csv = (rows: string[][]) => Buffer.from([HEADER, ...rows.map((r) => r.join(','))].join('\n') + '\n');

describe('import wizard: ledger shapes', () => {
  it('proposes the sign flip with its evidence, filters rows by Type, stores the kept rows, and reuses the filter', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true, // axe is injected as a script
    });
    await go(page, 'import');
    await page.getByTestId('file-input').setInputFiles({
      name: 'expenses.csv',
      mimeType: 'text/csv',
      buffer: csv(ROWS),
    });
    const negate = page.getByLabel(/Costs are written negative in this file/);
    await expect.poll(() => negate.isChecked()).toBe(true);
    expect(await page.getByTestId('evidence-negate').textContent()).toContain(
      '3 of 4 amounts in the first rows of "Amount" are negative',
    );

    // The row filter: keep only Type = Expense.
    await page.getByRole('button', { name: 'Add a row filter' }).click();
    const filters = page.getByTestId('row-filters');
    await filters.getByLabel('Column').selectOption('Type');
    await filters.getByLabel('Values (separated by commas)').fill('Expense');
    await page.getByRole('button', { name: 'Apply mapping and re-check' }).click();
    await expect.poll(() => page.getByTestId('preview-filtered').textContent()).toBe('1');
    expect(await page.getByTestId('filtered-rows').textContent()).toContain(
      '1 × Type is "Reimbursement" (keeping Type = Expense): row 3',
    );
    const kept = ROWS.filter((r) => r[1] === 'Expense').map((r) => -parseMicro(r[3]!)!);
    const keptMicro = kept.reduce((a, b) => a + b, 0);
    expect(await page.getByTestId('preview-total-USD').textContent()).toBe(usd(keptMicro));
    expect(await page.getByTestId('preview-notes').textContent()).toContain(
      "costs are written negative in this file: every amount's sign is flipped (3 amounts)",
    );
    await shot(page, 'ui-import-ledger-filter');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: /^Import 3 records$/ }).click();
    await page.getByTestId('import-result').waitFor();
    const batchId = Number((await page.getByTestId('result-batch-link').textContent())!.replace('#', ''));
    const stored = app.ws.db
      .prepare('SELECT source_row, amount_micro FROM spend WHERE batch_id = ? ORDER BY source_row')
      .raw()
      .all(batchId);
    expect(stored).toEqual([
      [2, kept[0]],
      [4, kept[1]],
      [5, kept[2]],
    ]);
    const recorded = JSON.parse(
      app.ws.db
        .prepare('SELECT mapping_json FROM import_batches WHERE id = ?')
        .pluck()
        .get(batchId) as string,
    ) as { filters: unknown; negate: boolean };
    expect(recorded).toMatchObject({
      negate: true,
      filters: [{ column: 'Type', op: 'is', values: ['Expense'] }],
    });

    expect(await page.getByTestId('import-result').textContent()).toContain(
      '1 row not kept by the row filter',
    );
    // April's file of the same layout: the saved mapping filters it the same way, unasked.
    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByTestId('file-input').setInputFiles({
      name: 'expenses-april.csv',
      mimeType: 'text/csv',
      buffer: csv([
        ['2026-04-02', 'Expense', 'OpenAI', '-10.00'],
        ['2026-04-03', 'Reimbursement', 'Payroll', '200.00'],
      ]),
    });
    await expect.poll(() => page.getByTestId('detected').textContent()).toContain('saved template');
    expect(
      await page.getByTestId('row-filters').getByLabel('Values (separated by commas)').inputValue(),
    ).toBe('Expense');
    await expect.poll(() => page.getByTestId('preview-filtered').textContent()).toBe('1');
    expect(await page.getByTestId('preview-total-USD').textContent()).toBe(usd(10_000_000));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a German journal: Soll and Haben read as debit − credit, and the preview says how', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, 'import');
    await page.getByTestId('file-input').setInputFiles({
      name: 'journal.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Buchungsdatum;Buchungstext;Soll;Haben\n02.03.2026;OpenAI API;1.200,50;\n05.03.2026;Gutschrift;;20,25\n',
      ),
    });
    await expect.poll(() => page.getByLabel('Debit (amount = debit − credit)').inputValue()).toBe('Soll');
    expect(await page.getByLabel('Credit (subtracted)').inputValue()).toBe('Haben');
    expect(await page.getByLabel('Amount (required)').inputValue()).toBe('');
    expect(await page.getByTestId('preview-notes').textContent()).toContain(
      'amounts = "Soll" − "Haben": 1 with a debit only, 1 with a credit only',
    );
    expect(await page.getByTestId('preview-total-USD').textContent()).toBe(
      usd(parseMicro('1200.50')! - parseMicro('20.25')!),
    );
    await shot(page, 'ui-import-ledger-debit-credit');
    expect(errors).toEqual([]);
    await context.close();
  });
});
