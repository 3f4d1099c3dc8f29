import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../shared/report';
import { go, openApp, shot, startApp, usd } from './support';

describe('forecast range and track record on screen (demo workspace, real Chromium)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let report: ReportModel;
  beforeAll(async () => {
    app = await startApp();
    report = await app.report('FY2026-Q3');
  }, 120_000);
  afterAll(async () => app?.stop());

  it('the dashboard and the budget screen show the 80% range as the model has it, with its bar and explanation', async () => {
    const range = report.budget.forecastRange!;
    expect(range).not.toBeNull();
    const { page, errors, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await page.getByTestId('tile-forecast').waitFor();
    const tile = page.getByTestId('forecast-range').first();
    expect(await tile.textContent()).toContain('80% range');
    expect(await page.getByTestId('forecast-range-bar').first().getAttribute('aria-label')).toContain(
      `forecast ${usd(report.budget.forecastYearEnd.micro)}`,
    );
    await shot(page, 'forecast-dashboard', { fullPage: false });

    await go(page, 'budget');
    await page.getByTestId('budget').waitFor();
    expect(await page.getByTestId('forecast-range-low').textContent()).toBe(usd(range.low.micro));
    expect(await page.getByTestId('forecast-range-high').textContent()).toBe(usd(range.high.micro));
    await page.getByTestId('forecast-range-low').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('sample standard deviation');
    await shot(page, 'forecast-range-explained', { fullPage: false });
    await page.keyboard.press('Escape');

    const table = page.getByTestId('forecast-track-record');
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(report.budget.forecastTrackRecord.length);
    report.budget.forecastTrackRecord.forEach((t, i) => {
      expect(rows[i]).toContain(t.asOf);
      expect(rows[i]).toContain(usd(t.forecastYearEnd.micro));
      if (t.actualYearEnd) expect(rows[i]).toContain(usd(t.actualYearEnd.micro));
      else expect(rows[i]).toContain('not over');
      expect(rows[i]).toContain(t.period);
    });
    // The table fits its panel: nothing to scroll sideways.
    const panel = table.locator('xpath=ancestor::section[contains(@class,"panel")]');
    expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await shot(page, 'forecast-track-record', { fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
