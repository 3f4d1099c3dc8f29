import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempWorkspace';
import { go, openApp, seriousA11yViolations, shot, startApp, usd } from './support';

let app: Awaited<ReturnType<typeof startApp>>;
const dir = tempDir('caio-fx-e2e-');
beforeAll(async () => {
  app = await startApp({ demo: false });
});
afterAll(async () => {
  await app?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

// March 2026 is in FY2026-Q1 (fiscal year starting in January).
const PERIOD = 'FY2026-Q1';
const SPEND = file(
  'eur-spend.csv',
  'Date,Amount,Currency,Initiative\n2026-03-05,100.00,EUR,Search\n2026-03-20,0.01,EUR,Search\n2026-03-21,50.00,USD,Search\n',
);

describe('Settings › Exchange rates in Chromium', () => {
  it('an import refused for a missing EUR rate goes through once the rate is added in the panel, converted to the cent', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
    });

    // 1. The import is refused, naming the currency and the month, and points to the panel.
    await go(page, 'import');
    await page.getByTestId('dropzone').waitFor();
    await page.getByTestId('file-input').setInputFiles(SPEND);
    const blocked = page.getByRole('alert').filter({ hasText: 'This file cannot be imported as it is' });
    await expect
      .poll(() => blocked.textContent())
      .toMatch(/no EUR rate for 2026-03: add it in Settings › Exchange rates or import a rates file/);
    expect(await page.getByRole('button', { name: /^Import \d+ records?$/ }).isDisabled()).toBe(true);
    await shot(page, 'ui-import-missing-rate');
    await page.getByRole('link', { name: 'Add the rates in Settings › Exchange rates' }).click();

    // 2. The panel: the reporting currency is refused, a wrong rate is refused, then a rate is added and edited.
    const panel = page.getByRole('region', { name: 'Exchange rates' });
    await panel.waitFor();
    const form = panel.getByRole('form', { name: 'Add an exchange rate' });
    await form.getByLabel('Currency').fill('usd');
    await form.getByLabel('Month').fill('2026-03');
    await form.getByLabel(/^Rate/).fill('0');
    await form.getByRole('button', { name: 'Add rate' }).click();
    await expect.poll(() => form.textContent()).toMatch(/USD is the reporting currency: it needs no rate\./);
    expect(await form.textContent()).toMatch(/A rate must be more than 0\./);
    await form.getByLabel('Currency').fill('EUR');
    await form.getByLabel(/^Rate/).fill('1,08');
    await form.getByRole('button', { name: 'Add rate' }).click();
    const eur = panel.getByTestId('fx-rate-EUR-2026-03');
    await expect.poll(() => eur.textContent()).toMatch(/EUR2026-031\.08Entered here/);
    await eur.getByRole('button', { name: 'Edit the rate for EUR 2026-03' }).click();
    await eur.getByLabel('Rate for EUR 2026-03').fill('1.0853');
    await eur.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => eur.textContent()).toMatch(/1\.0853Entered here/);
    expect(await panel.getByTestId('fx-status').textContent()).toBe('Saved: 1 EUR = 1.0853 USD in 2026-03.');

    // A rate added by mistake is deleted after confirming.
    await form.getByLabel('Currency').fill('GBP');
    await form.getByLabel('Month').fill('2026-01');
    await form.getByLabel(/^Rate/).fill('1.27');
    await form.getByRole('button', { name: 'Add rate' }).click();
    await panel.getByTestId('fx-rate-GBP-2026-01').waitFor();
    await panel.getByRole('button', { name: 'Delete the rate for GBP 2026-01' }).click();
    await panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => panel.getByTestId('fx-rate-GBP-2026-01').count()).toBe(0);

    // A rates file through the import: April's rate, listed with its batch.
    await panel
      .getByTestId('fx-file-input')
      .setInputFiles(file('rates.csv', 'Month,Currency,Rate\n2026-04,EUR,1.1\n'));
    await expect
      .poll(() => panel.getByTestId('fx-status').textContent())
      .toBe('Imported 1 rate from “rates.csv” (batch #1).');
    await expect
      .poll(() => panel.getByTestId('fx-rate-EUR-2026-04').textContent())
      .toMatch(/1\.1Imported: batch #1 \(rates\.csv\)/);
    // A bad rates file is refused whole, by row and column.
    await panel
      .getByTestId('fx-file-input')
      .setInputFiles(file('bad.csv', 'Month,Currency,Rate\n2026-05,EUR,-2\n'));
    await expect
      .poll(() => panel.getByTestId('fx-file-problems').textContent())
      .toMatch(/row 2, column "Rate"/);
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'ui-settings-exchange-rates', { fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // 3. The same file now imports; the totals are converted with the rate of its month.
    await go(page, 'import');
    await page.getByTestId('file-input').setInputFiles(SPEND);
    await page.getByRole('button', { name: 'Import 3 records' }).click();
    await page.getByTestId('import-result').waitFor();
    // (100.00 + 0.01) EUR × 1.0853 = 108.540853 USD, + 50.00 USD = 158.540853 → $158.54
    const expected = 108_540_853 + 50_000_000;
    expect((await app.report(PERIOD)).portfolio.cost.micro).toBe(expected);
    await go(page, 'dashboard');
    await page.getByLabel('Fiscal quarter').selectOption(PERIOD);
    await expect.poll(() => page.getByTestId('period-spend').textContent()).toBe(usd(expected));
    expect(usd(expected)).toBe('$158.54');

    expect(errors).toEqual([]);
    await context.close();
  });
});
