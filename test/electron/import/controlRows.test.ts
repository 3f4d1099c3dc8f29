/**
 * Control rows (issue #13, item 6): totals and subtotals found by a whole-cell label in any cell (seven
 * languages) or by an amount equal to the rows above with the key fields empty; left out, listed, checked
 * exactly against the rows they cover; the file total reconciled against the imported sum, stored with the
 * batch and shown with the figures' source files; title blocks and footers skipped in CSV and XLSX alike.
 * Real data: Trafford's and Tameside's published council payments (test/fixtures/real), the first with its
 * total (expected.json, computed by compute_expected.py without the importer) written below it as a
 * finance system's report would.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportRejected } from '../../../shared/import/errors';
import { commitImport, previewImport } from '../../../electron/import/run';
import { buildReport } from '../../../electron/report/buildReport';
import { batchReconciliation } from '../../../electron/store/batches';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { describeReconciliation, isControlLabel } from '../../../shared/import/controlRows';
import { ImportMappingSchema } from '../../../shared/import/mapping';
import { parseCsvIndependently } from '../../helpers/csv';
import { independentCentsSum, independentMicroSum, tempWorkspace, writeFile } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const REAL = path.join(ROOT, 'test/fixtures/real');

let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});
function open(currency = 'EUR'): WritableWorkspace & { dir: string } {
  ws = tempWorkspace({ currency, fiscalStartMonth: 1 });
  return ws;
}

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

function storedLines(w: WritableWorkspace): [number, number, string | null][] {
  return w.db
    .prepare('SELECT source_row, amount_micro, vendor FROM spend ORDER BY source_row')
    .raw()
    .all() as [number, number, string | null][];
}

function storedSum(w: WritableWorkspace): bigint {
  return BigInt(w.db.prepare('SELECT coalesce(sum(amount_micro), 0) FROM spend').pluck().get() as number);
}

describe('a total label is the whole cell, in any of the seven languages', () => {
  it.each([
    'Total',
    'TOTAL:',
    'Grand total',
    'Subtotal',
    'Sub-total',
    '*** Total ***',
    'Total EUR',
    'Total 2024',
    'Total for Q3',
    'Summe',
    'Gesamt',
    'Gesamtsumme',
    'Zwischensumme:',
    'Gesamtergebnis',
    'Total général',
    'Sous-total',
    'Total HT',
    'Totale',
    'Subtotale',
    'Totale complessivo',
    'Totaal',
    'Subtotaal',
    'Totaal generaal',
    'Soma',
    'Total geral',
    'Suma total',
    'Copilot Total',
    'Marketing Ergebnis',
  ])('%s is a label', (text) => expect(isControlLabel(text)).toBe(true));

  it.each([
    'Total Wine & More',
    'TotalEnergies',
    'Total Gas & Power',
    'CHADDERTON TOTAL CAREUNIT LTD',
    'Totally Awesome Ltd',
    'Summer campaign',
    'Some vendor',
    'Totals Inc. consulting services',
    'Total cost of ownership study',
    '',
  ])('%s is not', (text) => expect(isControlLabel(text)).toBe(false));
});

/** A German ERP export: title block, decimal comma, a pivot subtotal, a "Zwischensumme:", an unlabelled grand total, a footer. */
const GERMAN = [
  'Kostenbericht KI-Ausgaben;;;;',
  'Mandant 1000 – Geschäftsjahr 2026;;;;',
  ';;;;',
  'Datum;Lieferant;Beschreibung;Initiative;Betrag',
  '05.01.2026;OpenAI;API-Nutzung;Copilot;1.234,56',
  '09.01.2026;Total Wine & More;Teamessen;Copilot;50,05',
  ';;;Copilot Summe;1.284,61',
  '12.02.2026;TotalEnergies;Strom;Support bot;99,99',
  '14.02.2026;Anthropic;API;Support bot;2.000,00',
  'Zwischensumme:;;;;2.099,99',
  ';;;;3.384,60',
  ';;;;',
  'Erstellt mit SAP S/4HANA am 01.04.2026;;;;',
  '',
].join('\r\n');

describe('CSV: title block, subtotal ladder, a total without a label, a vendor called "Total …", a footer', () => {
  it('leaves the control rows and the footer out, checks each exactly, stores the file total with the batch', async () => {
    const w = open('EUR');
    const file = writeFile(w.dir, 'kosten.csv', GERMAN);
    const p = await previewImport(w.db, { path: file, name: 'kosten.csv' });
    expect(p.headerRow).toBe(4);
    expect(p.counts).toMatchObject({ dataRows: 7, valid: 4, invalid: 0, totalRowsExcluded: 3, records: 4 });
    expect(p.totals).toEqual([{ currency: 'EUR', micro: '3384600000', cents: '3384.60' }]);
    const rec = p.reconciliation;
    expect(rec.controlRows).toEqual([
      expect.objectContaining({
        row: 7,
        label: 'Copilot Summe',
        level: 'subtotal',
        fromRow: 5,
        toRow: 6,
        reconciles: true,
      }),
      expect.objectContaining({
        row: 10,
        label: 'Zwischensumme:',
        level: 'subtotal',
        fromRow: 8,
        toRow: 9,
        reconciles: true,
      }),
      expect.objectContaining({
        row: 11,
        label: null,
        level: 'total',
        fromRow: 5,
        toRow: 9,
        reconciles: true,
      }),
    ]);
    expect(rec.controlRows.map((c) => c.amount?.cents)).toEqual(['1284.61', '2099.99', '3384.60']);
    expect(rec.fileTotal).toEqual({
      row: 11,
      label: null,
      currency: 'EUR',
      file: { micro: '3384600000', cents: '3384.60' },
      imported: { micro: '3384600000', cents: '3384.60' },
      difference: { micro: '0', cents: '0.00' },
      reconciles: true,
    });
    expect(rec.footerRows).toEqual([{ row: 13, text: 'Erstellt mit SAP S/4HANA am 01.04.2026' }]);
    expect(p.canCommit).toBe(true);

    const s = await commitImport(w.db, { path: file, name: 'kosten.csv' });
    expect(s).toMatchObject({ rows: 4, sourceRows: 7, excluded: 3, total: 3384.6, currency: 'EUR' });
    // The vendors whose names contain the word are lines, stored as written.
    expect(storedLines(w)).toEqual([
      [5, 1_234_560_000, 'OpenAI'],
      [6, 50_050_000, 'Total Wine & More'],
      [8, 99_990_000, 'TotalEnergies'],
      [9, 2_000_000_000, 'Anthropic'],
    ]);
    // The stored sum, against the data rows' amounts summed here (the test's own decimal reader).
    const lines = GERMAN.split('\r\n');
    const amounts = [5, 6, 8, 9].map((n) =>
      lines[n - 1]!.split(';')[4]!.replace(/\./g, '').replace(',', '.'),
    );
    expect(storedSum(w)).toBe(independentMicroSum(amounts));
    expect(independentCentsSum(amounts)).toBe('3384.60');

    const stored = batchReconciliation(w.db, s.batch!);
    expect(stored).toEqual(s.reconciliation);
    expect(stored?.fileTotal?.reconciles).toBe(true);

    // The figures this batch feeds name the file, with its total reconciled.
    const report = buildReport(w.db, 'FY2026-Q1');
    const cost = report.explanations[report.portfolio.cost.explain]!;
    expect(cost.inputs.some((i) => i.batchIds.includes(s.batch!))).toBe(true);
    expect(report.batches[s.batch!]!.reconciliation).toBe(
      'file total 3,384.60 EUR = imported ✓ (2 subtotals ✓)',
    );
    expect(report.portfolio.cost.micro).toBe(3_384_600_000);
  });

  it('an unlabelled row that does not equal the rows above is no total: it stays an invalid row (nothing guessed)', async () => {
    const w = open('EUR');
    const file = writeFile(w.dir, 'kosten.csv', GERMAN.replace(';;;;3.384,60', ';;;;3.384,61'));
    const p = await previewImport(w.db, { path: file, name: 'kosten.csv' });
    expect(p.counts).toMatchObject({ valid: 4, invalid: 1, totalRowsExcluded: 2 });
    expect(p.reconciliation.fileTotal).toBeNull();
    expect(p.problems).toContainEqual(
      expect.objectContaining({ row: 11, column: 'Datum', code: 'required-empty' }),
    );
    expect(p.canCommit).toBe(false);
  });
});

describe('a total above the table', () => {
  it('is checked against every row below it', async () => {
    const w = open('USD');
    const csv = 'Date,Vendor,Amount\nGrand total,,30.03\n2026-03-01,OpenAI,10.01\n2026-03-02,AWS,20.02\n';
    const p = await previewImport(w.db, { path: writeFile(w.dir, 'top.csv', csv), name: 'top.csv' });
    expect(p.reconciliation.controlRows).toEqual([
      expect.objectContaining({ row: 2, level: 'total', fromRow: 3, toRow: 4, reconciles: true }),
    ]);
    expect(describeReconciliation(p.reconciliation)).toBe('file total 30.03 USD = imported ✓');
    const off = await previewImport(w.db, {
      path: writeFile(w.dir, 'top-off.csv', csv.replace('30.03', '30.00')),
      name: 'top-off.csv',
    });
    expect(off.reconciliation.fileTotal).toMatchObject({ reconciles: false, difference: { cents: '-0.03' } });
    expect(off.canCommit).toBe(false);
  });
});

describe('total rows that cannot be checked', () => {
  it('a "Total" row without an amount is left out and said not to be checked; a KPI table\'s total row is only left out', async () => {
    const w = open('USD');
    const spend = writeFile(w.dir, 's.csv', 'Date,Vendor,Amount\n2026-03-01,OpenAI,10.00\nTotal,,\n');
    const p = await previewImport(w.db, { path: spend, name: 's.csv' });
    expect(p.reconciliation.controlRows).toEqual([
      expect.objectContaining({ row: 3, label: 'Total', amount: null, reconciles: null }),
    ]);
    expect(describeReconciliation(p.reconciliation)).toBe(
      '1 total row left out, not checked (no amount to compare)',
    );
    expect(p.canCommit).toBe(true);
    const kpis = writeFile(w.dir, 'k.csv', 'KPI,Jan 2026,Feb 2026\nincident_count,1,2\nTotal,1,2\n');
    const k = await previewImport(w.db, { path: kpis, name: 'k.csv', as: 'kpis' });
    expect(k.counts.totalRowsExcluded).toBe(1);
    expect(k.reconciliation.controlRows).toEqual([]);
  });
});

describe('a total that does not match its rows', () => {
  const CSV = [
    'Date,Vendor,Amount,Currency',
    '2026-03-01,OpenAI,100.10,USD',
    '2026-03-02,AWS,200.20,USD',
    'Total,,300.40,USD',
    '',
  ].join('\n');

  it('refuses the file naming the difference; nothing is written; accepted on purpose, stores it with ✗', async () => {
    const w = open('USD');
    const file = writeFile(w.dir, 'off.csv', CSV);
    const p = await previewImport(w.db, { path: file, name: 'off.csv' });
    expect(p.reconciliation.fileTotal).toMatchObject({
      row: 4,
      label: 'Total',
      file: { cents: '300.40' },
      imported: { cents: '300.30' },
      difference: { micro: '100000', cents: '0.10' },
      reconciles: false,
    });
    expect(p.reconciliation.mismatches).toBe(1);
    expect(p.canCommit).toBe(false);
    expect(p.blockers).toEqual([
      "the file's own total (row 4) is 300.40 USD but the imported rows sum to 300.30 USD (difference 0.10 USD): check the file (rows left out, a filter in the export), or import it anyway on purpose",
    ]);
    const err = await commitImport(w.db, { path: file, name: 'off.csv' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as ImportRejected).problems).toContainEqual(
      expect.objectContaining({ row: 4, code: 'total-mismatch', severity: 'error' }),
    );
    expect(w.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
    expect(w.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);

    const s = await commitImport(w.db, { path: file, name: 'off.csv', acceptTotalMismatch: true });
    expect(storedSum(w)).toBe(300_300_000n);
    expect(batchReconciliation(w.db, s.batch!)?.fileTotal?.reconciles).toBe(false);
    expect(buildReport(w.db, 'FY2026-Q1').batches[s.batch!]!.reconciliation).toBe(
      'file total 300.40 USD ≠ imported 300.30 USD: difference 0.10 USD ✗',
    );
  });

  it('the CLI: --dry-run --json refuses with the reconciliation; the human preview warns; the flag imports it', () => {
    const w = open('USD');
    const file = writeFile(w.dir, 'off.csv', CSV);
    const db = path.join(w.dir, 'ws.sqlite');
    w.close();
    ws = null;
    const dry = cli('import', file, '--db', db, '--dry-run', '--json');
    expect(dry.status).not.toBe(0);
    const out = JSON.parse(dry.stdout) as {
      error: {
        problems: { code: string; row: number | null }[];
        reconciliation: { fileTotal: { difference: { cents: string } } };
      };
    };
    expect(out.error.problems).toContainEqual(expect.objectContaining({ code: 'total-mismatch', row: 4 }));
    expect(out.error.reconciliation.fileTotal.difference.cents).toBe('0.10');
    const human = cli('import', file, '--db', db, '--dry-run');
    expect(human.status).not.toBe(0);
    expect(human.stdout).toContain(
      'WARNING: file total 300.40 USD ≠ imported 300.30 USD: difference 0.10 USD ✗',
    );
    expect(human.stdout).toContain(
      'total row left out: row 4 "Total": the file says 300.40 USD, rows 2–3 imported sum to 300.30 USD: difference 0.10 USD ✗',
    );
    const ok = cli('import', file, '--db', db, '--json', '--accept-total-mismatch');
    expect(ok.status, ok.stderr).toBe(0);
    const summary = JSON.parse(ok.stdout) as {
      rows: number;
      total: number;
      reconciliation: { summary: string };
    };
    expect(summary).toMatchObject({ rows: 2, total: 300.3 });
    expect(summary.reconciliation.summary).toBe(
      'file total 300.40 USD ≠ imported 300.30 USD: difference 0.10 USD ✗',
    );
  });
});

describe('XLSX: merged title block, French labels in the key and vendor columns, a footer', () => {
  it('reads as the CSV does', async () => {
    const w = open('EUR');
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Dépenses');
    s.addRow(['Rapport des dépenses IA']);
    s.mergeCells('A1:E1');
    s.addRow(['Période : T1 2026']);
    s.addRow([]);
    s.addRow(['Date', 'Fournisseur', 'Description', 'Montant', 'Devise']);
    s.addRow([new Date(Date.UTC(2026, 0, 15)), 'Mistral AI', 'API', 1500.25, 'EUR']);
    s.addRow([new Date(Date.UTC(2026, 0, 20)), 'Total Wine & More', 'Repas', 80.1, 'EUR']);
    s.addRow(['Sous-total', null, null, { formula: 'SUM(D5:D6)', result: 1580.35 }, 'EUR']);
    s.addRow([new Date(Date.UTC(2026, 1, 3)), 'OVHcloud', 'GPU', 419.65, 'EUR']);
    s.addRow(['Sous-total', null, null, { formula: 'D8', result: 419.65 }, 'EUR']);
    s.addRow([null, 'Total général :', null, { formula: 'D7+D9', result: 2000 }, 'EUR']);
    s.addRow([]);
    s.addRow(['Généré par Sage 100 le 01/04/2026']);
    s.getColumn(1).numFmt = 'dd/mm/yyyy';
    const file = path.join(w.dir, 'depenses.xlsx');
    await wb.xlsx.writeFile(file);

    const p = await previewImport(w.db, { path: file, name: 'depenses.xlsx' });
    expect(p.headerRow).toBe(4);
    expect(p.counts).toMatchObject({ valid: 3, invalid: 0, totalRowsExcluded: 3 });
    expect(p.reconciliation.controlRows.map((c) => [c.row, c.label, c.level, c.reconciles])).toEqual([
      [7, 'Sous-total', 'subtotal', true],
      [9, 'Sous-total', 'subtotal', true],
      [10, 'Total général :', 'total', true],
    ]);
    expect(p.reconciliation.footerRows).toEqual([{ row: 12, text: 'Généré par Sage 100 le 01/04/2026' }]);
    const sum = await commitImport(w.db, { path: file, name: 'depenses.xlsx' });
    expect(storedLines(w)).toEqual([
      [5, 1_500_250_000, 'Mistral AI'],
      [6, 80_100_000, 'Total Wine & More'],
      [8, 419_650_000, 'OVHcloud'],
    ]);
    expect(storedSum(w)).toBe(2_000_000_000n);
    expect(buildReport(w.db, 'FY2026-Q1').batches[sum.batch!]!.reconciliation).toBe(
      'file total 2,000.00 EUR = imported ✓ (2 subtotals ✓)',
    );
  });
});

describe('real council payments', () => {
  const TRAFFORD = path.join(REAL, 'trafford_council_spend_2014-09_first500.csv');
  const expected = (
    JSON.parse(fs.readFileSync(path.join(REAL, 'expected.json'), 'utf8')) as { file: string; total: string }[]
  ).find((e) => e.file === path.basename(TRAFFORD))!;
  const mapping = ImportMappingSchema.parse({
    kind: 'spend',
    columns: { date: 'Date', amount: 'Amount', vendor: 'Supplier Name', description: 'Expense Type' },
    categoryRule: 'constant',
    category: 'other',
    currency: 'GBP',
    dateOrder: 'dmy',
    decimal: '.',
  });
  const grouped = (cents: string) => cents.replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');

  it('Trafford, its total below it (CSV): 500 lines stored, "file total 1,032,525.44 GBP = imported ✓"', async () => {
    const w = open('GBP');
    const real = fs.readFileSync(TRAFFORD);
    // As a finance system's report ends: a blank line, the total (label in "Body name"), a note.
    const tail = `\r\n,Total,,,,"${grouped(expected.total)}",,,,,,,,,,\r\nSource: Trafford Council open data (OGL),,,,,,,,,,,,,,,\r\n`;
    const file = writeFile(w.dir, 'trafford_with_total.csv', Buffer.concat([real, Buffer.from(tail)]));
    const s = await commitImport(w.db, { path: file, name: 'trafford_with_total.csv', mapping });
    expect(s).toMatchObject({ rows: 500, excluded: 1 });
    const amounts = parseCsvIndependently(real.toString('utf8').replace(/^\uFEFF/, ''))
      .slice(1)
      .filter((r) => r.length > 1)
      .map((r) => r[5]!.replace(/,/g, ''));
    expect(amounts).toHaveLength(500);
    expect(storedSum(w)).toBe(independentMicroSum(amounts));
    expect(independentCentsSum(amounts)).toBe(expected.total);
    expect(s.reconciliation.controlRows).toEqual([
      expect.objectContaining({
        row: 503,
        label: 'Total',
        level: 'total',
        fromRow: 2,
        toRow: 501,
        reconciles: true,
      }),
    ]);
    expect(s.reconciliation.footerRows).toEqual([
      { row: 504, text: 'Source: Trafford Council open data (OGL)' },
    ]);
    expect(buildReport(w.db, 'FY2014-Q3').batches[s.batch!]!.reconciliation).toBe(
      `file total ${grouped(expected.total)} GBP = imported ✓`,
    );
  });

  it('Trafford as a workbook with a title block, the total and a footer: the same lines and reconciliation', async () => {
    const w = open('GBP');
    const rows = parseCsvIndependently(fs.readFileSync(TRAFFORD, 'utf8').replace(/^\uFEFF/, '')).filter(
      (r) => r.length > 1,
    );
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Payments');
    sheet.addRow(['Trafford Council: payments over £500']);
    sheet.addRow(['September 2014']);
    sheet.addRow([]);
    for (const r of rows) sheet.addRow(r);
    sheet.addRow([]);
    sheet.addRow([null, 'Grand Total', null, null, null, Number(expected.total)]);
    sheet.addRow(['Generated by the council finance system']);
    const file = path.join(w.dir, 'trafford.xlsx');
    await wb.xlsx.writeFile(file);
    const s = await commitImport(w.db, { path: file, name: 'trafford.xlsx', mapping });
    expect(s).toMatchObject({ rows: 500, excluded: 1 });
    expect(storedSum(w)).toBe(independentMicroSum(rows.slice(1).map((r) => r[5]!.replace(/,/g, ''))));
    expect(s.reconciliation.fileTotal).toMatchObject({ row: 506, label: 'Grand Total', reconciles: true });
    expect(s.reconciliation.footerRows).toEqual([
      { row: 507, text: 'Generated by the council finance system' },
    ]);
  });

  it('Tameside: "CHADDERTON TOTAL CAREUNIT LTD" is a line and the three undated aggregates are no totals', async () => {
    const w = open('GBP');
    const file = path.join(REAL, 'tameside_council_spend_2014-09_trimmed.csv');
    const p = await previewImport(w.db, { path: file, name: 'tameside.csv', skipInvalid: true });
    expect(p.reconciliation.controlRows).toEqual([]);
    expect(p.counts).toMatchObject({ dataRows: 603, valid: 600, invalid: 3, totalRowsExcluded: 0 });
    expect(p.problems.filter((x) => x.severity === 'error').map((x) => x.row)).toEqual([602, 603, 604]);
    const s = await commitImport(w.db, { path: file, name: 'tameside.csv', skipInvalid: true });
    expect(
      w.db.prepare("SELECT count(*) FROM spend WHERE vendor = 'CHADDERTON TOTAL CAREUNIT LTD'").pluck().get(),
    ).toBeGreaterThan(0);
    const dated = (
      JSON.parse(fs.readFileSync(path.join(REAL, 'expected.json'), 'utf8')) as {
        file: string;
        datedOnly?: { rows: number; total: string };
      }[]
    ).find((e) => e.file === path.basename(file))!.datedOnly!;
    expect(s.rows).toBe(dated.rows);
    expect(s.total!.toFixed(2)).toBe(dated.total);
    expect(batchReconciliation(w.db, s.batch!)).toBeNull();
  });
});

describe('a large CSV, read in the worker thread (≥ 2 MB)', () => {
  it('carries the reconciliation back: subtotals every 10,000 rows and a grand total without a label', async () => {
    const w = open('USD');
    const fmt = (c: bigint) => {
      const abs = c < 0n ? -c : c;
      return `${c < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
    };
    const lines = ['Date,Vendor,Description,Amount'];
    let group = 0n;
    let all = 0n;
    for (let i = 1; i <= 40_000; i++) {
      const cents = BigInt((i * 7919) % 100_000) - 20_000n; // credits too
      group += cents;
      all += cents;
      const amount = fmt(cents);
      lines.push(
        `2026-02-${String((i % 28) + 1).padStart(2, '0')},Vendor ${i % 13},Usage line ${i} for the platform team,${amount}`,
      );
      if (i % 10_000 === 0) {
        lines.push(`Subtotal,,,${fmt(group)}`);
        group = 0n;
      }
    }
    lines.push(`,,,${fmt(all)}`);
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    const file = writeFile(w.dir, 'large.csv', text);
    const s = await commitImport(w.db, { path: file, name: 'large.csv' });
    expect(s).toMatchObject({ rows: 40_000, excluded: 5 });
    expect(storedSum(w)).toBe(all * 10_000n);
    const rec = batchReconciliation(w.db, s.batch!)!;
    expect(rec.controlRows.map((c) => [c.label, c.level, c.reconciles])).toEqual([
      ['Subtotal', 'subtotal', true],
      ['Subtotal', 'subtotal', true],
      ['Subtotal', 'subtotal', true],
      ['Subtotal', 'subtotal', true],
      [null, 'total', true],
    ]);
    expect(rec.fileTotal).toMatchObject({
      reconciles: true,
      imported: { micro: (all * 10_000n).toString() },
    });
  });
});
