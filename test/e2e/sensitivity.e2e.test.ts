import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenefitAssumptionLine } from '../../shared/api';
import { outputPath } from '../helpers/browser';
import { chartsDrawn, go, openApp, seriousA11yViolations, shot, startApp } from './support';

let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const PERIOD = 'FY2026-Q3';

describe('sensitivity and the assumption register in Chromium', () => {
  it('the dashboard shows the bands, the tornado and the register from the report', async () => {
    const report = await app.report(PERIOD);
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
    });
    await go(page, 'dashboard');
    await page.getByTestId('sensitivity-bands').waitFor();
    await chartsDrawn(page);
    expect(await page.getByTestId('band-npv').count()).toBe(1);
    expect(await page.getByTestId('band-roi').count()).toBe(1);
    expect(await page.getByTestId('chart-tornado').count()).toBe(1);
    const rows = page.getByTestId('assumption-register').locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(12, report.assumptionRegister.length));
    const first = report.assumptionRegister[0]!;
    expect(await rows.first().textContent()).toContain(first.assumption!);
    // The swing table lists the report's drivers in its order, largest first.
    const swingRows = page.getByRole('table', { name: 'NPV swing by assumption' }).locator('tbody tr th');
    expect(await swingRows.allTextContents()).toEqual(
      report.sensitivity.drivers.slice(0, 10).map((d) => `${d.assumption}${d.initiative}`),
    );
    // Every figure opens its explanation.
    await page.getByTestId('band-npv').getByRole('button').first().click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('10th percentile');
    await page.keyboard.press('Escape');
    await page
      .locator('section.panel', { has: page.getByTestId('sensitivity-bands') })
      .screenshot({ path: outputPath('e2e', 'sensitivity-panel.png') });
    await shot(page, 'sensitivity-dashboard');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an initiative’s benefit line is edited in its view: stored exactly, logged, and the figures follow', async () => {
    const before = await app.report(PERIOD);
    const support = before.initiatives.find((i) => i.name === 'Customer Support Copilot')!;
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, `initiatives/${support.id}`);
    await page.getByRole('table', { name: 'Benefit lines and their assumptions' }).waitFor();
    const lines = (await app.ctx.service.call('benefits.lines', { initiativeId: support.id })) as {
      ok: true;
      result: BenefitAssumptionLine[];
    };
    const line = lines.result[lines.result.length - 1]!;
    const row = page.getByTestId(`benefit-line-${line.id}`);
    await row.getByLabel(/^Low,/).fill('1000.5');
    await row.getByLabel(/^Confidence,/).selectOption('low');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/edited \d{4}-\d\d-\d\d/);
    const stored = app.ws.db
      .prepare('SELECT low_micro, confidence FROM benefits WHERE id = ?')
      .get(line.id) as { low_micro: number; confidence: string };
    expect(stored).toEqual({ low_micro: 1_000_500_000, confidence: 'low' });
    expect(
      app.ws.db.prepare('SELECT count(*) FROM benefit_edits WHERE benefit_id = ?').pluck().get(line.id),
    ).toBe(1);
    const after = await app.report(PERIOD);
    expect(after.sensitivity.seed).not.toBe(before.sensitivity.seed);
    // A low above the amount is refused with the reason, and nothing is stored.
    await row.getByLabel(/^High,/).fill('1');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(async () => (await row.getByRole('alert').textContent()) ?? '')
      .toMatch(/low ≤ amount ≤ high/);
    expect(
      app.ws.db.prepare('SELECT count(*) FROM benefit_edits WHERE benefit_id = ?').pluck().get(line.id),
    ).toBe(1);
    await page
      .locator('section.panel', {
        has: page.getByRole('table', { name: 'Benefit lines and their assumptions' }),
      })
      .screenshot({ path: outputPath('e2e', 'sensitivity-initiative-panel.png') });
    await shot(page, 'sensitivity-initiative', { fullPage: false });
    // The break-even tile states the initiative's figure.
    const tile = page.locator('.tile', { hasText: 'Break-even' });
    expect(await tile.textContent()).toContain('before cumulative ROI is 0');
    expect(errors.filter((e) => !/400|Bad Request/.test(e))).toEqual([]);
    await context.close();
  });
});
