import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { go, openApp, shot, startApp } from './support';

let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const PERIOD = 'FY2026-Q3';

describe('an under-spend beyond tolerance reads as under budget, in Chromium', () => {
  it('on the budget screen and the pack pages: its own words, mark and colour, apart from an over-spend', async () => {
    const report = await app.report(PERIOD);
    const rows = report.budget.byCategory;
    const under = rows.find((c) => c.status === 'red' && c.variance.micro < 0)!;
    const over = rows.find((c) => c.status === 'red' && c.variance.micro > 0)!;
    expect(under && over).toBeTruthy();

    const { page, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl);
    await page.getByLabel('Fiscal quarter').selectOption(PERIOD);
    await go(page, 'budget');
    const table = page.getByRole('table', { name: 'Budget vs actual by category' });
    await table.waitFor();
    const badge = (label: string) => table.getByRole('row').filter({ hasText: label }).locator('.status');
    const underBadge = badge(under.label);
    const overBadge = badge(over.label);
    expect(await underBadge.innerText()).toBe('Under budget');
    expect(await underBadge.getAttribute('data-budget-side')).toBe('under');
    expect(await overBadge.innerText()).toBe('Over budget');
    expect(await overBadge.getAttribute('data-budget-side')).toBe('over');
    const colour = (l: typeof underBadge) => l.evaluate((e) => getComputedStyle(e).color);
    expect(await colour(underBadge)).not.toBe(await colour(overBadge));
    // The marks point opposite ways (▼ under, ▲ over).
    const points = (l: typeof underBadge) => l.locator('polygon').getAttribute('points');
    expect(await points(underBadge)).toBe('0.4,0.5 9.6,0.5 5,9.5');
    expect(await points(overBadge)).toBe('5,0.5 9.6,9.5 0.4,9.5');
    await table.scrollIntoViewIfNeeded();
    await shot(page, 'ui-budget-under', { fullPage: false });

    // The pack's pages (the preview draws them) say the same.
    await go(page, 'pack');
    const preview = page.locator('.pack-preview');
    await preview.locator('[data-budget-side="under"]').first().waitFor({ timeout: 60_000 });
    const sides = await preview
      .locator('#spend-budget [data-budget-side]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-budget-side')}:${e.textContent}`));
    expect(sides).toContain('under:Under budget');
    expect(sides).toContain('over:Over budget');
    expect(errors).toEqual([]);
  }, 180_000);
});
