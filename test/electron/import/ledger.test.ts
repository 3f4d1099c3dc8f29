/**
 * Ledger shapes (issue #13, item 7): debit and credit columns (amount = debit − credit) in the seven
 * languages and a statement's "Money out / Money in", a debit/credit indicator (S/H, Dr/Cr) signing an
 * unsigned amount, files that write costs negative, and row filters saved with the mapping. Files written
 * for the test (CSV and XLSX) go through the real importer into a real workspace; the expected lines are
 * worked out here from the cells' text with BigInt arithmetic (helpers.ts), never by the importer.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/import/run';
import { openWorkspace } from '../../../electron/store/workspace';
import { importJobsOf } from '../../../electron/service/handlers/import';
import { findSavedMapping } from '../../../electron/store/savedMappings';
import { WORKER_MIN_BYTES } from '../../../electron/import/scan';
import { OTHER_FILTER_REASONS } from '../../../electron/import/scanCore';
import { createService } from '../../../electron/service/service';
import { UploadStore } from '../../../electron/service/uploads';
import { headerSignature } from '../../../shared/import/headers';
import { describeFilter, indicatorSign, mergeFilters, parseFilter } from '../../../shared/import/ledger';
import { independentMicro, rejected, tempWorkspace, writeFile } from './helpers';

type Ws = ReturnType<typeof tempWorkspace>;
let ws: Ws | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

function open(currency = 'EUR'): Ws {
  ws = tempWorkspace({ currency });
  return ws;
}

/** A CSV of the given rows (no quoting needed: the test's cells hold no delimiter). */
function csv(w: Ws, name: string, rows: string[][], delimiter = ','): string {
  return writeFile(w.dir, name, rows.map((r) => r.join(delimiter)).join('\n') + '\n');
}

function lines(w: Ws, batch: number | null) {
  return w.db
    .prepare(
      'SELECT source_row AS row, date, amount_micro AS micro, currency FROM spend WHERE batch_id = ? ORDER BY source_row',
    )
    .all(batch) as { row: number; date: string; micro: number; currency: string }[];
}

/** A decimal text with comma or point as micro-units, independently; blank is 0. */
const micro = (text: string, decimal: '.' | ',' = '.'): bigint =>
  text.trim() === ''
    ? 0n
    : independentMicro(decimal === ',' ? text.replace(/\./g, '').replace(',', '.') : text);

describe('debit and credit columns: amount = debit − credit', () => {
  // Header pairs as ledgers and statements write them; the decimal separator of the language.
  const PAIRS: { lang: string; date: string; debit: string; credit: string; decimal: '.' | ',' }[] = [
    { lang: 'English', date: 'Date', debit: 'Debit', credit: 'Credit', decimal: '.' },
    { lang: 'German', date: 'Buchungsdatum', debit: 'Soll', credit: 'Haben', decimal: ',' },
    { lang: 'French', date: 'Date', debit: 'Débit', credit: 'Crédit', decimal: ',' },
    { lang: 'Spanish', date: 'Fecha', debit: 'Debe', credit: 'Haber', decimal: ',' },
    { lang: 'Italian', date: 'Data', debit: 'Dare', credit: 'Avere', decimal: ',' },
    { lang: 'Dutch', date: 'Datum', debit: 'Debet', credit: 'Credit', decimal: ',' },
    { lang: 'Portuguese', date: 'Data', debit: 'Débito', credit: 'Crédito', decimal: ',' },
    { lang: 'a bank statement', date: 'Date', debit: 'Money out', credit: 'Money in', decimal: '.' },
    { lang: 'a building society', date: 'Date', debit: 'Paid out', credit: 'Paid in', decimal: '.' },
  ];
  for (const p of PAIRS) {
    it(`${p.lang}: "${p.debit}" / "${p.credit}" recognised from the headers, each line exact`, async () => {
      const w = open();
      const c = (s: string) => (p.decimal === ',' ? s.replace('.', ',') : s);
      const rows = [
        [p.date, 'Text', p.debit, p.credit],
        ['2026-03-02', 'OpenAI invoice', c('1200.50'), ''],
        ['2026-03-05', 'refund', '', c('20.25')],
        ['2026-03-09', 'netted', c('80.00'), c('5.10')],
        ['2026-03-12', 'Anthropic', c('0.07'), ''],
      ];
      const file = csv(w, 'ledger.csv', rows, p.decimal === ',' ? ';' : ',');
      const preview = await previewImport(w.db, { path: file, name: 'ledger.csv' });
      expect(preview).toMatchObject({ kind: 'spend', canCommit: true, mappingSource: 'proposed' });
      expect(preview.mapping!.columns).toMatchObject({ debit: p.debit, credit: p.credit });
      expect(preview.mapping!.columns.amount).toBeUndefined();
      expect(preview.notes).toContain(
        `amounts = "${p.debit}" − "${p.credit}": 2 with a debit only, 1 with a credit only, 1 with both (their difference)`,
      );
      const s = await commitImport(w.db, { path: file, name: 'ledger.csv' });
      const expected = rows.slice(1).map((r, i) => ({
        row: i + 2,
        date: r[0]!,
        micro: Number(micro(r[2]!, p.decimal) - micro(r[3]!, p.decimal)),
        currency: 'EUR',
      }));
      expect(lines(w, s.batch)).toEqual(expected);
      expect(s.total).toBe(1200.5 - 20.25 + (80 - 5.1) + 0.07);
    });
  }

  it('a UK bank statement: account lines above the header, £ in the cells, Paid out − Paid in, the balance left alone', async () => {
    const w = open('GBP');
    const file = writeFile(
      w.dir,
      'statement.csv',
      'Account Name:,"FlexAccount"\nAccount Balance:,"£1,326.01"\n\n' +
        'Date,Transaction type,Description,Paid out,Paid in,Balance\n' +
        '14 Jul 2026,Visa purchase,B&Q WAREHOUSE,£23.99,,£976.01\n' +
        '15 Jul 2026,Bank credit,J SMITH PAYMENT,,£350.00,£1326.01\n' +
        '16 Jul 2026,Direct debit,OPENAI,"£1,020.00",,£306.01\n',
    );
    const p = await previewImport(w.db, { path: file, name: 'statement.csv' });
    expect(p).toMatchObject({ headerRow: 4, canCommit: true });
    expect(p.mapping!.columns).toEqual({
      date: 'Date',
      debit: 'Paid out',
      credit: 'Paid in',
      description: 'Description',
    });
    const s = await commitImport(w.db, { path: file, name: 'statement.csv' });
    expect(lines(w, s.batch)).toEqual([
      { row: 5, date: '2026-07-14', micro: Number(micro('23.99')), currency: 'GBP' },
      { row: 6, date: '2026-07-15', micro: -Number(micro('350.00')), currency: 'GBP' },
      { row: 7, date: '2026-07-16', micro: Number(micro('1020.00')), currency: 'GBP' },
    ]);
  });

  it('a journal with a Total row: left out and checked as debit − credit, not counted among the lines', async () => {
    const w = open();
    const file = csv(w, 'totals.csv', [
      ['Date', 'Text', 'Debit', 'Credit'],
      ['2026-03-02', 'OpenAI', '100.00', ''],
      ['2026-03-03', 'refund', '', '10.00'],
      ['', 'Total', '100.00', '10.00'],
    ]);
    const p = await previewImport(w.db, { path: file, name: 'totals.csv' });
    expect(p).toMatchObject({ canCommit: true, counts: { valid: 2, totalRowsExcluded: 1 } });
    expect(p.reconciliation).toMatchObject({ mismatches: 0, fileTotal: { row: 4 } });
    expect(p.notes).toContain('amounts = "Debit" − "Credit": 1 with a debit only, 1 with a credit only');
    expect(p.totals[0]!.cents).toBe('90.00');
  });

  it('a workbook with number cells: debit − credit from the numbers, a row with neither is a problem on its row', async () => {
    const w = open();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Journal');
    sheet.addRow(['Posting date', 'Account', 'Debit', 'Credit']);
    sheet.addRow([new Date(Date.UTC(2026, 2, 3)), '6815 Software', 249.99, null]);
    sheet.addRow([new Date(Date.UTC(2026, 2, 4)), '6815 Software', null, 49.99]);
    sheet.addRow([new Date(Date.UTC(2026, 2, 5)), '6815 Software', null, null]);
    sheet.addRow([new Date(Date.UTC(2026, 2, 6)), '6815 Software', 1000.1, 0.1]);
    const file = path.join(w.dir, 'journal.xlsx');
    await wb.xlsx.writeFile(file);
    const p = await previewImport(w.db, { path: file, name: 'journal.xlsx' });
    expect(p.mapping!.columns).toMatchObject({ date: 'Posting date', debit: 'Debit', credit: 'Credit' });
    expect(p.canCommit).toBe(false);
    expect(p.problems).toContainEqual({
      row: 4,
      column: 'Debit',
      value: null,
      message: 'no amount: "Debit" and "Credit" are both empty',
      severity: 'error',
      code: 'required-empty',
    });
    const refused = await rejected(commitImport(w.db, { path: file, name: 'journal.xlsx' }));
    expect(refused.problems.map((x) => [x.row, x.code])).toEqual([[4, 'required-empty']]);
    expect(w.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
    // Left out on request, the rest is stored exactly.
    const s = await commitImport(w.db, { path: file, name: 'journal.xlsx', skipInvalid: true });
    expect(lines(w, s.batch).map((l) => [l.row, l.date, l.micro])).toEqual([
      [2, '2026-03-03', 249_990_000],
      [3, '2026-03-04', -49_990_000],
      [5, '2026-03-06', 1_000_000_000],
    ]);
    expect(s).toMatchObject({ rows: 3, excluded: 1, total: 1200 });
  });

  it('chosen on the command line or in the wizard: --column debit/credit replaces the amount column', async () => {
    const w = open();
    const file = csv(w, 'both.csv', [
      ['Date', 'Amount', 'Dr', 'Cr'],
      ['2026-03-02', '999', '10.00', ''],
      ['2026-03-03', '999', '', '4.00'],
    ]);
    const p = await previewImport(w.db, {
      path: file,
      name: 'both.csv',
      columns: { debit: 'Dr', credit: 'Cr' },
    });
    expect(p.mapping!.columns).toMatchObject({ debit: 'Dr', credit: 'Cr' });
    expect(p.mapping!.columns.amount).toBeUndefined();
    expect(p.totals[0]!.cents).toBe('6.00');
    // A mapping that reads the amount both ways is refused before a row is stored.
    const both = await previewImport(w.db, {
      path: file,
      name: 'both.csv',
      mapping: { kind: 'spend', columns: { date: 'Date', amount: 'Amount', debit: 'Dr', credit: 'Cr' } },
    });
    expect(both.canCommit).toBe(false);
    expect(both.problems.find((x) => x.code === 'mapping-conflict')?.message).toMatch(
      /mapped to "Amount" and to debit\/credit columns \(Dr, Cr\): map one or the other/,
    );
  });
});

describe('a debit/credit indicator signs an unsigned amount', () => {
  it('S/H, Dr/Cr, D/C: debit +, credit −; an unknown indicator is a problem on its row and column', async () => {
    const w = open();
    const rows = [
      ['Datum', 'Betrag', 'S/H', 'Buchungstext'],
      ['02.03.2026', '1.250,00', 'S', 'Cloud'],
      ['03.03.2026', '250,00', 'H', 'Gutschrift'],
      ['04.03.2026', '10,00', 'Dr', 'API'],
      ['05.03.2026', '3,50', 'cr', 'Rabatt'],
    ];
    const file = csv(w, 'sh.csv', rows, ';');
    const p = await previewImport(w.db, { path: file, name: 'sh.csv' });
    expect(p.mapping!.columns).toMatchObject({ amount: 'Betrag', sign: 'S/H' });
    expect(p.notes).toContain(
      'amounts signed by "S/H" (debit +, credit −): 1 "S" +, 1 "H" −, 1 "Dr" +, 1 "cr" −',
    );
    const s = await commitImport(w.db, { path: file, name: 'sh.csv' });
    const expected = rows.slice(1).map((r) => Number(micro(r[1]!, ',') * BigInt(indicatorSign(r[2]!)!)));
    expect(lines(w, s.batch).map((l) => l.micro)).toEqual(expected);
    expect(expected).toEqual([1_250_000_000, -250_000_000, 10_000_000, -3_500_000]);

    const bad = csv(w, 'bad.csv', [rows[0]!, ['06.03.2026', '5,00', 'X', 'what']], ';');
    const refused = await rejected(commitImport(w.db, { path: bad, name: 'bad.csv' }));
    expect(refused.problems[0]).toMatchObject({ row: 2, column: 'S/H', value: 'X', code: 'invalid-value' });
    expect(refused.problems[0]!.message).toMatch(/not a debit\/credit indicator/);
  });
});

describe('files that write costs negative', () => {
  const rows = [
    ['Date', 'Merchant', 'Amount'],
    ['2026-03-02', 'OpenAI', '-120.50'],
    ['2026-03-05', 'OpenAI refund', '20.25'],
    ['2026-03-09', 'Anthropic', '-80.00'],
    ['2026-03-12', 'AWS', '(30.10)'],
  ];

  it('proposed when most amounts are negative, with the evidence; every sign flipped', async () => {
    const w = open();
    const file = csv(w, 'card.csv', rows);
    const p = await previewImport(w.db, { path: file, name: 'card.csv' });
    expect(p.mapping).toMatchObject({ negate: true });
    expect(p.evidence.negate).toEqual([
      '3 of 4 amounts in the first rows of "Amount" are negative: this spend file writes costs negative (as bank, card and expense-tool exports do), so every amount\'s sign is flipped (CLI: --no-negate to keep them as written)',
    ]);
    expect(
      p.notes.some((n) =>
        n.startsWith(
          "costs are written negative in this file: every amount's sign is flipped (4 amounts); 3 of 4",
        ),
      ),
    ).toBe(true);
    const s = await commitImport(w.db, { path: file, name: 'card.csv' });
    const flipped = rows
      .slice(1)
      .map((r) => -micro(r[2]!.replace(/^\((.*)\)$/, '-$1')))
      .map(Number);
    expect(lines(w, s.batch).map((l) => l.micro)).toEqual(flipped);
    expect(s.total).toBe(210.35);
    // Saved with the mapping: next month's file is read the same way, and says why.
    const next = csv(w, 'card-april.csv', [rows[0]!, ['2026-04-02', 'OpenAI', '7.00']]);
    const p2 = await previewImport(w.db, { path: next, name: 'card-april.csv' });
    expect(p2).toMatchObject({ mappingSource: 'saved', mapping: { negate: true } });
    expect(p2.totals[0]!.cents).toBe('-7.00');
    expect(p2.notes.join(' ')).toMatch(
      /every amount's sign is flipped \(1 amount\); as saved with the mapping/,
    );
  });

  it('read from the rows the filters keep: an expense tool’s positive income rows do not hide negative costs', async () => {
    const w = open();
    const file = csv(w, 'tool.csv', [
      ['Date', 'Type', 'Amount'],
      ['2026-03-02', 'Income', '900.00'],
      ['2026-03-03', 'Income', '800.00'],
      ['2026-03-04', 'Income', '700.00'],
      ['2026-03-05', 'Expense', '-12.00'],
      ['2026-03-06', 'Expense', '-3.00'],
    ]);
    const unfiltered = await previewImport(w.db, { path: file, name: 'tool.csv' });
    expect(unfiltered.mapping).toMatchObject({ negate: false });
    const filters = [{ column: 'Type', op: 'is' as const, values: ['Expense'] }];
    const p = await previewImport(w.db, { path: file, name: 'tool.csv', filters });
    expect(p.mapping).toMatchObject({ negate: true });
    expect(p.evidence.negate![0]).toMatch(/^2 of 2 amounts in the first rows of "Amount" are negative/);
    expect(p.totals[0]!.cents).toBe('15.00');
  });

  it('never when most amounts are positive; refused with negate: false (--no-negate), forced with true', async () => {
    const w = open();
    const positive = csv(w, 'pos.csv', [
      rows[0]!,
      ['2026-03-02', 'A', '10.00'],
      ['2026-03-03', 'B', '-1.00'],
    ]);
    const p = await previewImport(w.db, { path: positive, name: 'pos.csv' });
    expect(p.mapping).toMatchObject({ negate: false });
    expect(p.evidence.negate).toBeUndefined();
    const forced = await previewImport(w.db, { path: positive, name: 'pos.csv', negate: true });
    expect(forced.totals[0]!.cents).toBe('-9.00');
    expect(forced.evidence.negate).toEqual(['costs are written negative: chosen by you']);
    const file = csv(w, 'card.csv', rows);
    const kept = await previewImport(w.db, { path: file, name: 'card.csv', negate: false });
    expect(kept.mapping).toMatchObject({ negate: false });
    expect(kept.totals[0]!.cents).toBe('-210.35');
  });
});

describe('row filters: keep rows where a column is (or is not) a value', () => {
  const header = ['Date', 'Type', 'Description', 'Amount'];
  const body = [
    ['2026-03-01', 'Expense', 'OpenAI', '100.00'],
    ['2026-03-02', 'Income', 'Customer', '5000.00'],
    ['2026-03-03', 'expense ', 'Anthropic', '40.40'],
    ['2026-03-04', 'Transfer', 'to savings', '1000.00'],
    ['2026-03-05', 'Income', 'Customer', 'not a number'],
    ['2026-03-06', '', 'unknown', '1.00'],
  ];

  it('Type = Expense keeps two rows; the others are counted by reason (not problems), even an unreadable one', async () => {
    const w = open();
    const file = csv(w, 'expenses.csv', [header, ...body]);
    const filters = [{ column: 'Type', op: 'is' as const, values: ['Expense'] }];
    const p = await previewImport(w.db, { path: file, name: 'expenses.csv', filters });
    expect(p.canCommit).toBe(true);
    expect(p.counts).toMatchObject({ dataRows: 6, valid: 2, invalid: 0, filtered: 4 });
    expect(p.problems.filter((x) => x.row !== null)).toEqual([]);
    expect(p.filtered).toEqual({
      rows: 4,
      reasons: [
        { reason: 'Type is "Income" (keeping Type = Expense)', rows: 2, firstRows: [3, 6] },
        { reason: 'Type is "Transfer" (keeping Type = Expense)', rows: 1, firstRows: [5] },
        { reason: 'Type is (empty) (keeping Type = Expense)', rows: 1, firstRows: [7] },
      ],
    });
    const s = await commitImport(w.db, { path: file, name: 'expenses.csv', filters });
    expect(lines(w, s.batch).map((l) => [l.row, l.micro])).toEqual([
      [2, Number(micro('100.00'))],
      [4, Number(micro('40.40'))],
    ]);
    expect(s).toMatchObject({ rows: 2, sourceRows: 6, excluded: 0, total: 140.4, filtered: { rows: 4 } });
    const recorded = JSON.parse(
      w.db.prepare('SELECT mapping_json FROM import_batches WHERE id = ?').pluck().get(s.batch) as string,
    ) as { filters: unknown };
    expect(recorded.filters).toEqual(filters);

    // Saved with the mapping: the next file with this header is filtered the same way, unasked.
    const saved = findSavedMapping(w.db, headerSignature(header), 'spend');
    expect(saved?.mapping.filters).toEqual(filters);
    const april = csv(w, 'expenses-april.csv', [
      header,
      ['2026-04-01', 'Expense', 'OpenAI', '99.99'],
      ['2026-04-02', 'Income', 'Customer', '7000.00'],
    ]);
    const s2 = await commitImport(w.db, { path: april, name: 'expenses-april.csv' });
    expect(s2).toMatchObject({ rows: 1, total: 99.99, filtered: { rows: 1 } });
    expect(lines(w, s2.batch).map((l) => l.row)).toEqual([2]);
  });

  it('≠ keeps the others; several filters all apply; a prefix ("6*") matches accounts; a missing column is refused', async () => {
    const w = open();
    const file = csv(w, 'gl.csv', [
      ['Date', 'Account', 'Status', 'Amount'],
      ['2026-03-01', '6815', 'Posted', '10.00'],
      ['2026-03-02', '6820', 'Void', '20.00'],
      ['2026-03-03', '4400', 'Posted', '30.00'],
      ['2026-03-04', '6900', 'posted', '40.00'],
    ]);
    const filters = [
      { column: 'Account', op: 'is' as const, values: ['6*'] },
      { column: 'Status', op: 'is-not' as const, values: ['Void'] },
    ];
    const p = await previewImport(w.db, { path: file, name: 'gl.csv', filters });
    expect(p.totals[0]!.cents).toBe('50.00');
    expect(p.filtered.reasons.map((r) => [r.reason, r.firstRows])).toEqual([
      ['Status is "Void" (keeping Status ≠ Void)', [3]],
      ['Account is "4400" (keeping Account = 6*)', [4]],
    ]);
    const missing = await previewImport(w.db, {
      path: file,
      name: 'gl.csv',
      filters: [{ column: 'Type', op: 'is', values: ['Expense'] }],
    });
    expect(missing.canCommit).toBe(false);
    expect(missing.problems[0]).toMatchObject({
      column: 'Type',
      code: 'missing-column',
      message: 'the mapping keeps rows by column "Type", which this file does not have',
    });
  });

  it('many distinct values left out: 50 reasons listed, the rest counted on one line', async () => {
    const w = open();
    const rows = [
      ['Date', 'Type', 'Amount'],
      ['2026-03-01', 'Expense', '1.00'],
    ];
    for (let i = 0; i < 60; i++) rows.push(['2026-03-02', `Kind ${i}`, '2.00']);
    const file = csv(w, 'many.csv', rows);
    const p = await previewImport(w.db, {
      path: file,
      name: 'many.csv',
      filters: [{ column: 'Type', op: 'is', values: ['Expense'] }],
    });
    expect(p.counts).toMatchObject({ valid: 1, filtered: 60 });
    expect(p.filtered.reasons).toHaveLength(51);
    expect(p.filtered.reasons[49]!.reason).toBe('Type is "Kind 49" (keeping Type = Expense)');
    expect(p.filtered.reasons[50]).toEqual({
      reason: OTHER_FILTER_REASONS,
      rows: 10,
      firstRows: [53, 54, 55, 56, 57],
    });
  });

  it('--where text: =, != (≠, <>), values separated by |, repeated flags on one column joined', () => {
    expect(parseFilter('Type=Expense')).toEqual({ column: 'Type', op: 'is', values: ['Expense'] });
    expect(parseFilter('Status != Void|Draft')).toEqual({
      column: 'Status',
      op: 'is-not',
      values: ['Void', 'Draft'],
    });
    expect(parseFilter('Gegenkonto (ohne BU-Schlüssel)=4*')).toMatchObject({ values: ['4*'] });
    expect(parseFilter('Type≠')).toEqual({ column: 'Type', op: 'is-not', values: [''] });
    expect(parseFilter('=Expense')).toBeNull();
    expect(parseFilter('Expense')).toBeNull();
    const merged = mergeFilters([parseFilter('Type=Expense')!, parseFilter('Type=Bill')!]);
    expect(merged).toEqual([{ column: 'Type', op: 'is', values: ['Expense', 'Bill'] }]);
    expect(describeFilter(merged[0]!)).toBe('Type = Expense or Bill');
  });
});

describe('the CLI: --column debit/credit, --where, --negate / --no-negate, --json', () => {
  const ROOT = path.resolve(__dirname, '../../..');
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('imports an expense-tool export: only Type=Expense, outflows negative flipped, the batch records both', () => {
    const w = open('USD');
    const db = path.join(w.dir, 'ws.sqlite');
    const file = csv(w, 'expensify.csv', [
      ['Date', 'Type', 'Merchant', 'Amount', 'Currency'],
      ['2026-03-02', 'Expense', 'OpenAI', '-120.50', 'USD'],
      ['2026-03-03', 'Reimbursement', 'Payroll', '500.00', 'USD'],
      ['2026-03-04', 'Expense', 'Anthropic', '-80.25', 'USD'],
      ['2026-03-05', 'Expense', 'Refund OpenAI', '10.00', 'USD'],
    ]);
    w.close();
    ws = null;
    const dry = cli('import', file, '--db', db, '--where', 'Type=Expense', '--negate', '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('keeping rows where Type = Expense');
    expect(dry.stdout).toContain('filtered out: 1 row (not imported)');
    expect(dry.stdout).toContain('1 × Type is "Reimbursement" (keeping Type = Expense), row 3');
    expect(dry.stdout).toContain('total: 190.75 USD');
    expect(dry.stdout).toMatch(
      /costs are written negative in this file: every amount's sign is flipped \(3 amounts\)/,
    );

    const r = cli('import', file, '--db', db, '--where', 'Type=Expense', '--negate', '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      rows: number;
      sourceRows: number;
      total: number;
      filtered: { rows: number; reasons: { reason: string; rows: number; firstRows: number[] }[] };
      evidence: Record<string, string[]>;
    };
    expect(out).toMatchObject({ rows: 3, sourceRows: 4, total: 190.75 });
    expect(out.filtered).toEqual({
      rows: 1,
      reasons: [{ reason: 'Type is "Reimbursement" (keeping Type = Expense)', rows: 1, firstRows: [3] }],
    });
    expect(out.evidence.negate).toEqual(['costs are written negative: chosen by you']);
    ws = Object.assign(openWorkspace(db), { dir: w.dir });
    expect(lines(ws, 1).map((l) => [l.row, l.micro])).toEqual([
      [2, 120_500_000],
      [4, 80_250_000],
      [5, -10_000_000],
    ]);
  });

  it('debit and credit chosen by flag; a malformed --where and contradicting switches are usage errors', () => {
    const w = open('USD');
    const db = path.join(w.dir, 'ws.sqlite');
    const file = csv(w, 'gl.csv', [
      ['Date', 'Amount', 'Dr', 'Cr'],
      ['2026-03-02', '999', '10.00', ''],
      ['2026-03-03', '999', '', '4.00'],
    ]);
    w.close();
    ws = null;
    const r = cli('import', file, '--db', db, '--column', 'debit=Dr', '--column', 'credit=Cr', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, total: 6 });
    const bad = cli('import', file, '--db', db, '--where', 'Expense', '--json');
    expect(bad.status).not.toBe(0);
    expect(JSON.parse(bad.stdout).error.message).toMatch(/--where needs COLUMN=VALUE/);
    const both = cli('import', file, '--db', db, '--negate', '--no-negate', '--json');
    expect(both.status).not.toBe(0);
    expect(JSON.parse(both.stdout).error.message).toMatch(/--negate and --no-negate contradict/);
  });
});

describe('the API: where and negate on import.preview / import.start; a large file through the worker', () => {
  it('import.start with where and negate stores the kept rows flipped; a bad filter is refused by the contract', async () => {
    const w = open('USD');
    const uploads = new UploadStore();
    const service = createService({ ws: w, uploads });
    try {
      const file = csv(w, 'tool.csv', [
        ['Date', 'Type', 'Amount'],
        ['2026-03-02', 'Expense', '-12.34'],
        ['2026-03-03', 'Income', '900.00'],
        ['2026-03-04', 'Expense', '-0.66'],
      ]);
      const up = uploads.registerPath(file);
      const where = [{ column: 'Type', op: 'is' as const, values: ['Expense'] }];
      const preview = await service.call('import.preview', { fileId: up.id, where, negate: true });
      expect(preview).toMatchObject({
        ok: true,
        result: { counts: { valid: 2, filtered: 1 }, totals: [{ currency: 'USD', cents: '13.00' }] },
      });
      const started = await service.call('import.start', { fileId: up.id, where, negate: true });
      if (!started.ok) throw new Error(started.error.message);
      const done = await importJobsOf(service.ctx).settled((started.result as { jobId: string }).jobId);
      expect(done).toMatchObject({ state: 'done', result: { rows: 2, total: 13, filtered: { rows: 1 } } });
      expect(lines(w, 1).map((l) => l.micro)).toEqual([12_340_000, 660_000]);
      const bad = await service.call('import.preview', {
        fileId: up.id,
        where: [{ column: 'Type', op: 'like', values: ['E'] }],
      });
      expect(bad).toMatchObject({ ok: false });
    } finally {
      uploads.dispose();
    }
  });

  it('a CSV past the worker threshold: the filter and debit − credit read the same in the worker thread', async () => {
    const w = open();
    const header = 'Date,Type,Description,Debit,Credit';
    const body: string[] = [];
    let expected = 0n;
    let kept = 0;
    for (let i = 0; i < 40_000; i++) {
      const type = i % 3 === 0 ? 'Income' : 'Expense';
      const debit = i % 5 === 0 ? '' : `${(i % 997) + 1}.${String(i % 100).padStart(2, '0')}`;
      const credit = i % 7 === 0 || debit === '' ? `${(i % 13) + 1}.05` : '';
      body.push(
        `2026-03-${String((i % 28) + 1).padStart(2, '0')},${type},line ${i} of a long journal,${debit},${credit}`,
      );
      if (type === 'Expense') {
        expected += micro(debit) - micro(credit);
        kept++;
      }
    }
    const file = writeFile(w.dir, 'big.csv', [header, ...body].join('\n') + '\n');
    expect(fs.statSync(file).size).toBeGreaterThan(WORKER_MIN_BYTES);
    const filters = [{ column: 'Type', op: 'is' as const, values: ['Expense'] }];
    const s = await commitImport(w.db, { path: file, name: 'big.csv', filters });
    expect(s).toMatchObject({ rows: kept, sourceRows: 40_000, filtered: { rows: 40_000 - kept } });
    const sum = w.db.prepare('SELECT sum(amount_micro) FROM spend WHERE batch_id = ?').pluck().get(s.batch);
    expect(BigInt(sum as number)).toBe(expected);
  });
});
