import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../shared/report';
import { go, openApp, seriousA11yViolations, shot, startApp } from './support';

const ID = 'model_adoption_rate';
const NAME = 'Model/Feature Adoption Rate';

describe('a KPI target raised from a quarter, in Chromium (demo workspace)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let q2Before: ReportModel;
  beforeAll(async () => {
    app = await startApp();
    q2Before = await app.report('FY2026-Q2');
  }, 120_000);
  afterAll(async () => app?.stop());

  it('the edit asks from which quarter (default: the quarter shown); Q3 shows the marker, Q2 keeps its target and status', async () => {
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
    });
    await go(page, 'scorecard');
    await page.getByTestId(`kpi-target-${ID}`).waitFor();
    expect(await page.getByTestId(`kpi-target-${ID}`).textContent()).toBe('≥ 50.0%');
    await page.getByRole('button', { name: `Edit ${NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${NAME}` });
    await dialog.waitFor();
    const from = dialog.getByLabel('Target takes effect from');
    expect(await from.inputValue()).toBe('FY2026-Q3');
    expect(await from.locator('option').allTextContents()).toContain('FY2026-Q4');
    await dialog.getByLabel(/Target \(green from\)/).fill('60');
    await shot(page, 'ui-kpi-target-from', { fullPage: false });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save KPI' }).click();
    await dialog.waitFor({ state: 'detached' });

    const q3 = await app.report('FY2026-Q3');
    const k3 = q3.kpis.find((k) => k.id === ID)!;
    expect(k3.target).toBe(0.6);
    expect(k3.targetChange).toMatchObject({
      from: { target: 0.5 },
      to: { target: 0.6 },
      effectiveFrom: 'FY2026-Q3',
    });
    const marker = page.getByTestId(`target-changed-${ID}`);
    await marker.waitFor();
    expect(await marker.getAttribute('title')).toBe(
      'Target changed this quarter: 50.0% → 60.0% (in force from FY2026-Q3; earlier quarters keep 50.0%)',
    );
    expect(await page.getByTestId(`kpi-target-${ID}`).textContent()).toBe('≥ 60.0%');
    await expect
      .poll(() => page.getByTestId(`kpi-status-${ID}`).locator('[data-status]').getAttribute('data-status'))
      .toBe(k3.status);
    await marker.scrollIntoViewIfNeeded();
    await shot(page, 'ui-kpi-target-changed', { fullPage: false });

    // The quarter before: its own target, its own status, no marker.
    await page.getByLabel('Fiscal quarter').selectOption('FY2026-Q2');
    await expect.poll(() => page.getByTestId(`kpi-target-${ID}`).textContent()).toBe('≥ 50.0%');
    const was = q2Before.kpis.find((k) => k.id === ID)!;
    await expect
      .poll(() => page.getByTestId(`kpi-status-${ID}`).locator('[data-status]').getAttribute('data-status'))
      .toBe(was.status);
    expect(await page.getByTestId(`target-changed-${ID}`).count()).toBe(0);
    const q2 = await app.report('FY2026-Q2');
    expect(q2.kpis.find((k) => k.id === ID)).toMatchObject({ target: was.target, status: was.status });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
