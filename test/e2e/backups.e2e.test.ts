import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatch } from '../../shared/domain';
import { go, openApp, seriousA11yViolations, shot, startApp, usd } from './support';

const PERIOD = 'FY2026-Q3';

let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('backups in Chromium', () => {
  it('an undone batch comes back by restoring the backup taken before the undo, from Settings', async () => {
    const before = await app.report(PERIOD);
    const list = await app.ctx.service.call('batches.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const spend = (list.result as ImportBatch[]).find((b) => b.kind === 'spend')!;
    const undo = await app.ctx.service.call('batches.undo', { id: spend.id });
    expect(undo.ok).toBe(true);
    expect((await app.report(PERIOD)).portfolio.cost.micro).toBe(0);
    // A setting changed after the backup: the restore takes it back too, and the form must show that.
    const beforeName = (await app.ctx.service.call('settings.get', {})) as {
      ok: true;
      result: { companyName: string };
    };
    expect(
      (await app.ctx.service.call('settings.update', { patch: { companyName: 'Renamed Ltd' } })).ok,
    ).toBe(true);

    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
    });
    await page.getByLabel('Fiscal quarter').selectOption(PERIOD);
    await go(page, 'settings');
    const table = page.getByRole('table', { name: 'Backups of this workspace' });
    const row = table.getByRole('row').filter({ hasText: 'Before an undo' });
    await expect.poll(() => row.count()).toBe(1);
    await shot(page, 'ui-settings-backups');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Restoring asks first; cancelling leaves everything as it was.
    await row.getByRole('button', { name: 'Restore…' }).click();
    await row.getByRole('button', { name: 'Cancel' }).click();
    expect((await app.report(PERIOD)).portfolio.cost.micro).toBe(0);

    await row.getByRole('button', { name: 'Restore…' }).click();
    await row.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Restored the workspace' }).count())
      .toBe(1);
    // The workspace is back as it was before the undo, on the screens too; the replaced state was kept.
    expect((await app.report(PERIOD)).portfolio.cost.micro).toBe(before.portfolio.cost.micro);
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Before a restore' }).count()).toBe(1);
    // The settings form starts again from the restored settings, and saving it keeps them.
    const company = page.getByLabel('Company name (pack cover)');
    await expect.poll(() => company.inputValue()).toBe(beforeName.result.companyName);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    const saved = (await app.ctx.service.call('settings.get', {})) as {
      ok: true;
      result: { companyName: string };
    };
    expect(saved.result.companyName).toBe(beforeName.result.companyName);
    await go(page, 'dashboard');
    await expect
      .poll(() => page.getByTestId('period-spend').textContent())
      .toBe(usd(before.portfolio.cost.micro));
    expect(errors).toEqual([]);
    await context.close();
  });
});
