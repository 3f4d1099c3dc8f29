/**
 * The print view's content, rendered by React to static HTML from a real demo workspace's pack data
 * (the same components the PDF prints; layout and charts are checked in Chromium elsewhere).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackData } from '../../shared/export/packTypes';
import { createService } from '../../electron/service/service';
import { UploadStore } from '../../electron/service/uploads';
import { PackDocument } from '../../renderer/src/print/PackDocument';
import { tempWorkspace } from '../helpers/tempWorkspace';

const PERIOD = 'FY2026-Q3';

/** The pack's HTML for `data`. */
function render(data: PackData): string {
  return renderToStaticMarkup(createElement(PackDocument, { data, packDate: '2026-10-12' }));
}

/** The visible text of an HTML fragment, whitespace collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The HTML of the pack section with this id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section class="pack-section`, html.indexOf(`id="${id}"`) - 60);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

/** The table row (<tr>…</tr>) whose first cell starts with `label`. */
function row(html: string, label: string): string {
  const rows = html.match(/<tr[^>]*>.*?<\/tr>/gs) ?? [];
  const found = rows.find((r) => text(r).startsWith(label));
  expect(found, `row ${label}`).toBeDefined();
  return found!;
}

const ws = tempWorkspace({ demo: true });
let data: PackData;
let html: string;
beforeAll(async () => {
  const r = await createService({ ws, uploads: new UploadStore() }).call('pack.data', { period: PERIOD });
  if (!r.ok) throw new Error(r.error.message);
  data = r.result as PackData;
  html = render(data);
});
afterAll(() => ws.close());

describe('KPI values in the pack', () => {
  it('a KPI with a target below 1% shows 3 decimals: value, target (scorecard and risk tables)', () => {
    for (const id of ['kpi-scorecard', 'risk-governance']) {
      const r = text(row(section(html, id), 'Safety Violation Rate'));
      expect(r).toContain('0.098%');
      expect(r).toContain('max 0.100%');
    }
    expect(text(row(section(html, 'appendix-definitions'), 'Safety Violation Rate'))).toContain('max 0.100%');
    // Other ratio KPIs keep one decimal.
    expect(text(row(section(html, 'kpi-scorecard'), 'Support Deflection'))).toContain('18.6% min 15.0%');
  });
});
