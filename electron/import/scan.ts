import fs from 'node:fs';
import { headerKey } from '../../shared/import/headers';
import type { FormatEvidence } from '../../shared/import/evidence';
import type { ImportMapping } from '../../shared/import/mapping';
import { problem, type ImportProblem } from '../../shared/import/problems';
import { recordAmount, recordInitiative, type ImportRecord } from '../../shared/import/records';
import { RowTransformer, type TransformContext, type ValueSettings } from '../../shared/import/transform';
import type { Db } from '../store/db';
import { initiativeIdByName } from '../store/initiatives';
import { getSettings } from '../store/settings';
import type { Analysis } from './analyse';
import { ImportCancelled } from './errors';

export interface ImportProgress {
  phase: 'reading' | 'done';
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface ScanOptions {
  analysis: Analysis;
  mapping: ImportMapping;
  settings: ValueSettings;
  evidence: FormatEvidence | null;
  skipInvalid: boolean;
  /** Rows the user chose to leave out (by their row number); recorded as excluded. */
  excludeRows?: ReadonlySet<number>;
  /** Receives every valid record while the file can still be imported; omitted in a preview. */
  sink?: (r: ImportRecord) => void;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  sampleSize?: number;
  /** Problems listed in full up to this many; all are counted. */
  maxProblems?: number;
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
  totalRows: number[];
  problems: ImportProblem[];
  problemCount: number;
  fileProblems: ImportProblem[];
  unmapped: string[];
  totals: Map<string, bigint>;
  firstRowByCurrency: Map<string, number>;
  newInitiatives: { name: string; row: number }[];
  dateRange: { from: string; to: string } | null;
  sample: ImportRecord[];
}

export function transformContext(db: Db): TransformContext {
  const settings = getSettings(db);
  const kpis = db.prepare('SELECT id, name FROM kpis').all() as { id: string; name: string }[];
  const byKey = new Map<string, string>();
  for (const k of kpis) {
    byKey.set(headerKey(k.id), k.id);
    byKey.set(headerKey(k.name), k.id);
  }
  return {
    fiscalStartMonth: settings.fiscalStartMonth,
    reportingCurrency: settings.currency,
    kpiId: (text) => byKey.get(headerKey(text)),
  };
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
    default:
      return null;
  }
}

/**
 * One pass over the file's data rows: transforms and checks every row, counts and sums what would be
 * stored, and hands valid records to the sink. Once a row is invalid and invalid rows are not to be
 * skipped, the import will be rejected: the pass goes on checking (to list every problem) but stops storing.
 */
export async function scan(db: Db, o: ScanOptions): Promise<ScanResult> {
  const { analysis } = o;
  const transformer = new RowTransformer(
    o.mapping,
    analysis.headers,
    transformContext(db),
    o.settings,
    o.evidence,
  );
  const knownInitiative = initiativeIdByName(db);
  const totalBytes = fs.statSync(analysis.source.path).size;
  const maxProblems = o.maxProblems ?? 10_000;
  const r: ScanResult = {
    sha256: '',
    bytes: 0,
    dataRows: 0,
    storedRows: 0,
    records: 0,
    invalidRows: 0,
    excludedRows: 0,
    totalRows: [],
    problems: [],
    problemCount: 0,
    fileProblems: [...transformer.fileProblems],
    unmapped: transformer.unmapped,
    totals: new Map(),
    firstRowByCurrency: new Map(),
    newInitiatives: [],
    dateRange: null,
    sample: [],
  };
  const namesChecked = new Set<string>();
  const partials = new Map<string, number>();
  const note = (p: ImportProblem) => {
    r.problemCount++;
    if (r.problems.length < maxProblems) r.problems.push(p);
  };
  let storing = r.fileProblems.length === 0;
  const report = () =>
    o.onProgress?.({
      phase: 'reading',
      rows: r.dataRows,
      bytes: Math.min(pass.bytesRead(), totalBytes),
      totalBytes,
    });
  const pass = analysis.source.pass();
  for await (const batch of pass.batches) {
    if (o.signal?.aborted) throw new ImportCancelled(analysis.source.name);
    report();
    for (const row of batch) {
      if (row.row <= analysis.lastHeaderRow) continue;
      const out = transformer.transform(row);
      if (out.skipped === 'blank') continue;
      r.dataRows++;
      if (o.excludeRows?.has(row.row)) {
        r.excludedRows++;
        note(problem(row.row, null, null, 'left out on request', 'warning'));
        continue;
      }
      if (out.skipped === 'total') {
        r.totalRows.push(row.row);
        r.excludedRows++;
        note(
          problem(
            row.row,
            null,
            null,
            'a "Total" row: left out (it sums the rows above, it is not a line of its own)',
            'warning',
          ),
        );
        continue;
      }
      const problems = [...out.problems];
      if (o.mapping.kind === 'initiatives') {
        for (const rec of out.records) {
          if (rec.kind === 'initiatives' && knownInitiative(rec.name) !== undefined) {
            problems.push(
              problem(
                row.row,
                o.mapping.columns.name ?? null,
                rec.name,
                'an initiative with this name is already in the workspace',
              ),
            );
          }
        }
      }
      for (const p of problems) note(p);
      if (problems.some((p) => p.severity === 'error')) {
        r.invalidRows++;
        if (o.skipInvalid) r.excludedRows++;
        else storing = false;
        continue;
      }
      r.storedRows++;
      for (const rec of out.records) {
        r.records++;
        if (r.sample.length < (o.sampleSize ?? 20)) r.sample.push(rec);
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
          if (!r.firstRowByCurrency.has(money.currency)) r.firstRowByCurrency.set(money.currency, rec.row);
        }
        const name = recordInitiative(rec);
        if (name !== null) {
          // Each name is looked up once (a million rows usually name a handful of initiatives).
          const key = name.toLowerCase();
          if (!namesChecked.has(key)) {
            namesChecked.add(key);
            if (knownInitiative(name) === undefined) r.newInitiatives.push({ name, row: rec.row });
          }
        }
        const d = recordDate(rec);
        if (d) {
          if (!r.dateRange) r.dateRange = { from: d, to: d };
          else if (d < r.dateRange.from) r.dateRange.from = d;
          else if (d > r.dateRange.to) r.dateRange.to = d;
        }
        if (storing) o.sink?.(rec);
      }
    }
  }
  if (o.signal?.aborted) throw new ImportCancelled(analysis.source.name);
  for (const [currency, partial] of partials)
    r.totals.set(currency, (r.totals.get(currency) ?? 0n) + BigInt(partial));
  const digest = pass.digest();
  r.sha256 = digest.sha256;
  r.bytes = digest.bytes;
  o.onProgress?.({ phase: 'done', rows: r.dataRows, bytes: r.bytes, totalBytes });
  return r;
}
