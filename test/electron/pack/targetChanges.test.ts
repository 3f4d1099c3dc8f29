/**
 * A target raised from the pack's quarter, in the pack: "changes since the last pack" lists it apart from
 * performance, the scorecard says what the target was, the workbook's target cell notes it (demo workspace,
 * the print view rendered by React, the workbook written and read back).
 */
import ExcelJS from 'exceljs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPackData } from '../../../electron/pack/data';
import { buildWorkbook } from '../../../electron/pack/xlsx/workbook';
import { updateKpi } from '../../../electron/store/kpis';
import type { PackData } from '../../../shared/export/packTypes';
import { PackDocument } from '../../../renderer/src/print/PackDocument';
import { tempWorkspace } from '../../helpers/tempWorkspace';

const PERIOD = 'FY2026-Q3';
const ID = 'model_adoption_rate';

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('a target change in the pack', () => {
  const ws = tempWorkspace({ demo: true });
  let data: PackData;
  let html: string;
  beforeAll(() => {
    // 46.5% this quarter: amber against 50% (amber 30%); red against 60% (amber 47%).
    updateKpi(
      ws.db,
      ID,
      { target: 0.6, amber: 0.47 },
      { effectiveFrom: PERIOD, note: 'Raised by the board' },
    );
    data = loadPackData(ws.db, PERIOD);
    html = renderToStaticMarkup(createElement(PackDocument, { data, packDate: '2026-10-12' }));
  });
  afterAll(() => ws.close());

  it('changes since the last pack: a target change row; a status change it alone caused is not under performance', () => {
    const t = data.changes.targetChanges.find((c) => c.id === ID)!;
    expect(t).toMatchObject({
      from: { target: 0.5, amber: 0.3 },
      to: { target: 0.6, amber: 0.47 },
      effectiveFrom: PERIOD,
    });
    const start = html.indexOf('id="changes"');
    const section = html.slice(start, html.indexOf('</section>', start));
    const row = section.match(new RegExp(`<tr data-target-change="${ID}">.*?</tr>`, 's'))![0];
    expect(text(row)).toContain('50.0% (amber 30.0%) → 60.0% (amber 47.0%)');
    expect(text(row)).toContain('Raised by the board');
    expect(text(row)).toContain(PERIOD);
    const name = data.report.kpis.find((k) => k.id === ID)!.name;
    // This quarter's 46.5% against the old target (50%, amber 30%) is amber, as Q2 was: the target's doing.
    expect(t.statusCause).toBe('target');
    expect(data.changes.statusChanges.find((s) => s.id === ID)?.cause).toBe('target');
    expect(text(row)).toContain('Status changed because the target changed');
    expect(section.slice(0, section.indexOf('Target changes'))).not.toContain(name);
  });

  it('the scorecard prints the new target with the one before it', () => {
    const cell = html.match(new RegExp(`<div class="target-was" data-target-was="${ID}">(.*?)</div>`))![1];
    expect(text(cell!)).toBe(`was 50.0% to ${data.report.period.previous}`);
  });

  it("the workbook's scorecard target cell is this quarter's, with a note of the change", async () => {
    const buffer = await buildWorkbook(data, {}, '2026-10-12');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Scorecard')!;
    let found = false;
    sheet.eachRow((row) => {
      if (row.getCell(2).value !== data.report.kpis.find((k) => k.id === ID)!.name) return;
      found = true;
      expect(row.getCell(5).value).toBe(0.6);
      expect(String(row.getCell(5).note)).toContain(`Target changed in ${PERIOD}: was 0.5 (amber 0.3)`);
    });
    expect(found).toBe(true);
  });
});
