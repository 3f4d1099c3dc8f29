import fs from 'node:fs';
import type { YearRange } from '../../shared/fiscal';
import { headerKey } from '../../shared/import/headers';
import {
  AMOUNT_KINDS,
  ControlLedger,
  describeControlRow,
  type Reconciliation,
} from '../../shared/import/controlRows';
import type { FormatEvidence } from '../../shared/import/evidence';
import type { ImportMapping } from '../../shared/import/mapping';
import { problem, type ImportProblem } from '../../shared/import/problems';
import { recordAmount, recordInitiative, type ImportRecord } from '../../shared/import/records';
import type { FilteredRows } from '../../shared/import/summary';
import { RowTransformer, type TransformContext, type ValueSettings } from '../../shared/import/transform';
import { ImportCancelled } from '../../shared/import/errors';
import type { RowPass, SourceSpec } from './source';

export interface ImportProgress {
  phase: 'reading' | 'done';
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface ScanResult {
  sha256: string;
  bytes: number;
  /** Non-blank data rows read after the header. */
  dataRows: number;
  /** Rows whose records were stored (or would be). */
  storedRows: number;
  records: number;
  invalidRows: number;
  /** Rows left out: invalid ones (with skip-invalid) and Total rows. */
  excludedRows: number;
  /** Rows the mapping's filters did not keep (never problems): how many, and by reason with the first rows. */
  filtered: FilteredRows;
  totalRows: number[];
  /** The control rows left out, each checked against the rows it covers; the file total; footer lines. */
  reconciliation: Reconciliation;
  problems: ImportProblem[];
  problemCount: number;
  fileProblems: ImportProblem[];
  unmapped: string[];
  totals: Map<string, bigint>;
  /** Months (YYYY-MM) of the amounts in each currency other than the workspace's: they need a rate each. */
  foreignMonths: Map<string, Set<string>>;
  /** What the preview says about currencies the file does not name (booked as the workspace's). */
  currencyNotes: string[];
  newInitiatives: { name: string; row: number }[];
  dateRange: { from: string; to: string } | null;
  sample: ImportRecord[];
}

/** Distinct reasons listed; rows with other reasons are counted on one line after them. */
const MAX_FILTER_REASONS = 50;
export const OTHER_FILTER_REASONS = 'other values (not listed one by one)';

function countFiltered(f: FilteredRows, reason: string, row: number): void {
  f.rows++;
  let line = f.reasons.find((x) => x.reason === reason);
  if (!line && f.reasons.length >= MAX_FILTER_REASONS) {
    line = f.reasons.find((x) => x.reason === OTHER_FILTER_REASONS);
    reason = OTHER_FILTER_REASONS;
  }
  if (!line) f.reasons.push((line = { reason, rows: 0, firstRows: [] }));
  line.rows++;
  if (line.firstRows.length < 5) line.firstRows.push(row);
}

/** What a scan needs from the workspace, as plain data (read once on the thread that owns the database). */
export interface WorkspaceFacts {
  fiscalStartMonth: number;
  /** The plausible years (Settings): dates and periods outside them are row problems. */
  years: YearRange;
  reportingCurrency: string;
  kpis: { id: string; name: string }[];
  /** Names of the initiatives the workspace has (a file naming others creates them). */
  initiatives: string[];
}

export interface ScanContext {
  transform: TransformContext;
  /** Whether the workspace has an initiative of this name (case-insensitive, as the name column). */
  knownInitiative(name: string): boolean;
}

/** SQLite's NOCASE: ASCII letters only. */
function nocase(name: string): string {
  return name.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function scanContext(facts: WorkspaceFacts): ScanContext {
  const byKey = new Map<string, string>();
  for (const k of facts.kpis) {
    byKey.set(headerKey(k.id), k.id);
    byKey.set(headerKey(k.name), k.id);
  }
  const names = new Set(facts.initiatives.map(nocase));
  return {
    transform: {
      fiscalStartMonth: facts.fiscalStartMonth,
      years: facts.years,
      reportingCurrency: facts.reportingCurrency,
      kpiId: (text) => byKey.get(headerKey(text)),
    },
    knownInitiative: (name) => names.has(nocase(name)),
  };
}

/** One scan as plain data: what to read and how to read it. */
export interface ScanJob {
  source: SourceSpec;
  headers: readonly string[];
  /** Data starts after this row number. */
  lastHeaderRow: number;
  mapping: ImportMapping;
  settings: ValueSettings;
  skipInvalid: boolean;
  /** Rows the user chose to leave out (by their row number); recorded as excluded. */
  excludeRows?: readonly number[];
  sampleSize?: number;
  /** Problems listed in full up to this many; all are counted. */
  maxProblems?: number;
}

export interface ScanHooks {
  pass: RowPass;
  evidence: FormatEvidence | null;
  /** Receives every valid record while the file can still be imported; omitted in a preview. */
  sink?: (r: ImportRecord) => void;
  /** Awaited after each batch of rows (a worker's back-pressure). */
  afterBatch?: () => Promise<void> | void;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

function recordDate(r: ImportRecord): string | null {
  switch (r.kind) {
    case 'spend':
    case 'benefits':
      return r.date;
    case 'budget':
    case 'fx':
      return `${r.month}-01`;
    case 'kpis':
      return r.periodEnd;
    case 'commitments':
      return r.start;
    default:
      return null;
  }
}

/**
 * One pass over the file's data rows: transforms and checks every row, counts and sums what would be
 * stored, and hands valid records to the sink. Once a row is invalid and invalid rows are not to be
 * skipped, the import will be rejected: the pass goes on checking (to list every problem) but stops storing.
 * Needs no database, so it runs the same in the thread that owns the workspace or in a worker.
 */
export async function scanRows(ctx: ScanContext, job: ScanJob, hooks: ScanHooks): Promise<ScanResult> {
  const transformer = new RowTransformer(
    job.mapping,
    job.headers,
    ctx.transform,
    job.settings,
    hooks.evidence,
  );
  const { pass } = hooks;
  const excluded = new Set(job.excludeRows ?? []);
  const totalBytes = fs.statSync(job.source.path).size;
  const maxProblems = job.maxProblems ?? 10_000;
  const r: ScanResult = {
    sha256: '',
    bytes: 0,
    dataRows: 0,
    storedRows: 0,
    records: 0,
    invalidRows: 0,
    excludedRows: 0,
    filtered: { rows: 0, reasons: [] },
    totalRows: [],
    reconciliation: { controlRows: [], fileTotal: null, mismatches: 0, footerRows: [] },
    problems: [],
    problemCount: 0,
    fileProblems: [],
    unmapped: transformer.unmapped,
    totals: new Map(),
    foreignMonths: new Map(),
    currencyNotes: [],
    newInitiatives: [],
    dateRange: null,
    sample: [],
  };
  const namesChecked = new Set<string>();
  const namesSeen = new Set<string>();
  const partials = new Map<string, number>();
  const note = (p: ImportProblem) => {
    r.problemCount++;
    if (r.problems.length < maxProblems) r.problems.push(p);
  };
  let storing = transformer.fileProblems.length === 0;
  const ledger = new ControlLedger();
  /** The running sums per currency of the rows stored so far (taken at a control row only). */
  const running = () => {
    const m = new Map(r.totals);
    for (const [c, p] of partials) m.set(c, (m.get(c) ?? 0n) + BigInt(p));
    return m;
  };
  /**
   * Invalid rows that read as notes ("Generated by …"): held until a data row follows (then they are
   * invalid rows like any other) or the file ends (then they are its footer, left out).
   */
  let pending: { row: number; text: string; problems: ImportProblem[] }[] = [];
  const invalid = (problems: readonly ImportProblem[]) => {
    for (const p of problems) note(p);
    r.invalidRows++;
    if (job.skipInvalid) r.excludedRows++;
    else storing = false;
  };
  const flushPending = () => {
    for (const p of pending) invalid(p.problems);
    pending = [];
  };
  const reporting = ctx.transform.reportingCurrency;
  const report = () =>
    hooks.onProgress?.({
      phase: 'reading',
      rows: r.dataRows,
      bytes: Math.min(pass.bytesRead(), totalBytes),
      totalBytes,
    });
  for await (const batch of pass.batches) {
    if (hooks.signal?.aborted) throw new ImportCancelled(job.source.name);
    report();
    for (const row of batch) {
      if (row.row <= job.lastHeaderRow) continue;
      const out = transformer.transform(row);
      if (out.skipped === 'blank') continue;
      r.dataRows++;
      if (out.skipped === 'filtered') {
        countFiltered(r.filtered, out.filteredBy!, row.row);
        continue;
      }
      if (excluded.has(row.row)) {
        r.excludedRows++;
        note(problem(row.row, null, null, 'left out on request', 'warning', 'excluded'));
        continue;
      }
      const control = out.control;
      if (
        out.skipped === 'total' ||
        // No label: a total only if its amount is exactly the sum of the rows above it (since the last
        // control row, or since the first row).
        (control &&
          control.amount !== null &&
          ledger.match(BigInt(control.amount), control.currency, running()) !== null)
      ) {
        r.totalRows.push(row.row);
        r.excludedRows++;
        // Kinds without amounts only leave their labelled total rows out: nothing to check them against.
        if (AMOUNT_KINDS.has(job.mapping.kind))
          ledger.control(
            row.row,
            control?.label ?? null,
            control?.amount != null ? BigInt(control.amount) : null,
            control?.currency ?? null,
            running(),
          );
        note(
          problem(
            row.row,
            null,
            control?.label ?? null,
            control?.label == null
              ? 'no label, but its amount is exactly the sum of the rows above it: a total, left out (not a line of its own)'
              : 'a "Total" row: left out (it sums the rows above, it is not a line of its own)',
            'warning',
            'total-row',
          ),
        );
        continue;
      }
      if (out.note != null) {
        pending.push({ row: row.row, text: out.note, problems: out.problems });
        continue;
      }
      if (pending.length > 0) flushPending();
      let problems = out.problems;
      if (job.mapping.kind === 'initiatives') {
        problems = [...problems];
        for (const rec of out.records) {
          if (rec.kind === 'initiatives' && ctx.knownInitiative(rec.name)) {
            problems.push(
              problem(
                row.row,
                job.mapping.columns.name ?? null,
                rec.name,
                'an initiative with this name is already in the workspace',
                'error',
                'initiative-exists',
              ),
            );
          }
        }
      }
      if (problems.length > 0 && problems.some((p) => p.severity === 'error')) {
        invalid(problems);
        continue;
      }
      for (const p of problems) note(p);
      r.storedRows++;
      ledger.stored(row.row);
      for (const rec of out.records) {
        r.records++;
        if (r.sample.length < (job.sampleSize ?? 20)) r.sample.push(rec);
        const money = recordAmount(rec);
        if (money) {
          // Summed exactly in a number while that is safe (amounts are integers of micro-units), carried
          // into the BigInt total before it could lose a unit.
          let partial = partials.get(money.currency) ?? 0;
          if (Math.abs(partial) + Math.abs(money.amount) > Number.MAX_SAFE_INTEGER) {
            r.totals.set(money.currency, (r.totals.get(money.currency) ?? 0n) + BigInt(partial));
            partial = 0;
          }
          partials.set(money.currency, partial + money.amount);
          if (money.currency !== reporting) {
            let months = r.foreignMonths.get(money.currency);
            if (!months) r.foreignMonths.set(money.currency, (months = new Set()));
            months.add(recordDate(rec)!.slice(0, 7));
          }
        }
        const name = recordInitiative(rec);
        if (name !== null && !namesSeen.has(name)) {
          // Each name is looked up once (a million rows usually name a handful of initiatives): by its
          // spelling first, then by its lower case.
          namesSeen.add(name);
          const key = name.toLowerCase();
          if (!namesChecked.has(key)) {
            namesChecked.add(key);
            if (!ctx.knownInitiative(name)) r.newInitiatives.push({ name, row: rec.row });
          }
        }
        const d = recordDate(rec);
        if (d) {
          if (!r.dateRange) r.dateRange = { from: d, to: d };
          else if (d < r.dateRange.from) r.dateRange.from = d;
          else if (d > r.dateRange.to) r.dateRange.to = d;
        }
        if (storing) hooks.sink?.(rec);
      }
    }
    await hooks.afterBatch?.();
  }
  if (hooks.signal?.aborted) throw new ImportCancelled(job.source.name);
  // Notes with no data after them: the table's footer, left out (not data rows).
  for (const p of pending) {
    r.dataRows--;
    ledger.footer(p.row, p.text);
    note(problem(p.row, null, p.text, 'below the table, not a data row: left out', 'warning', 'footer-row'));
  }
  // Read after the rows: an unmapped required field names the columns with their first values.
  r.fileProblems = transformer.fileProblems;
  r.currencyNotes = [...transformer.currencyNotes(), ...transformer.amountNotes()];
  for (const [currency, partial] of partials)
    r.totals.set(currency, (r.totals.get(currency) ?? 0n) + BigInt(partial));
  // The partial sums are in r.totals by now.
  r.reconciliation = ledger.finish(new Map(r.totals));
  for (const c of r.reconciliation.controlRows) {
    if (c.reconciles === false)
      note(problem(c.row, null, c.label, describeControlRow(c, false), 'warning', 'total-mismatch'));
  }
  const digest = pass.digest();
  r.sha256 = digest.sha256;
  r.bytes = digest.bytes;
  hooks.onProgress?.({ phase: 'done', rows: r.dataRows, bytes: r.bytes, totalBytes });
  return r;
}
