import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { commitImport, previewImport } from '../../../electron/import/run';
import { openWorkspace, type WritableWorkspace } from '../../../electron/store/workspace';
import {
  csvColumn,
  independentCentsSum,
  independentMicro,
  independentMicroSum,
  rejected,
  tempDir,
  tempWorkspace,
  writeFile,
} from './helpers';

/**
 * The real cloud and AI-vendor exports in test/fixtures/real (issue #13, item 10), imported with no hint:
 * no kind, no mapping, no format. Expected rows, currencies, dates and exact totals come from
 * expected.json, which compute_expected.py works out with Python's csv and decimal modules, never the
 * importer. The importer rounds each line to micro-units, so the stored sum is checked against the sum of
 * each line's text rounded to micro-units, computed here with BigInt arithmetic (test/electron/import/helpers.ts),
 * and against the exact total within half a micro-unit per line; the summary's total against the exact
 * total rounded to cents.
 */
const REAL = path.resolve(__dirname, '../../fixtures/real');

interface Expected {
  file: string;
  dataRows: number;
  amountColumn: string | null;
  total: string | null;
  currency: string[];
  dateRange: [string, string] | null;
  /** Tameside: the rows with a date, and their total. */
  datedOnly?: { rows: number; total: string };
  undatedRows?: { rows: number; total: string };
  blankRows?: number;
}

const EXPECTED = new Map(
  (JSON.parse(fs.readFileSync(path.join(REAL, 'expected.json'), 'utf8')) as Expected[]).map((e) => [
    e.file,
    e,
  ]),
);

let ws: WritableWorkspace | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

/** Exact decimal text × 10^6 as a BigInt, rounded half away from zero (the expected total's micro-units). */
function microOfExact(text: string): { micro: bigint; remainderIsZero: boolean } {
  const [int, frac = ''] = text.replace(/^-/, '').split('.');
  const digits = BigInt(int! + frac.padEnd(6, '0').slice(0, 6));
  const rest = frac.slice(6);
  const up = rest !== '' && rest[0]! >= '5';
  const v = up ? digits + 1n : digits;
  return { micro: text.startsWith('-') ? -v : v, remainderIsZero: /^0*$/.test(rest) };
}

const CASES = [
  { file: 'oci_cost_report_reports_cost-csv_0000000030000269.csv', format: 'oci-cost' },
  { file: 'azure_ea_amortizedcost_small.csv', format: 'azure-ea' },
  { file: 'azure_ea_cost_details_anonymized_cad.csv', format: 'azure-ea', workspaceCurrency: 'CAD' },
  { file: 'anthropic_claude_api_cost_2026_02_01_to_2026_02_01.csv', format: 'anthropic' },
  { file: 'anthropic_claude_api_cost_2024_04.csv', format: 'anthropic' },
  { file: 'anthropic_claude_api_cost_2024_09.csv', format: 'anthropic' },
  { file: 'gcp_billing_file_export_google-platform-demo-2014-01-15.json', format: 'gcp-file-export' },
] as const;

/** The amount texts of a fixture, read without the importer: its amount column, or the JSON's cost.amount. */
function amountTexts(file: string, column: string): string[] {
  if (!file.endsWith('.json')) return csvColumn(file, column);
  const items = JSON.parse(fs.readFileSync(file, 'utf8')) as { cost: { amount: string } }[];
  return items.map((item) => item.cost.amount);
}

describe('real exports import with no hint and reconcile with the independent expectations', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.format}, rows, dates and total as expected.json`, async () => {
      const e = EXPECTED.get(c.file)!;
      const file = path.join(REAL, c.file);
      ws = tempWorkspace('workspaceCurrency' in c ? { currency: c.workspaceCurrency } : {});
      const p = await previewImport(ws.db, { path: file, name: c.file });
      expect(p).toMatchObject({ format: c.format, kind: 'spend', canCommit: true, blockers: [] });
      expect(p.counts).toMatchObject({
        dataRows: e.dataRows,
        valid: e.dataRows,
        invalid: 0,
        totalRowsExcluded: 0,
      });
      expect(p.dateRange).toEqual({ from: e.dateRange![0], to: e.dateRange![1] });
      expect(p.totals.map((t) => t.currency)).toEqual(e.currency);
      const perLine = independentMicroSum(amountTexts(file, e.amountColumn!));
      expect(BigInt(p.totals[0]!.micro)).toBe(perLine);

      const s = await commitImport(ws.db, { path: file, name: c.file });
      expect(s).toMatchObject({ format: c.format, rows: e.dataRows, excluded: 0, currency: e.currency[0] });
      const stored = ws.db
        .prepare(
          'SELECT count(*) AS n, coalesce(sum(amount_micro), 0) AS micro FROM spend WHERE batch_id = ?',
        )
        .get(s.batch) as { n: number; micro: number };
      expect(stored.n).toBe(e.dataRows);
      expect(BigInt(stored.micro)).toBe(perLine);
      // Rounding each line moves the sum by at most half a micro-unit per line from the exact total.
      const exact = microOfExact(e.total!);
      const drift = BigInt(stored.micro) - exact.micro;
      expect(drift < 0n ? -drift : drift).toBeLessThanOrEqual(BigInt(Math.ceil(e.dataRows / 2)));
      // Shown to the cent: the exact total, rounded half away from zero.
      expect(s.total!.toFixed(2)).toBe(independentCentsSum([e.total!]));
    });
  }

  it('the CAD export in a USD workspace waits for a CAD rate, then stores CAD amounts unchanged', async () => {
    const file = path.join(REAL, 'azure_ea_cost_details_anonymized_cad.csv');
    ws = tempWorkspace({ currency: 'USD' });
    const refused = await rejected(commitImport(ws.db, { path: file, name: 'cad.csv' }));
    expect(refused.message).toMatch(/no CAD rate for 2023-09: add it in Settings › Exchange rates/);
    expect(refused.problems.map((p) => p.code)).toEqual(['missing-fx-rate']);
    const rates = writeFile(tempDir(), 'fx.csv', 'Month,Currency,Rate\n2023-09,CAD,0.7405\n');
    expect(await commitImport(ws.db, { path: rates, name: 'fx.csv' })).toMatchObject({ kind: 'fx', rows: 1 });
    const s = await commitImport(ws.db, { path: file, name: 'cad.csv' });
    expect(s).toMatchObject({ format: 'azure-ea', rows: 27, currency: 'CAD' });
    const micro = ws.db
      .prepare('SELECT sum(amount_micro) FROM spend WHERE batch_id = ?')
      .pluck()
      .get(s.batch);
    expect(BigInt(micro as number)).toBe(independentMicroSum(csvColumn(file, 'CostInBillingCurrency')));
  });

  it('an EA export of a period without charges: recognised, refused as having no rows, nothing stored', async () => {
    ws = tempWorkspace();
    const file = path.join(REAL, 'azure_ea_norows.csv');
    const p = await previewImport(ws.db, { path: file, name: 'norows.csv' });
    expect(p).toMatchObject({ format: 'azure-ea', canCommit: false, counts: { dataRows: 0 } });
    expect(p.blockers).toEqual(['no data rows below the header']);
    await rejected(commitImport(ws.db, { path: file, name: 'norows.csv' }));
    expect(ws.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
  });

  it('the Anthropic token export is recognised and refused: it has no money to import', async () => {
    ws = tempWorkspace();
    const file = path.join(REAL, 'anthropic_claude_api_tokens_2026_02.csv');
    const err = await rejected(commitImport(ws.db, { path: file, name: 'tokens.csv' }));
    expect(err.message).toMatch(/token export: it counts tokens but carries no cost; export the Cost CSV/);
    expect(ws.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
  });
});

/** The currency expected.json names ("GBP (implied, not in file)" → GBP). */
function currencyOf(e: Expected): string {
  return e.currency[0]!.slice(0, 3);
}

/** The batch's stored lines: count, exact sum (BigInt), first and last date. */
function storedLines(w: WritableWorkspace, batch: number | null) {
  const r = w.db
    .prepare(
      'SELECT count(*) AS n, sum(amount_micro) AS micro, min(date) AS f, max(date) AS t, min(currency) AS c FROM spend WHERE batch_id = ?',
    )
    .safeIntegers(true)
    .get(batch) as { n: bigint; micro: bigint; f: string; t: string; c: string };
  return { n: Number(r.n), micro: r.micro, from: r.f, to: r.t, currency: r.c };
}

/** Runs the CLI; the workspace must be closed (the CLI holds it while importing). */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

/**
 * Public-sector spend exports with their own traps (expected.json's notes), imported with no hint where the
 * file says enough, refused with the flag that resolves it where it does not. None names its currency: the
 * workspace's is assumed, and the preview says so.
 */
describe('real public-sector spend exports, no hint', () => {
  for (const name of ['senado_ceaps_despesas_2008_first500.csv', 'senado_ceaps_despesas_2019_first400.csv']) {
    it(`${name}: Latin-1, title row, ';', decimal comma; dated by DATA or else ANO + MES`, async () => {
      const e = EXPECTED.get(name)!;
      const file = path.join(REAL, name);
      ws = tempWorkspace({ currency: currencyOf(e) });
      const p = await previewImport(ws.db, { path: file, name });
      expect(p).toMatchObject({ kind: 'spend', headerRow: 2, delimiter: ';', decimal: ',', canCommit: true });
      expect(p.mapping!.columns).toMatchObject({
        date: 'DATA',
        amount: e.amountColumn,
        year: 'ANO',
        monthNumber: 'MES',
      });
      expect(p.notes).toEqual([`no currency in the file: booked as ${currencyOf(e)} (workspace currency)`]);
      const s = await commitImport(ws.db, { path: file, name });
      expect(s).toMatchObject({ rows: e.dataRows, excluded: 0, currency: currencyOf(e) });
      const stored = storedLines(ws, s.batch);
      // Two decimals at most: every line is exact in micro-units, so the sum is the exact total.
      expect(stored).toEqual({
        n: e.dataRows,
        micro: microOfExact(e.total!).micro,
        from: e.dateRange![0],
        to: e.dateRange![1],
        currency: currencyOf(e),
      });
      expect(s.total!.toFixed(2)).toBe(independentCentsSum([e.total!]));
    });
  }

  it('a row without a date whose year or month number is missing or wrong is refused by row and column', async () => {
    ws = tempWorkspace({ currency: 'BRL' });
    const file = writeFile(
      tempDir(),
      'anomes.csv',
      'ANO;MES;DATA;VALOR_REEMBOLSADO\n2008;9;;10,50\n2008;13;;1,00\n;2;;2,00\n2008;3;25/03/2008;3,00\n',
    );
    const err = await rejected(commitImport(ws.db, { path: file, name: 'anomes.csv' }));
    expect(
      err.problems.filter((x) => x.severity === 'error').map((x) => [x.row, x.column, x.message]),
    ).toEqual([
      [3, 'MES', 'not a month number (1–12)'],
      [4, 'ANO', 'empty: a value is required'],
    ]);
    const s = await commitImport(ws.db, { path: file, name: 'anomes.csv', skipInvalid: true });
    expect(storedLines(ws, s.batch)).toMatchObject({
      n: 2,
      micro: 13_500_000n,
      from: '2008-03-25',
      to: '2008-09-01',
    });
  });

  it('the 2008 Senate file in a workspace of another currency: the preview says it assumes that currency', async () => {
    const file = path.join(REAL, 'senado_ceaps_despesas_2008_first500.csv');
    ws = tempWorkspace({ currency: 'USD' });
    const p = await previewImport(ws.db, { path: file, name: 'senado.csv' });
    expect(p.notes).toEqual(['no currency in the file: booked as USD (workspace currency)']);
    // --currency BRL books it as reais, which then need their rate like any foreign currency.
    const err = await rejected(commitImport(ws.db, { path: file, name: 'senado.csv', currency: 'BRL' }));
    expect(err.problems.map((x) => x.code)).toEqual(['missing-fx-rate']);
    expect(err.message).toMatch(/no BRL rate for 2008-02, 2008-03/);
  });

  it('tameside: 976 blank lines ignored; 3 undated rows refused by row and column, --skip-invalid imports the rest', async () => {
    const name = 'tameside_council_spend_2014-09_trimmed.csv';
    const e = EXPECTED.get(name)!;
    const file = path.join(REAL, name);
    const w = tempWorkspace({ currency: currencyOf(e) });
    const p = await previewImport(w.db, { path: file, name });
    expect(p.counts).toMatchObject({
      dataRows: e.dataRows,
      valid: e.datedOnly!.rows,
      invalid: e.undatedRows!.rows,
    });
    w.close();
    const db = path.join(w.dir, 'ws.sqlite');
    const refused = await cli(['import', file, '--db', db]);
    expect(refused.code).toBe(1);
    const undated = [602, 603, 604].map((r) => `row ${r}, column "Paid Date": empty: a value is required`);
    for (const line of undated) expect(refused.err).toContain(line);
    expect(refused.err).toContain('pass --skip-invalid to import the other rows and leave these out');
    const done = await cli(['import', file, '--db', db, '--skip-invalid', '--json']);
    expect(done.code).toBe(0);
    const s = JSON.parse(done.out) as {
      batch: number;
      rows: number;
      excluded: number;
      total: number;
      currency: string;
    };
    expect(s).toMatchObject({
      rows: e.datedOnly!.rows,
      excluded: e.undatedRows!.rows,
      currency: currencyOf(e),
    });
    ws = openWorkspace(db);
    const stored = storedLines(ws, s.batch);
    expect(stored).toEqual({
      n: e.datedOnly!.rows,
      micro: microOfExact(e.datedOnly!.total).micro,
      from: e.dateRange![0],
      to: e.dateRange![1],
      currency: currencyOf(e),
    });
    // The left-out rows are the undated ones, and with them the file's whole total.
    expect(microOfExact(e.datedOnly!.total).micro + microOfExact(e.undatedRows!.total).micro).toBe(
      microOfExact(e.total!).micro,
    );
  });

  it('trafford: two optional fields with equal candidates are asked for by --column; with them, every row', async () => {
    const name = 'trafford_council_spend_2014-09_first500.csv';
    const e = EXPECTED.get(name)!;
    const file = path.join(REAL, name);
    ws = tempWorkspace({ currency: currencyOf(e) });
    const err = await rejected(commitImport(ws.db, { path: file, name }));
    expect(err.message).toContain(
      'choose one (CLI: --column category=ProClass or --column category="Expense Type"',
    );
    expect(err.message).toContain('choose one (CLI: --column description="Extended Description"');
    expect(ws.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
    const s = await commitImport(ws.db, {
      path: file,
      name,
      columns: { category: 'Expense Type', description: 'Extended Description' },
    });
    expect(s).toMatchObject({ rows: e.dataRows, excluded: 0, currency: currencyOf(e) });
    expect(storedLines(ws, s.batch)).toEqual({
      n: e.dataRows,
      micro: microOfExact(e.total!).micro,
      from: e.dateRange![0],
      to: e.dateRange![1],
      currency: currencyOf(e),
    });
  });

  it('mexico PEF: an approved budget by year only (CICLO), no hint: each row spread over its 12 months', async () => {
    const name = 'mexico_pef_2018_ac01_first300.csv';
    const e = EXPECTED.get(name)! as Expected & { monthlyLines: number; byMonth: Record<string, string> };
    const file = path.join(REAL, name);
    ws = tempWorkspace({ currency: 'MXN' });
    const p = await previewImport(ws.db, { path: file, name });
    expect(p).toMatchObject({ kind: 'budget', canCommit: true, blockers: [] });
    expect(p.mapping!.columns).toMatchObject({ month: 'CICLO', amount: e.amountColumn });
    expect(p.counts).toMatchObject({ dataRows: e.dataRows, valid: e.dataRows, invalid: 0 });
    expect(p.notes).toContain(
      `annual amounts spread over 12 months: ${e.dataRows} rows → ${e.monthlyLines.toLocaleString('en-US')} monthly lines ` +
        '(calendar year 2018; equal parts in whole cents, the leftover cents one each to the first months, each line keeps its annual source row)',
    );
    const s = await commitImport(ws.db, { path: file, name });
    expect(s).toMatchObject({
      kind: 'budget',
      rows: e.monthlyLines,
      sourceRows: e.dataRows,
      currency: 'MXN',
    });
    expect(s.total!.toFixed(2)).toBe(independentCentsSum([e.total!]));
    const byMonth = ws.db
      .prepare(
        'SELECT month, sum(amount_micro) AS micro, count(*) AS n FROM budget WHERE batch_id = ? GROUP BY month ORDER BY month',
      )
      .safeIntegers(true)
      .all(s.batch) as { month: string; micro: bigint; n: bigint }[];
    expect(byMonth.map((m) => [m.month, m.micro, m.n])).toEqual(
      Object.entries(e.byMonth).map(([month, total]) => [
        month,
        microOfExact(total).micro,
        BigInt(e.dataRows),
      ]),
    );
    // Each source row's twelve lines sum to its annual amount exactly, and keep its row number.
    const perRow = ws.db
      .prepare(
        'SELECT source_row AS row, sum(amount_micro) AS micro, count(*) AS n FROM budget WHERE batch_id = ? GROUP BY source_row ORDER BY source_row',
      )
      .all(s.batch) as { row: number; micro: number; n: number }[];
    const annual = csvColumn(file, e.amountColumn!);
    expect(perRow).toEqual(annual.map((a, i) => ({ row: i + 2, micro: Number(independentMicro(a)), n: 12 })));
  });
});

interface DatevExpected extends Expected {
  expenseOnly: { rows: number; total: string };
}

/**
 * The DATEV EXTF booking batch read without the importer: Windows-1252 decoded by the platform, the metadata
 * record (line 1) and the header (line 2) split on `;` (the file quotes no `;`, and every line has the
 * header's 116 fields), quotes taken off. Each booking: Belegdatum DDMM with the year of the metadata's
 * period start, Umsatz with its decimal comma as micro-units, signed S + / H −.
 */
function datevBookings(file: string) {
  const text = new TextDecoder('windows-1252').decode(fs.readFileSync(file));
  const lines = text.split('\r\n').filter((l) => l !== '');
  const split = (l: string) => l.split(';').map((c) => c.replace(/^"|"$/g, ''));
  const [meta, header, ...body] = lines.map(split);
  const col = (name: string) => header!.indexOf(name);
  return body.map((r, i) => {
    expect(r).toHaveLength(header!.length);
    const unsigned = independentMicro(r[col('Umsatz (ohne Soll/Haben-Kz)')]!.replace(',', '.'));
    const day = r[col('Belegdatum')]!.padStart(4, '0');
    return {
      row: i + 3,
      date: `${meta![14]!.slice(0, 4)}-${day.slice(2, 4)}-${day.slice(0, 2)}`,
      micro: r[col('Soll/Haben-Kennzeichen')] === 'S' ? unsigned : -unsigned,
      contra: r[col('Gegenkonto (ohne BU-Schlüssel)')]!,
      text: r[col('Buchungstext')]!,
      currency: meta![21]!,
    };
  });
}

describe('the real DATEV EXTF booking batch imports with no hint (issue #13, items 7 and 10)', () => {
  const name = 'datev_EXTF_Buchungsstapel.csv';
  const file = path.join(REAL, name);
  const e = EXPECTED.get(name) as DatevExpected;
  const storedLines = (batch: number | null) =>
    ws!.db
      .prepare(
        'SELECT source_row AS row, date, amount_micro AS micro, currency, description FROM spend WHERE batch_id = ? ORDER BY source_row',
      )
      .all(batch) as { row: number; date: string; micro: number; currency: string; description: string }[];

  it('recognised as DATEV: metadata line skipped, S/H signs the amount, DDMM dated from the period, EUR from the metadata', async () => {
    ws = tempWorkspace({ currency: 'EUR' });
    const p = await previewImport(ws.db, { path: file, name });
    expect(p).toMatchObject({
      format: 'datev-extf',
      kind: 'spend',
      headerRow: 2,
      encoding: 'windows-1252',
      delimiter: ';',
      decimal: ',',
      canCommit: true,
      blockers: [],
    });
    expect(p.counts).toMatchObject({ dataRows: e.dataRows, valid: e.dataRows, invalid: 0, filtered: 0 });
    expect(p.dateRange).toEqual({ from: e.dateRange![0], to: e.dateRange![1] });
    expect(p.totals.map((t) => t.currency)).toEqual(e.currency);
    expect(p.totals[0]!.micro).toBe(String(microOfExact(e.total!).micro));
    expect(p.notes).toContain(
      'amounts signed by "Soll/Haben-Kennzeichen" (debit +, credit −): 1 "H" −, 1 "S" +',
    );
    expect(p.evidence.date).toEqual([
      'header "Belegdatum" is German "belegdatum": the date',
      'the EXTF line above the header dates the batch 2018-02-01 to 2018-02-28: "Belegdatum" (DDMM) takes its year from it',
    ]);

    const s = await commitImport(ws.db, { path: file, name });
    expect(s).toMatchObject({ format: 'datev-extf', rows: e.dataRows, currency: e.currency[0], excluded: 0 });
    expect(s.total!.toFixed(2)).toBe(independentCentsSum([e.total!]));
    const bookings = datevBookings(file);
    expect(storedLines(s.batch)).toEqual(
      bookings.map((b) => ({
        row: b.row,
        date: b.date,
        micro: Number(b.micro),
        currency: b.currency,
        description: b.text,
      })),
    );
    expect(bookings.reduce((sum, b) => sum + b.micro, 0n)).toBe(microOfExact(e.total!).micro);
  });

  it('only the cost bookings: a prefix filter on the contra account (4xxx) and costs negative from the bank side', async () => {
    ws = tempWorkspace({ currency: 'EUR' });
    const filters = [{ column: 'Gegenkonto (ohne BU-Schlüssel)', op: 'is' as const, values: ['4*'] }];
    const p = await previewImport(ws.db, { path: file, name, filters, negate: true });
    expect(p.counts).toMatchObject({ dataRows: e.dataRows, valid: e.expenseOnly.rows, filtered: 1 });
    expect(p.filtered.reasons).toEqual([
      {
        reason: 'Gegenkonto (ohne BU-Schlüssel) is "8400" (keeping Gegenkonto (ohne BU-Schlüssel) = 4*)',
        rows: 1,
        firstRows: [4],
      },
    ]);
    expect(p.totals[0]!.cents).toBe(independentCentsSum([e.expenseOnly.total]));
    const s = await commitImport(ws.db, { path: file, name, filters, negate: true });
    const cost = datevBookings(file).filter((b) => b.contra.startsWith('4'));
    expect(storedLines(s.batch).map((l) => [l.row, l.date, l.micro])).toEqual(
      cost.map((b) => [b.row, b.date, -Number(b.micro)]),
    );
    // The batch records the filter and the flip it was read with.
    const recorded = JSON.parse(
      ws.db.prepare('SELECT mapping_json FROM import_batches WHERE id = ?').pluck().get(s.batch) as string,
    ) as { filters: unknown; negate: boolean };
    expect(recorded).toMatchObject({ filters, negate: true });
  });
});

interface WaveExpected extends Expected {
  expenseRows: number;
  filteredRows: Record<string, number>;
  byAccount: Record<string, string>;
}

/**
 * A general ledger and an expense tool's export (issue #13, item 10), imported with no hint. Expected values
 * from expected.json (compute_expected.py, Python's csv and decimal); the per-line amounts re-read here from
 * the file's cells with BigInt arithmetic.
 */
describe('real accounting and expense-tool exports, no hint', () => {
  it("Wave general ledger: recognised, only the expense accounts' lines stored (debit − credit), the rest filtered", async () => {
    const name = 'wave_accounting_transactions_export.csv';
    const e = EXPECTED.get(name) as WaveExpected;
    const file = path.join(REAL, name);
    ws = tempWorkspace({ currency: currencyOf(e) });
    const p = await previewImport(ws.db, { path: file, name });
    expect(p).toMatchObject({ format: 'wave', kind: 'spend', canCommit: true, blockers: [] });
    const filtered = Object.values(e.filteredRows).reduce((a, b) => a + b, 0);
    expect(p.counts).toMatchObject({ dataRows: e.dataRows, valid: e.expenseRows, invalid: 0, filtered });
    expect(p.filtered.reasons.map((r) => [r.reason.match(/is "(\w+)"/)![1], r.rows]).sort()).toEqual(
      Object.entries(e.filteredRows).sort(),
    );
    expect(p.notes).toContain(`no currency in the file: booked as ${currencyOf(e)} (workspace currency)`);
    expect(p.totals[0]!.cents).toBe(independentCentsSum([e.total!]));
    const s = await commitImport(ws.db, { path: file, name });
    expect(s).toMatchObject({ format: 'wave', rows: e.expenseRows, currency: currencyOf(e) });
    const stored = storedLines(ws, s.batch);
    expect(stored).toMatchObject({ n: e.expenseRows, micro: microOfExact(e.total!).micro });
    expect([stored.from, stored.to]).toEqual(e.dateRange);
    // Per account (the cost center), the exact sums compute_expected.py found.
    const byAccount = ws.db
      .prepare(
        'SELECT cost_center AS account, sum(amount_micro) AS micro FROM spend WHERE batch_id = ? GROUP BY cost_center',
      )
      .all(s.batch) as { account: string; micro: number }[];
    expect(Object.fromEntries(byAccount.map((a) => [a.account, BigInt(a.micro)]))).toEqual(
      Object.fromEntries(Object.entries(e.byAccount).map(([k, v]) => [k, microOfExact(v).micro])),
    );
    // Each stored line is its row's debit − credit, read here from the file's two columns.
    const debit = csvColumn(file, 'Debit Amount (Two Column Approach)');
    const credit = csvColumn(file, 'Credit Amount (Two Column Approach)');
    const group = csvColumn(file, 'Account Group');
    const lines = ws.db
      .prepare(
        'SELECT source_row AS row, amount_micro AS micro FROM spend WHERE batch_id = ? ORDER BY source_row',
      )
      .all(s.batch) as { row: number; micro: number }[];
    const micro = (t: string) => (t.trim() === '' ? 0n : independentMicro(t));
    expect(lines.map((l) => [l.row, BigInt(l.micro)])).toEqual(
      group.flatMap((g, i) => (g === 'Expense' ? [[i + 2, micro(debit[i]!) - micro(credit[i]!)]] : [])),
    );
  });

  it('Invoice Ninja expense export: three title lines above the header, every expense stored exactly', async () => {
    const name = 'invoiceninja_v4_expenses_export.csv';
    const e = EXPECTED.get(name)!;
    const file = path.join(REAL, name);
    ws = tempWorkspace({ currency: currencyOf(e) });
    const p = await previewImport(ws.db, { path: file, name });
    expect(p).toMatchObject({ kind: 'spend', headerRow: 4, canCommit: true, blockers: [] });
    expect(p.mapping!.columns).toMatchObject({ date: 'Date', amount: e.amountColumn });
    expect(p.counts).toMatchObject({
      dataRows: e.dataRows,
      valid: e.dataRows,
      invalid: 0,
      totalRowsExcluded: 0,
    });
    expect(p.dateRange).toEqual({ from: e.dateRange![0], to: e.dateRange![1] });
    const s = await commitImport(ws.db, { path: file, name });
    expect(s).toMatchObject({ rows: e.dataRows, excluded: 0, currency: currencyOf(e) });
    expect(s.total!.toFixed(2)).toBe(independentCentsSum([e.total!]));
    expect(storedLines(ws, s.batch)).toEqual({
      n: e.dataRows,
      micro: microOfExact(e.total!).micro,
      from: e.dateRange![0],
      to: e.dateRange![1],
      currency: currencyOf(e),
    });
  });
});

describe('a real German budget whose year and currency are only in its amount headers', () => {
  it('Vienna Voranschlag 2012: no hint asks the kind, then the year column; chosen, each row spread over 2012', async () => {
    const name = 'vienna_voranschlag_2012_first300.csv';
    const e = EXPECTED.get(name)! as Expected & { monthlyLines: number; byMonth: Record<string, string> };
    const file = path.join(REAL, name);
    ws = tempWorkspace({ currency: 'EUR' });
    // Budget or an initiative register: the headers do not decide, so the file asks, naming both and the flag.
    const noHint = await rejected(commitImport(ws.db, { path: file, name }));
    expect(noHint.message).toMatch(/the headers fit budget and initiatives about equally well/);
    expect(noHint.message).toContain('choose the kind (CLI: --as budget or --as initiatives)');
    // As a budget: three yearly columns, two of them estimates; which year is not guessed either.
    const asBudget = await rejected(commitImport(ws.db, { path: file, name, as: 'budget' }));
    expect(asBudget.message).toContain(
      'choose one (CLI: --column amount="Voranschlag 2012 EUR" or --column amount="Voranschlag 2011 EUR")',
    );
    expect(ws.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);

    const chosen = { path: file, name, as: 'budget' as const, columns: { amount: e.amountColumn! } };
    const p = await previewImport(ws.db, chosen);
    expect(p).toMatchObject({ kind: 'budget', canCommit: true, encoding: 'windows-1252', delimiter: ';' });
    expect(p.notes).toEqual([
      `annual amounts spread over 12 months: ${e.dataRows} rows → ${e.monthlyLines.toLocaleString('en-US')} monthly lines ` +
        '(calendar year 2012, from the header "Voranschlag 2012 EUR"; equal parts in whole cents, the leftover cents one each to the first months, each line keeps its annual source row)',
    ]);
    const s = await commitImport(ws.db, chosen);
    expect(s).toMatchObject({ rows: e.monthlyLines, sourceRows: e.dataRows, currency: 'EUR' });
    const byMonth = ws.db
      .prepare(
        'SELECT month, sum(amount_micro) AS micro FROM budget WHERE batch_id = ? GROUP BY month ORDER BY month',
      )
      .safeIntegers(true)
      .all(s.batch) as { month: string; micro: bigint }[];
    expect(byMonth.map((m) => [m.month, m.micro])).toEqual(
      Object.entries(e.byMonth).map(([month, total]) => [month, microOfExact(total).micro]),
    );
    expect(byMonth.reduce((a, m) => a + m.micro, 0n)).toBe(microOfExact(e.total!).micro);
  });
});
