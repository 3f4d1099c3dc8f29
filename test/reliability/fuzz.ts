import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ImportRejected } from '../../shared/import/errors';
import { commitImport } from '../../electron/import/run';
import { undoBatch } from '../../electron/store/batches';
import type { Db } from '../../electron/store/db';
import { initWorkspace } from '../../electron/store/workspace';
import { rng, type Rng } from './random';

/**
 * The importer fuzzer. Every case is a file built from a seed (random bytes, a truncated or bit-flipped
 * sample, or a valid file whose rows were mutated), imported with commitImport into one workspace.
 * Each case must end in one of two ways:
 *  - success: the batch is committed with exactly the rows it reports, and undoing it restores the
 *    workspace's counts exactly;
 *  - ImportRejected: a message naming the file, every problem located (row/column) or file-level,
 *    and the workspace's counts unchanged, no transaction left open.
 * Anything else (another exception, a case running over the hang limit, an unhandled rejection) is a
 * failure, reported with the seed that reproduces it: `runFuzz({ seed, budgetMs, only: [seed] })`.
 */

export const SAMPLES = path.resolve(__dirname, '../../../shared/samples');

export const SAMPLE_FILES = [
  'focus/focus_1.0_sample_1000rows.csv',
  'vendors/aws_legacy_cur_anonymized_sample.csv',
  'vendors/azure_cost_mgmt_ea_actualcost_small.csv',
  'vendors/anthropic_console_cost_export_claude_api_cost_2026_02_08_to_2026_02_15.csv',
  'scorecards/omb_2025_federal_ai_use_case_inventory_individual.xlsx',
] as const;

export const STRATEGIES = [
  'random-bytes',
  'truncated-sample',
  'bitflipped-sample',
  'mutated-csv-rows',
  'mutated-xlsx-cells',
  'damaged-xlsx',
] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface FuzzFailure {
  seed: number;
  strategy: Strategy;
  kind:
    | 'crash'
    | 'hang'
    | 'partial-batch'
    | 'unclear-error'
    | 'unhandled-rejection'
    | 'uncaught-exception'
    | 'count-mismatch';
  detail: string;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  succeeded: number;
  rejected: number;
  /** Rejections whose problems name a row (the rest are file-level: empty, corrupt, no header...). */
  rejectedAtRow: number;
  byStrategy: Record<Strategy, { cases: number; succeeded: number; rejected: number }>;
  failures: FuzzFailure[];
  elapsedMs: number;
  slowestCaseMs: number;
  slowestSeed: number;
  integrity: string;
}

export interface FuzzOptions {
  seed: number;
  /** Stop starting new cases after this long. */
  budgetMs: number;
  maxCases?: number;
  /** A case running longer than this is a hang. */
  hangMs?: number;
  /** Run only these case seeds (to reproduce a failure). */
  only?: number[];
  dir: string;
}

// Values that break parsers: numbers in odd forms, impossible dates, formula-like text, control and
// surrogate characters, very long text, the words a parser might treat specially.
const NASTY: readonly string[] = [
  '',
  ' ',
  '0',
  '-0',
  '1e309',
  '-1e309',
  '1e-400',
  'NaN',
  'Infinity',
  '-Infinity',
  '1,234.56',
  '1.234,56',
  '(1,234.00)',
  '$1,234',
  '€5',
  '12%',
  '１２３',
  '٣٤',
  '0x1F',
  '1_000',
  '9'.repeat(400),
  '0.000000000000000000000001',
  '92233720368547758070',
  '2026-02-30',
  '2026-13-01',
  '31/12/2026',
  '12/31/2026',
  '0000-00-00',
  '9999-12-31',
  '1900-01-00',
  '2026-02-12T25:61:00Z',
  '45000',
  '=1+1',
  "=cmd|' /C calc'!A0",
  '+1',
  '-',
  '@SUM(A1)',
  '\t',
  '\r',
  '\n',
  '"',
  '""',
  '"unterminated',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '🤖',
  'A'.repeat(5000),
  'Total',
  'TOTAL',
  'Grand total',
  'model_api',
  'compute',
  'not_a_category',
  'USD',
  'XXX',
  'usd',
  'EUR',
  '<script>alert(1)</script>',
  "'; DROP TABLE spend;--",
  '../../etc/passwd',
  'null',
  'undefined',
  'true',
  '   42   ',
  '4.2e1',
  '.5',
  '5.',
  '--5',
  '1.2.3',
  'Initiative 1',
  'initiative 1 ',
];

function nasty(r: Rng): string {
  if (r.chance(0.15)) return String(r.int(2_000_000) / 100);
  if (r.chance(0.1))
    return `2026-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(31)).padStart(2, '0')}`;
  if (r.chance(0.05)) return r.bytes(1 + r.int(40)).toString('latin1');
  return r.pick(NASTY);
}

/** A clean generic spend file, the base of many row mutations. */
function genericSpend(r: Rng, rows: number): string[][] {
  const out = [['Date', 'Amount', 'Vendor', 'Category', 'Initiative', 'Description']];
  for (let i = 0; i < rows; i++) {
    out.push([
      `2026-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`,
      (r.int(1_000_000) / 100).toFixed(2),
      r.pick(['OpenAI', 'Anthropic', 'AWS', 'Azure']),
      r.pick(['model_api', 'compute', 'platform', 'labor', 'tooling', 'other']),
      `Initiative ${r.int(5)}`,
      `line ${i}`,
    ]);
  }
  return out;
}

const BASE_CSVS: Record<string, () => string> = {
  budget: () =>
    'Month,Amount,Initiative,Category\n2026-01,1000.00,Initiative 1,compute\n2026-02,2000.50,,model_api\n2026-03,300,Initiative 2,\n',
  benefits: () =>
    'Date,Initiative,Amount,Type,Realized\n2026-01-15,Initiative 1,5000,cost_savings,yes\n2026-02-15,Initiative 2,1200.5,revenue,no\n',
  kpis: () => 'KPI,Period,Value\nsupport_deflection,2026-01,0.31\nsupport_deflection,2026-02,0.35\n',
};

function toCsv(rows: string[][], r: Rng): string {
  const delimiter = r.chance(0.85) ? ',' : r.pick([';', '\t', '|']);
  const newline = r.pick(['\n', '\r\n', '\n', '\r']);
  const quote = (v: string) =>
    /[",;\t|\r\n]/.test(v) || (r.chance(0.05) && v !== '') ? `"${v.replace(/"/g, '""')}"` : v;
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + (r.chance(0.7) ? newline : '');
}

function parseCsvLoosely(text: string): string[][] {
  // Enough for the samples (quoted fields with commas, no embedded newlines in the ones we mutate).
  return text
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map((line) => {
      const cells: string[] = [];
      let cur = '';
      let q = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i]!;
        if (q) {
          if (c === '"' && line[i + 1] === '"') {
            cur += '"';
            i++;
          } else if (c === '"') q = false;
          else cur += c;
        } else if (c === '"') q = true;
        else if (c === ',') {
          cells.push(cur);
          cur = '';
        } else cur += c;
      }
      cells.push(cur);
      return cells;
    });
}

function mutateRows(rows: string[][], r: Rng): string[][] {
  const out = rows.map((row) => [...row]);
  const ops = 1 + r.int(6);
  for (let k = 0; k < ops; k++) {
    const i = r.int(out.length);
    const row = out[i]!;
    switch (r.int(10)) {
      case 0:
      case 1:
      case 2:
        if (row.length) row[r.int(row.length)] = nasty(r);
        break;
      case 3:
        row.splice(r.int(row.length + 1), 1);
        break;
      case 4:
        row.splice(r.int(row.length + 1), 0, nasty(r));
        break;
      case 5:
        out.splice(r.int(out.length + 1), 0, [...out[r.int(out.length)]!]);
        break;
      case 6:
        if (out.length > 1) out.splice(r.int(out.length), 1);
        break;
      case 7:
        out.splice(r.int(out.length + 1), 0, r.chance(0.5) ? [] : ['Total', '', String(r.int(1e6))]);
        break;
      case 8:
        // Mangle a header
        if (out[0]!.length) out[0]![r.int(out[0]!.length)] = nasty(r);
        break;
      default:
        // Title rows above the header
        out.unshift([nasty(r)], []);
    }
  }
  return out;
}

function encode(text: string, r: Rng): Buffer {
  switch (r.int(12)) {
    case 0:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 1:
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 2:
      return Buffer.from(text, 'latin1');
    default:
      return Buffer.from(text, 'utf8');
  }
}

type CellValue = ExcelJS.CellValue;

function xlsxValue(r: Rng, base: string): CellValue {
  switch (r.int(12)) {
    case 0:
      return nasty(r);
    case 1:
      return r.pick([0, -0, 1e308, -1e308, 5e-324, 0.1 + 0.2, 2 ** 53 + 1, 45000.5]);
    case 2:
      return new Date(Date.UTC(1900 + r.int(300), r.int(12), 1 + r.int(28)));
    case 3:
      return { formula: 'SUM(B2:B3)', result: r.chance(0.5) ? r.int(1000) : nasty(r) } as CellValue;
    case 4:
      return { formula: 'NOW()' } as CellValue;
    case 5:
      return { richText: [{ text: base.slice(0, 3) }, { text: base.slice(3) }] };
    case 6:
      return { text: base, hyperlink: 'https://example.invalid/' };
    case 7:
      return { error: '#N/A' } as CellValue;
    case 8:
      return r.chance(0.5);
    case 9:
      return null;
    default:
      return base;
  }
}

async function mutatedXlsx(r: Rng): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (r.chance(0.15)) {
    const hidden = wb.addWorksheet('Hidden notes');
    hidden.state = 'hidden';
    hidden.addRow(['not', 'data']);
  }
  const odd = nasty(r)
    .replace(/[\\/?*[\]:']/g, '')
    .slice(0, 31)
    .trim();
  const ws = wb.addWorksheet(r.chance(0.8) || odd === '' || /history/i.test(odd) ? 'Spend' : odd);
  const rows = genericSpend(r, 3 + r.int(25));
  const startRow = r.chance(0.2) ? 1 + r.int(5) : 1;
  const startCol = r.chance(0.2) ? 1 + r.int(3) : 1;
  if (startRow > 1) ws.getCell(1, 1).value = 'Spend export — generated';
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      const cell = ws.getCell(startRow + i, startCol + j);
      const amount = j === 1 && i > 0 ? Number(v) : v;
      cell.value = i > 0 && r.chance(0.12) ? xlsxValue(r, v) : amount;
    }),
  );
  if (r.chance(0.1)) ws.mergeCells(startRow + 1, startCol, startRow + 2, startCol + 1);
  if (r.chance(0.05)) ws.getCell(1_000 + r.int(1000), 1 + r.int(50)).value = 'far away';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Counts {
  batches: number;
  committed: number;
  lines: number;
  initiatives: number;
}

function counts(db: Db): Counts {
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  return {
    batches: one('SELECT count(*) FROM import_batches'),
    committed: one("SELECT count(*) FROM import_batches WHERE status = 'committed'"),
    lines: one(
      'SELECT (SELECT count(*) FROM spend) + (SELECT count(*) FROM budget) + (SELECT count(*) FROM benefits) + (SELECT count(*) FROM kpi_observations)',
    ),
    initiatives: one('SELECT count(*) FROM initiatives'),
  };
}

function linesOfBatch(db: Db, id: number, kind: string): number {
  const sql =
    kind === 'initiatives'
      ? 'SELECT count(*) FROM initiatives WHERE batch_id = @id'
      : `SELECT (SELECT count(*) FROM spend WHERE batch_id = @id) + (SELECT count(*) FROM budget WHERE batch_id = @id)
            + (SELECT count(*) FROM benefits WHERE batch_id = @id) + (SELECT count(*) FROM kpi_observations WHERE batch_id = @id)`;
  return db.prepare(sql).pluck().get({ id }) as number;
}

interface Bases {
  samples: Map<string, Buffer>;
  heads: Map<string, string[][]>;
  xlsx: Buffer;
}

async function loadBases(): Promise<Bases> {
  const samples = new Map<string, Buffer>();
  const heads = new Map<string, string[][]>();
  for (const f of SAMPLE_FILES) {
    const bytes = fs.readFileSync(path.join(SAMPLES, f));
    samples.set(f, bytes);
    if (f.endsWith('.csv')) {
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      heads.set(f, parseCsvLoosely(text.split(/\r?\n/).slice(0, 40).join('\n')));
    }
  }
  return { samples, heads, xlsx: await mutatedXlsx(rng(1)) };
}

/** Builds the bytes and name of one case from its seed. */
async function makeCase(
  seed: number,
  strategy: Strategy,
  bases: Bases,
): Promise<{ name: string; bytes: Buffer; skipInvalid: boolean }> {
  const r = rng(seed);
  const skipInvalid = r.chance(0.3);
  const sampleName = (allowBig: boolean) => {
    const small = SAMPLE_FILES.filter((f) => allowBig || !f.endsWith('.xlsx'));
    return r.pick(small);
  };
  switch (strategy) {
    case 'random-bytes': {
      const n = r.pick([1, 2, 3, 16, 100, 1000, 4096, 20_000]);
      let bytes = r.bytes(n);
      const flavour = r.int(4);
      if (flavour === 1) bytes = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), bytes]);
      if (flavour === 2) {
        const alphabet = 'abc,;"\t\r\n0123456789.-=+ ';
        bytes = Buffer.from(Array.from({ length: n }, () => alphabet[r.int(alphabet.length)]).join(''));
      }
      if (flavour === 3) bytes = Buffer.concat([Buffer.from('Date,Amount,Vendor\n'), bytes]);
      return { name: r.pick(['random.csv', 'random.xlsx', 'random.txt']), bytes, skipInvalid };
    }
    case 'truncated-sample': {
      const f = sampleName(r.chance(0.3));
      const full = bases.samples.get(f)!;
      const cut = r.chance(0.3) ? r.int(Math.min(full.length, 2048)) : r.int(full.length);
      return { name: path.basename(f), bytes: full.subarray(0, cut), skipInvalid };
    }
    case 'bitflipped-sample': {
      const f = sampleName(r.chance(0.04));
      const b = Buffer.from(bases.samples.get(f)!);
      const flips = 1 + r.int(8);
      // Most flips land in the first kilobytes (header, first rows, zip headers); some anywhere.
      for (let k = 0; k < flips; k++) {
        const at = r.chance(0.6) ? r.int(Math.min(b.length, 4096)) : r.int(b.length);
        b[at]! ^= 1 << r.int(8);
      }
      return { name: path.basename(f), bytes: b, skipInvalid };
    }
    case 'mutated-csv-rows': {
      const base = r.int(5);
      let rows: string[][];
      if (base === 0) rows = genericSpend(r, 2 + r.int(40));
      else if (base === 1) rows = parseCsvLoosely(BASE_CSVS[r.pick(['budget', 'benefits', 'kpis'])]!());
      else rows = bases.heads.get(r.pick([...bases.heads.keys()]))!;
      return { name: 'mutated.csv', bytes: encode(toCsv(mutateRows(rows, r), r), r), skipInvalid };
    }
    case 'mutated-xlsx-cells':
      return { name: 'mutated.xlsx', bytes: await mutatedXlsx(r), skipInvalid };
    case 'damaged-xlsx': {
      const b = Buffer.from(bases.xlsx);
      if (r.chance(0.4)) return { name: 'damaged.xlsx', bytes: b.subarray(0, r.int(b.length)), skipInvalid };
      const flips = 1 + r.int(4);
      for (let k = 0; k < flips; k++) b[r.int(b.length)]! ^= 1 << r.int(8);
      return { name: 'damaged.xlsx', bytes: b, skipInvalid };
    }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'hang'> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<'hang'>((resolve) => {
      timer = setTimeout(() => resolve('hang'), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const hangMs = o.hangMs ?? 20_000;
  const ws = initWorkspace(path.join(o.dir, 'fuzz.sqlite'));
  const bases = await loadBases();
  const report: FuzzReport = {
    seed: o.seed,
    cases: 0,
    succeeded: 0,
    rejected: 0,
    rejectedAtRow: 0,
    byStrategy: Object.fromEntries(
      STRATEGIES.map((s) => [s, { cases: 0, succeeded: 0, rejected: 0 }]),
    ) as FuzzReport['byStrategy'],
    failures: [],
    elapsedMs: 0,
    slowestCaseMs: 0,
    slowestSeed: 0,
    integrity: '',
  };
  let current = { seed: 0, strategy: STRATEGIES[0] as Strategy };
  const onUnhandled = (reason: unknown) =>
    report.failures.push({ ...current, kind: 'unhandled-rejection', detail: String(reason) });
  const onUncaught = (err: Error) =>
    report.failures.push({ ...current, kind: 'uncaught-exception', detail: err.stack ?? String(err) });
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUncaught);
  const file = path.join(o.dir, 'case.bin');
  try {
    const seeds = o.only ?? null;
    for (let i = 0; ; i++) {
      if (seeds ? i >= seeds.length : Date.now() - started > o.budgetMs || i >= (o.maxCases ?? Infinity))
        break;
      const seed = seeds ? seeds[i]! : (o.seed * 1_000_003 + i) >>> 0;
      const strategy = STRATEGIES[seed % STRATEGIES.length]!;
      current = { seed, strategy };
      const c = await makeCase(seed, strategy, bases);
      fs.writeFileSync(file, c.bytes);
      const before = counts(ws.db);
      const t0 = Date.now();
      const fail = (kind: FuzzFailure['kind'], detail: string) =>
        report.failures.push({ seed, strategy, kind, detail: `${c.name}: ${detail}` });
      let outcome: Awaited<ReturnType<typeof commitImport>> | 'hang' | Error;
      try {
        outcome = await withTimeout(
          commitImport(ws.db, { path: file, name: c.name, skipInvalid: c.skipInvalid, allowDuplicate: true }),
          hangMs,
        );
      } catch (err) {
        outcome = err instanceof Error ? err : new Error(String(err));
      }
      const ms = Date.now() - t0;
      if (ms > report.slowestCaseMs) [report.slowestCaseMs, report.slowestSeed] = [ms, seed];
      report.cases++;
      report.byStrategy[strategy].cases++;
      if (outcome === 'hang') {
        fail('hang', `still running after ${hangMs} ms`);
        break; // its transaction is still open: the workspace cannot be used for more cases
      }
      if (outcome instanceof Error) {
        if (!(outcome instanceof ImportRejected)) {
          fail('crash', outcome.stack ?? outcome.message);
        } else {
          report.rejected++;
          report.byStrategy[strategy].rejected++;
          const errors = outcome.problems.filter((p) => p.severity === 'error');
          if (
            !outcome.message.includes(c.name) ||
            errors.length === 0 ||
            errors.some((p) => !p.message.trim())
          )
            fail('unclear-error', outcome.message.slice(0, 300));
          if (errors.some((p) => p.row !== null)) report.rejectedAtRow++;
        }
        const after = counts(ws.db);
        if (ws.db.inTransaction || JSON.stringify(after) !== JSON.stringify(before))
          fail('partial-batch', `after a rejection: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        continue;
      }
      report.succeeded++;
      report.byStrategy[strategy].succeeded++;
      const id = outcome.batch!;
      const batch = ws.db.prepare('SELECT status, row_count FROM import_batches WHERE id = ?').get(id) as
        { status: string; row_count: number } | undefined;
      const lines = linesOfBatch(ws.db, id, outcome.kind);
      if (batch?.status !== 'committed' || batch.row_count !== outcome.rows)
        fail('partial-batch', `batch ${id}: ${JSON.stringify(batch)} vs summary rows ${outcome.rows}`);
      // KPI rows of a wide file may carry several observations each; others one line per row.
      if (outcome.kind === 'kpis' ? lines < outcome.rows : lines !== outcome.rows)
        fail(
          'count-mismatch',
          `batch ${id} (${outcome.kind}): ${lines} lines stored, summary says ${outcome.rows} rows`,
        );
      undoBatch(ws.db, id);
      const after = counts(ws.db);
      if (
        after.lines !== before.lines ||
        after.initiatives !== before.initiatives ||
        after.committed !== before.committed
      )
        fail(
          'partial-batch',
          `undo did not restore the counts: ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
        );
    }
    report.integrity = String(ws.db.pragma('integrity_check', { simple: true }));
  } finally {
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUncaught);
    ws.close();
    report.elapsedMs = Date.now() - started;
  }
  return report;
}
