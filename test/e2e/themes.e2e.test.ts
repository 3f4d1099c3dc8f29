import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartsDrawn, go, openApp, SAMPLES, seriousA11yViolations, shot, startApp } from './support';

/**
 * Issue #19 item 1: every screen, and the states a user lands in (the import wizard's preview, an open
 * explanation, the scorecard's edit dialog), has no serious or critical axe-core violation in the light and
 * the dark scheme — colour contrast included.
 */
let app: Awaited<ReturnType<typeof startApp>>;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

const SAMPLE = path.join(
  SAMPLES,
  'vendors/anthropic_console_cost_export_claude_api_cost_2026_02_08_to_2026_02_15.csv',
);

/** Each state: how to reach it from the app's start, and the element that says it is shown. */
const STATES: { name: string; open(page: Page): Promise<void> }[] = [
  { name: 'dashboard', open: (p) => screen(p, 'dashboard', 'dashboard') },
  { name: 'import', open: (p) => screen(p, 'import', 'batches') },
  { name: 'scorecard', open: (p) => screen(p, 'scorecard', 'scorecard') },
  { name: 'initiatives', open: (p) => screen(p, 'initiatives', 'initiatives-table') },
  {
    name: 'initiative-detail',
    open: async (p) => {
      await screen(p, 'initiatives', 'initiatives-table');
      await p.getByTestId('initiatives-table').getByRole('link').first().click();
      await p.getByTestId('initiative-cost').waitFor();
      await chartsDrawn(p);
    },
  },
  { name: 'budget', open: (p) => screen(p, 'budget', 'budget') },
  { name: 'narrative', open: (p) => screen(p, 'narrative', 'narrative') },
  {
    name: 'pack',
    open: async (p) => {
      await go(p, 'pack');
      await p.locator('.pack-preview, [aria-labelledby="preview-title"]').first().waitFor();
      await p.getByRole('heading', { name: 'Preview of the pages' }).waitFor();
    },
  },
  {
    name: 'settings',
    open: async (p) => {
      await go(p, 'settings');
      await p.getByRole('button', { name: 'Save settings' }).waitFor();
    },
  },
  {
    name: 'import-preview',
    open: async (p) => {
      await go(p, 'import');
      await p.getByTestId('file-input').setInputFiles(SAMPLE);
      await expect.poll(() => p.getByTestId('detected-format').textContent()).toBeTruthy();
      await p.getByTestId('sample').waitFor();
    },
  },
  {
    name: 'explanation',
    open: async (p) => {
      await screen(p, 'dashboard', 'dashboard');
      await p.locator('button[data-explain="portfolio.cost"]').click();
      await p.getByTestId('explain-drawer').waitFor();
    },
  },
  {
    // A KPI value's explanation, with the quarter's commentary on it.
    name: 'kpi-explanation',
    open: async (p) => {
      await screen(p, 'scorecard', 'scorecard');
      await p.getByTestId('kpi-value-time_to_production_days').click();
      await p.getByTestId('explain-commentary').waitFor();
    },
  },
  {
    name: 'scorecard-edit',
    open: async (p) => {
      await screen(p, 'scorecard', 'scorecard');
      await p
        .getByRole('button', { name: /^Edit / })
        .first()
        .click();
      await p.locator('dialog.modal[open]').waitFor();
    },
  },
];

async function screen(page: Page, id: string, testId: string): Promise<void> {
  await go(page, id);
  await page.getByTestId(testId).waitFor();
  await chartsDrawn(page);
}

describe.each(['light', 'dark'] as const)('%s scheme', (scheme) => {
  it.each(STATES.map((s) => s.name))('%s has no serious or critical axe-core violation', async (name) => {
    const state = STATES.find((s) => s.name === name)!;
    const { page, context, errors } = await openApp(app.browser, app.ctx.bridge.launchUrl, {
      bypassCSP: true,
      colorScheme: scheme,
    });
    await state.open(page);
    await shot(page, `theme-${scheme}-${name}`, { fullPage: false });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
