import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commentary } from '../../shared/api';
import type { PackExportResult } from '../../shared/export/packTypes';
import { execFileSync } from 'node:child_process';
import { go, openApp, seriousA11yViolations, shot, startApp } from './support';

/**
 * Issue #19 item 4: the scorecard's Edit dialog edits the KPI's commentary for the quarter shown, through
 * the commentary API; the text is then on the scorecard, in the KPI value's explanation, on the Narrative
 * screen and in the exported PDF.
 */
let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const PERIOD = 'FY2026-Q3';

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await app.ctx.service.call(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.result as T;
}

async function kpiCommentary(id: string): Promise<string | undefined> {
  const list = await call<Commentary[]>('commentary.list', { period: PERIOD });
  return list.find((c) => c.scope === 'kpi' && c.ref === id)?.body;
}

describe("the scorecard's Edit dialog and the KPI's commentary", () => {
  it('writes the quarter’s commentary where the problem is seen, and it shows everywhere', async () => {
    const report = await app.report(PERIOD);
    const kpi = report.kpis.find((k) => k.id === 'incident_count')!;
    expect(kpi.status).toBe('red');
    await call('commentary.set', { period: PERIOD, scope: 'kpi', ref: kpi.id, body: '' });

    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
    });
    await go(page, 'scorecard');
    const row = page.locator(`[data-kpi="${kpi.id}"]`);
    await expect.poll(() => row.textContent()).toContain('Needs commentary');

    await page.getByRole('button', { name: `Edit ${kpi.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${kpi.name}` });
    await dialog.waitFor();
    const field = dialog.getByLabel(`Commentary for ${PERIOD}`);
    expect(await field.inputValue()).toBe('');
    // Off track with nothing written: flagged in the dialog as on the Narrative screen.
    expect(await dialog.textContent()).toContain('Off track and no commentary');
    const text =
      'Six minor incidents, all contained within the SLO; the release checklist now gates prompts.';
    await field.fill(text);
    await shot(page, 'ui-kpi-edit-commentary', { fullPage: false });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save KPI' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Stored through the commentary API, for this KPI and quarter.
    expect(await kpiCommentary(kpi.id)).toBe(text);
    // On the scorecard beside the KPI.
    await expect.poll(() => row.textContent()).toContain('Six minor incidents');
    expect(await row.textContent()).not.toContain('Needs commentary');
    // In the explanation of the KPI's value.
    await page.getByTestId(`kpi-value-${kpi.id}`).click();
    await page.getByTestId('explain-drawer').waitFor();
    expect(await page.getByTestId('explain-commentary').textContent()).toBe(`Commentary, ${PERIOD}${text}`);
    await page.keyboard.press('Escape');

    // Opening the dialog again shows it; a change there is stored, an unchanged save leaves it alone.
    await page.getByRole('button', { name: `Edit ${kpi.name}` }).click();
    expect(await dialog.getByLabel(`Commentary for ${PERIOD}`).inputValue()).toBe(text);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await kpiCommentary(kpi.id)).toBe(text);

    // The Narrative screen edits the same text.
    await go(page, 'narrative');
    await page.getByTestId('narrative').waitFor();
    expect(await page.getByLabel(`Commentary on ${kpi.name}`, { exact: true }).inputValue()).toBe(text);

    // And the pack prints it beside the KPI.
    const result = await call<PackExportResult>('pack.export', {
      period: PERIOD,
      pdf: true,
      xlsx: false,
      allowUncommentedRed: true,
      packDate: '2026-10-12',
    });
    // In reading order (not -layout, which interleaves the wrapped lines of neighbouring cells).
    const pdf = execFileSync('pdftotext', [result.files.find((f) => f.kind === 'pdf')!.path, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(pdf).toContain(text);
    expect(errors).toEqual([]);
    await context.close();
  });
});
