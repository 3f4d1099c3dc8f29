import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commentary } from '../../shared/api';
import type { KpiDefinition } from '../../shared/domain';
import { go, openApp, seriousA11yViolations, shot, startApp } from './support';
import { draftSummary } from '../../shared/narrative/draftSummary';

let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await app.ctx.service.call(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.result as T;
}

describe('editing in Chromium', () => {
  it('editing a KPI target changes its status on the scorecard and is stored', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
    });
    await go(page, 'scorecard');
    const status = page.getByTestId('kpi-status-model_adoption_rate').locator('[data-status]');
    await expect.poll(() => status.getAttribute('data-status')).toBe('amber');

    await page.getByRole('button', { name: 'Edit Model/Feature Adoption Rate' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Model/Feature Adoption Rate' });
    await dialog.waitFor();
    // Ratios are edited as percentages: 50 → 40 puts the 46.5% value above target.
    const target = dialog.getByLabel(/Target \(green from\)/);
    expect(await target.inputValue()).toBe('50');
    // A threshold on the wrong side is explained, not sent.
    await dialog.getByLabel(/Amber threshold/).fill('45');
    await target.fill('40');
    await expect.poll(() => dialog.textContent()).toContain('must not be above the target');
    await dialog.getByLabel(/Amber threshold/).fill('30');
    await dialog.getByLabel('Owner').fill('Priya Raman');
    await shot(page, 'ui-kpi-edit', { fullPage: false });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save KPI' }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => status.getAttribute('data-status')).toBe('green');
    expect(await page.getByTestId('kpi-target-model_adoption_rate').textContent()).toBe('≥ 40.0%');
    const kpis = await call<KpiDefinition[]>('kpis.list', {});
    const k = kpis.find((x) => x.id === 'model_adoption_rate')!;
    expect(k.target).toBe(0.4);
    expect(k.owner).toBe('Priya Raman');
    const report = await app.report('FY2026-Q3');
    expect(report.kpis.find((x) => x.id === 'model_adoption_rate')!.status).toBe('green');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('adds a custom KPI', async () => {
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, 'scorecard');
    await page.getByRole('button', { name: '+ Add custom KPI' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a custom KPI' });
    // The identifier is made from the name until it is edited.
    await dialog.getByLabel('Name', { exact: true }).fill('Internal NPS for AI tools');
    expect(await dialog.getByLabel('Identifier').inputValue()).toBe('internal_nps_for_ai_tools');
    await dialog.getByLabel('Identifier').fill('internal_nps');
    await dialog.getByLabel('Name', { exact: true }).fill('Internal NPS (AI tools)');
    expect(await dialog.getByLabel('Identifier').inputValue()).toBe('internal_nps');
    await dialog.getByLabel('Unit').selectOption('score');
    await dialog.getByLabel(/Target \(green from\)/).fill('30');
    await dialog.getByLabel(/Amber threshold/).fill('10');
    await dialog.getByRole('button', { name: 'Add KPI' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-kpi="internal_nps"]').count()).toBe(1);
    expect(await page.getByTestId('kpi-status-internal_nps').textContent()).toContain('No data');
    await context.close();
  });

  it('commentary and the drafted executive summary persist after a reload; red KPIs without commentary are flagged', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    // Start from a red KPI without commentary.
    await call('commentary.set', { period: 'FY2026-Q3', scope: 'kpi', ref: 'incident_count', body: '' });
    await go(page, 'narrative');
    await page.getByTestId('narrative').waitFor();
    await expect
      .poll(() => page.getByTestId('narrative-missing').textContent())
      .toContain('Incident Rate (AI-caused) is off track');

    const field = page.getByLabel('Commentary on Incident Rate (AI-caused)', { exact: true });
    await field.fill('Six minor incidents, all contained; root cause fixed in the release process.');
    await field.blur();
    await expect
      .poll(() => page.getByTestId('narrative-missing').textContent())
      .not.toContain('Incident Rate');

    // The summary is drafted from the report model, deterministically, then edited and saved.
    const report = await app.report('FY2026-Q3');
    await page.getByRole('button', { name: /Draft from the figures/ }).click();
    const summary = page.getByLabel('Summary for the board');
    expect(await summary.inputValue()).toBe(draftSummary(report));
    await summary.press('End');
    await summary.type('\n\nWe ask the board to approve the model API budget increase.');
    await summary.press('Control+Enter');
    await expect.poll(() => page.locator('.summary-editor [role="status"]').textContent()).toContain('Saved');
    await shot(page, 'ui-narrative-edited');

    await page.reload();
    await page.getByTestId('narrative').waitFor();
    expect(
      await page.getByLabel('Commentary on Incident Rate (AI-caused)', { exact: true }).inputValue(),
    ).toBe('Six minor incidents, all contained; root cause fixed in the release process.');
    expect(await page.getByLabel('Summary for the board').inputValue()).toContain(
      'approve the model API budget increase',
    );
    const stored = await call<Commentary[]>('commentary.list', { period: 'FY2026-Q3' });
    expect(stored.find((c) => c.scope === 'summary')!.body.startsWith(draftSummary(report))).toBe(true);
    // The scorecard shows the commentary next to the KPI.
    await go(page, 'scorecard');
    await expect
      .poll(() => page.locator('[data-kpi="incident_count"]').textContent())
      .toContain('Six minor incidents');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('settings: every field saves; a new company name reaches the top bar', async () => {
    const { page, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await go(page, 'settings');
    await page.getByLabel('Company name (pack cover)').fill('Contoso Group');
    await page.getByLabel(/Green up to/).fill('4');
    await page.getByLabel(/Discount rate for NPV/).fill('8');
    await page.getByLabel('FOCUS cost basis').selectOption('billed');
    await page.getByLabel('Time zone for timestamps').selectOption('Europe/Berlin');
    // A PNG logo as a data URL.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await page
      .locator('.logo-field input[type="file"]')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('img', { name: 'Current logo' }).waitFor();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByText('Saved. Figures now use these settings.').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('workspace-name').locator('..').textContent())
      .toContain('Contoso Group');
    const s = await call<Record<string, unknown>>('settings.get', {});
    expect(s).toMatchObject({
      companyName: 'Contoso Group',
      varianceGreen: 0.04,
      discountRate: 0.08,
      focusCostBasis: 'billed',
      importTimeZone: 'Europe/Berlin',
    });
    expect(String(s.logoDataUrl)).toMatch(/^data:image\/png;base64,/);
    // The plausible years imports and reports keep to: saved, and an inverted range explained, not sent.
    await page.getByLabel(/Plausible dates to/).fill('2030');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => (await call<{ latestYear: number }>('settings.get', {})).latestYear)
      .toBe(2030);
    await page.getByLabel(/Plausible dates from/).fill('2031');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByText('Not before the earliest year.').count()).toBe(1);
    await page.getByLabel(/Plausible dates from/).fill('1990');
    await page.getByLabel(/Plausible dates to/).fill('2100');
    // Invalid input is explained next to the field and not sent.
    await page.getByLabel(/Amber up to/).fill('2');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => page.getByText('The amber threshold must be at least the green one.').count())
      .toBe(1);
    await context.close();
  });
});
