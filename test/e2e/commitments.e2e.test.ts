import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../shared/format/money';
import type { ReportModel } from '../../shared/report';
import { openApp, shot, startApp, usd } from './support';

describe('commitments tile (demo workspace, real Chromium)', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let report: ReportModel;
  beforeAll(async () => {
    app = await startApp();
    report = await app.report('FY2026-Q3');
  }, 120_000);
  afterAll(async () => app?.stop());

  it('lists each commitment, worst first, with its remaining amount and outlook as the model has them', async () => {
    expect(report.commitments.length).toBeGreaterThan(0);
    const { page, errors, context } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    const tile = page.getByTestId('tile-commitments');
    await tile.waitFor();
    const warnings = report.commitments.filter((c) => c.warning !== null).length;
    expect(await tile.locator('.status').first().textContent()).toBe(
      warnings === 0 ? 'On track' : `${warnings} to act on`,
    );
    const lines = (await tile.getByTestId('commitment-line').allTextContents()).map((l) => l.trim());
    expect(lines).toHaveLength(report.commitments.length);
    for (const c of report.commitments) {
      const line = lines.find((l) => l.startsWith(`${c.vendor}:`))!;
      expect(line).toContain(usd(c.remaining.micro));
      expect(line).toContain(' left · ');
      if (c.outcome === 'runs_out_early') expect(line).toContain(`Runs out ${c.runOutDate}`);
      // The outlook is words (whole units); the amount beside it keeps the cents.
      if (c.outcome === 'under_used')
        expect(line).toContain(`${money(c.projectedUnused.micro, 'USD', { precision: 'units' })} (`);
    }
    // Red (runs out early, overrun) before amber (under-used).
    const order = lines.map((l) => report.commitments.find((c) => l.startsWith(`${c.vendor}:`))!.outcome);
    expect(order.indexOf('under_used')).toBeGreaterThan(order.lastIndexOf('runs_out_early'));
    // The tile fits: nothing to scroll sideways.
    expect(await tile.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await tile.scrollIntoViewIfNeeded();
    await shot(page, 'commitments-tile', { fullPage: false });

    const anthropic = report.commitments.find((c) => c.vendor === 'Anthropic')!;
    await tile.getByRole('button', { name: /Anthropic outlook/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('daily rate');
    expect(text).toContain(anthropic.warning!);
    await shot(page, 'commitments-explained', { fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
