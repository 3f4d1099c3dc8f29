import { FormatEvidence } from '../../shared/import/evidence';
import type { ImportMapping } from '../../shared/import/mapping';
import { problem, type ImportProblem } from '../../shared/import/problems';
import { mismatchMessage, NO_RECONCILIATION } from '../../shared/import/controlRows';
import {
  reportedFormat,
  type CurrencyTotal,
  type ImportPreview,
  type ImportSummary,
} from '../../shared/import/summary';
import type { ValueSettings } from '../../shared/import/transform';
import { lastDayOfMonth } from '../../shared/fiscal';
import { divRoundHalfAway } from '../../shared/money';
import { committedBatchOfFile, createBatch, finishBatch, recordBatchFile, undoBatch } from '../store/batches';
import { overlappingBatches } from '../store/batchOverlaps';
import {
  beginWrite,
  commitWrite,
  inTransaction,
  largePageCache,
  rollbackWrite,
  type ReadableDb,
  type WritableDb,
} from '../store/connection';
import { missingFxRates } from '../store/fxRates';
import { getSettings } from '../store/settings';
import { analyse, type AnalyseRequest, type Analysis } from './analyse';
import { ImportRejected } from '../../shared/import/errors';
import { saveMapping } from '../store/savedMappings';
import { prewarmFor, scan, type ImportProgress, type ScanResult } from './scan';
import { releaseWarmWorker } from './scanThread';
import {
  initiativeAliases,
  initiativesOfPreview,
  nameKey,
  proposalsForCreated,
  type InitiativeMatch,
} from './initiativeMatches';
import { initiativeNames } from '../store/initiatives';
import { createWriter, type RecordWriter } from './writer';

export interface ImportOptions extends AnalyseRequest {
  /** Leave invalid rows out (each recorded in the batch) instead of rejecting the file. */
  skipInvalid?: boolean;
  /** Import a file whose SHA-256 matches a batch that is still committed. */
  allowDuplicate?: boolean;
  /** Import a file whose own total (or a subtotal) does not equal the rows it covers, on purpose. */
  acceptTotalMismatch?: boolean;
  /** Rows (by row number) the user excluded in the preview; the batch records them. */
  excludeRows?: number[];
  /**
   * Data of the same kind already imported for the dates this file covers: `append` keeps it (the
   * preview lists it), `replace` undoes those batches, whole, in the same transaction.
   */
  overlap?: 'append' | 'replace';
  /** Name under which the mapping is remembered for this header layout. */
  mappingName?: string;
  /** Names in the file the user matched to existing initiatives (stored under those, none created). */
  initiativeMatches?: InitiativeMatch[];
  /**
   * A new initiative name close to an existing one (a proposal): `create` creates it and lists the proposal
   * in the summary (the wizard has already asked); `ask` refuses the file naming each proposal, unless the
   * name is matched (`initiativeMatches`) or confirmed new (`newInitiatives`) — the CLI's way of never
   * creating a near-duplicate silently.
   */
  closeNames?: 'create' | 'ask';
  /** Names in the file the user confirmed as new initiatives although they are close to an existing one. */
  newInitiatives?: string[];
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

interface Pass {
  analysis: Analysis;
  mapping: ImportMapping;
  values: ValueSettings;
  result: ScanResult;
  /** Problems that block the import whatever the rows say. */
  fileProblems: ImportProblem[];
  /** The batch being written (commit only), which is never its own overlap. */
  batchId?: number;
}

function initialValues(db: ReadableDb, m: ImportMapping, analysis: Analysis): ValueSettings {
  return {
    decimal: m.decimal ?? '.',
    dateOrder: m.dateOrder ?? 'mdy',
    timeZone: m.timeZone ?? getSettings(db).importTimeZone,
    dayMonthPeriod: analysis.dayMonthPeriod,
    negateWhy: analysis.negateWhy,
  };
}

/**
 * Runs the scan, reading the decimal separator and date order from all rows when the mapping leaves
 * them open. The first pass assumes the common case; if the rows decide otherwise, `retry` is called
 * (to roll back what was stored) and the file is read again with what the rows decided.
 */
async function resolvedScan(
  db: ReadableDb,
  analysis: Analysis,
  mapping: ImportMapping,
  o: ImportOptions,
  writer: (() => RecordWriter) | null,
  retry: () => void,
): Promise<Pass> {
  let values = initialValues(db, mapping, analysis);
  for (let attempt = 0; ; attempt++) {
    const evidence =
      attempt === 0 && (mapping.decimal === null || mapping.dateOrder === null) ? new FormatEvidence() : null;
    const result = await scan(db, {
      analysis,
      mapping,
      settings: values,
      evidence,
      skipInvalid: o.skipInvalid ?? false,
      ...(o.excludeRows?.length ? { excludeRows: new Set(o.excludeRows) } : {}),
      ...(writer ? writerHooks(writer()) : {}),
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    const fileProblems = [...analysis.problems, ...result.fileProblems];
    if (evidence) {
      const decimal = mapping.decimal === null ? evidence.decideDecimal() : null;
      const order = mapping.dateOrder === null ? evidence.decideDateOrder() : null;
      if (decimal?.problem) fileProblems.push(decimal.problem);
      if (order?.problem) fileProblems.push(order.problem);
      const next: ValueSettings = {
        ...values,
        decimal: decimal?.value ?? values.decimal,
        dateOrder: order?.value && order.value !== 'ymd' ? order.value : values.dateOrder,
      };
      if (next.decimal !== values.decimal || next.dateOrder !== values.dateOrder) {
        retry();
        values = next;
        continue;
      }
    }
    fileProblems.push(...currencyProblems(db, result));
    return { analysis, mapping, values, result, fileProblems };
  }
}

/** The scan's hooks into the batch's writer: every valid record, and the rollup when a worker sums it. */
function writerHooks(w: RecordWriter): Pick<Parameters<typeof scan>[1], 'sink' | 'rollupFromReader'> {
  return { sink: (rec) => w.write(rec), rollupFromReader: () => w.rollupFromReader() };
}

/** The months a list names: "2026-03, 2026-04" (the first 12, then how many more). */
function monthList(months: string[]): string {
  const shown = months.slice(0, 12).join(', ');
  return months.length > 12 ? `${shown} and ${months.length - 12} more` : shown;
}

/**
 * Amounts in a currency other than the reporting one are converted with the rate for their month: one
 * missing is one problem per currency naming the months (nothing is booked as the workspace currency).
 */
function currencyProblems(db: ReadableDb, r: ScanResult): ImportProblem[] {
  const reporting = getSettings(db).currency;
  return missingFxRates(db, r.foreignMonths).map(({ currency, months }) =>
    problem(
      null,
      null,
      currency,
      `no ${currency} rate for ${monthList(months)}: add ${months.length === 1 ? 'it' : 'them'} in Settings › Exchange rates ` +
        `or import a rates file (units of ${reporting} per 1 ${currency})`,
      'error',
      'missing-fx-rate',
    ),
  );
}

function blockersOf(p: Pass, o: ImportOptions, duplicate: ImportPreview['duplicateOf']): string[] {
  const out = p.fileProblems.filter((x) => x.severity === 'error').map((x) => x.message);
  const r = p.result;
  if (r.invalidRows > 0 && !o.skipInvalid) {
    out.push(
      `${r.invalidRows} row${r.invalidRows === 1 ? ' has' : 's have'} problems: fix the file, change the mapping, or leave them out (skip invalid rows)`,
    );
  }
  if (out.length === 0 && r.storedRows === 0) out.push(noRowsMessage(r.dataRows));
  if (duplicate && !o.allowDuplicate) out.push(duplicateMessage(duplicate));
  // The file's own arithmetic disagrees with its lines as read: never stored without the user seeing it.
  if (r.reconciliation.mismatches > 0 && !o.acceptTotalMismatch) out.push(mismatchMessage(r.reconciliation));
  return out;
}

/** A total that does not match its rows, as the one problem that refuses the file until accepted. */
function mismatchProblems(
  rec: ImportPreview['reconciliation'],
  o: Pick<ImportOptions, 'acceptTotalMismatch'>,
): ImportProblem[] {
  if (rec.mismatches === 0 || o.acceptTotalMismatch) return [];
  const row = rec.fileTotal && !rec.fileTotal.reconciles ? rec.fileTotal.row : null;
  return [problem(row, null, null, mismatchMessage(rec), 'error', 'total-mismatch')];
}

function noRowsMessage(dataRows: number): string {
  return dataRows === 0 ? 'no data rows below the header' : 'no valid rows to import';
}

function duplicateMessage(d: NonNullable<ImportPreview['duplicateOf']>): string {
  return `this exact file (same SHA-256) was already imported as batch #${d.batch} on ${d.importedAt}; undo that batch first, or import it again on purpose`;
}

function duplicateOf(db: ReadableDb, sha256: string): ImportPreview['duplicateOf'] {
  const batch = committedBatchOfFile(db, sha256);
  return batch ? { batch: batch.id, importedAt: batch.importedAt } : null;
}

function overlapsOf(db: ReadableDb, p: Pass): ImportPreview['overlaps'] {
  const range = p.result.dateRange;
  if (!range) return [];
  // Periods are months: a file covering 20 January overlaps whatever is already in January.
  const from = `${range.from.slice(0, 7)}-01`;
  const to = lastDayOfMonth(range.to.slice(0, 7));
  return overlappingBatches(db, p.mapping.kind, from, to, p.batchId);
}

function totalsOf(r: ScanResult): CurrencyTotal[] {
  return [...r.totals].map(([currency, micro]) => ({
    currency,
    micro: micro.toString(),
    cents: centsString(micro),
  }));
}

function centsString(micro: bigint): string {
  const cents = divRoundHalfAway(micro, 10_000n);
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Analyses the file and checks every row without writing anything. */
export async function previewImport(db: ReadableDb, o: ImportOptions): Promise<ImportPreview> {
  prewarmFor(o.path);
  try {
    const analysis = await analyse(db, o);
    try {
      return await previewOf(db, analysis, o);
    } finally {
      analysis.source.close();
    }
  } finally {
    releaseWarmWorker();
  }
}

async function previewOf(db: ReadableDb, analysis: Analysis, o: ImportOptions): Promise<ImportPreview> {
  const base = {
    fileName: o.name,
    container: analysis.source.container,
    encoding: analysis.source.encoding,
    delimiter: analysis.source.delimiter,
    sheets: analysis.source.sheets,
    sheet: analysis.source.sheet,
    headerRow: analysis.headerRow,
    headers: analysis.headers,
    format: reportedFormat(analysis.format.format, analysis.source.container),
    formatLabel: analysis.format.label,
    kind: analysis.kind,
    mapping: analysis.mapping,
    mappingSource: analysis.mappingSource,
    savedMapping: analysis.savedMapping,
    evidence: analysis.evidence,
    columnChoices: analysis.columnChoices,
    kindCandidates: analysis.kindCandidates,
    kindUndecided: analysis.kindUndecided,
  };
  // No kind yet, or a field two columns fit about equally: nothing is read until the user chooses.
  if (!analysis.mapping || analysis.columnChoices.length > 0) {
    const mapped = new Set(Object.values(analysis.mapping?.columns ?? {}));
    return {
      ...base,
      fileSize: 0,
      sha256: '',
      decimal: null,
      dateOrder: null,
      timeZone: analysis.mapping?.timeZone ?? getSettings(db).importTimeZone,
      unmappedColumns: analysis.headers.filter((h) => !mapped.has(h)),
      notes: [],
      sample: [],
      counts: {
        dataRows: analysis.head.length,
        valid: 0,
        invalid: 0,
        totalRowsExcluded: 0,
        records: 0,
        filtered: 0,
      },
      filtered: { rows: 0, reasons: [] },
      totals: [],
      reconciliation: NO_RECONCILIATION,
      problems: analysis.problems,
      problemCount: analysis.problems.length,
      newInitiatives: [],
      initiativeProposals: [],
      matchedInitiatives: [],
      dateRange: null,
      duplicateOf: null,
      overlaps: [],
      canCommit: false,
      blockers: analysis.problems.map((p) => p.message),
    };
  }
  const pass = await resolvedScan(db, analysis, analysis.mapping, o, null, () => {});
  const r = pass.result;
  const duplicate = duplicateOf(db, r.sha256);
  const blockers = blockersOf(pass, o, duplicate);
  const undecided = (code: ImportProblem['code']) => pass.fileProblems.some((p) => p.code === code);
  return {
    ...base,
    fileSize: r.bytes,
    sha256: r.sha256,
    decimal: undecided('undecided-decimal') ? null : pass.values.decimal,
    dateOrder: undecided('undecided-date-order') ? null : pass.values.dateOrder,
    timeZone: pass.values.timeZone,
    unmappedColumns: r.unmapped,
    notes: r.currencyNotes,
    sample: r.sample,
    counts: {
      dataRows: r.dataRows,
      valid: r.storedRows,
      invalid: r.invalidRows,
      totalRowsExcluded: r.totalRows.length,
      records: r.records,
      filtered: r.filtered.rows,
    },
    filtered: r.filtered,
    totals: totalsOf(r),
    reconciliation: r.reconciliation,
    problems: [...pass.fileProblems, ...r.problems],
    problemCount: pass.fileProblems.length + r.problemCount,
    ...initiativesOfPreview(db, r.newInitiatives, initiativeAliases(db, o.name, o.initiativeMatches)),
    dateRange: r.dateRange,
    duplicateOf: duplicate,
    overlaps: overlapsOf(db, pass),
    canCommit: blockers.length === 0,
    blockers,
  };
}

/**
 * Imports a file as one batch in one transaction: the batch record, every line, the initiatives it
 * creates and the remembered mapping commit together, or (rejected, cancelled, crashed) not at all.
 * Uses BEGIN IMMEDIATE on `db` across the file's asynchronous reading, so `db` must be a connection no
 * one else uses meanwhile (the service opens one per import).
 */
export async function commitImport(db: WritableDb, o: ImportOptions): Promise<ImportSummary> {
  prewarmFor(o.path);
  try {
    const analysis = await analyse(db, o);
    try {
      return await commitAnalysed(db, analysis, o);
    } finally {
      analysis.source.close();
    }
  } finally {
    releaseWarmWorker();
  }
}

async function commitAnalysed(db: WritableDb, analysis: Analysis, o: ImportOptions): Promise<ImportSummary> {
  const sheet = analysis.source.sheet;
  // No kind, a field two columns could fill, a column chosen that does not exist: refused before a row is
  // read, nothing guessed (these problems block whatever the rows say).
  if (!analysis.mapping || analysis.problems.some((p) => p.severity === 'error')) {
    throw new ImportRejected(o.name, sheet, analysis.problems);
  }
  const mapping = analysis.mapping;
  const format = reportedFormat(analysis.format.format, analysis.source.container);
  const importedAt = new Date().toISOString();
  const aliases = initiativeAliases(db, o.name, o.initiativeMatches);
  const initiativesBefore = initiativeNames(db);
  let batchId = 0;
  let writer: RecordWriter | null = null;
  const begin = () => {
    beginWrite(db);
    batchId = createBatch(
      db,
      { kind: mapping.kind, format, fileName: o.name, fileSha256: '', fileSize: 0, sheet, mapping },
      importedAt,
    );
    writer = createWriter(db, batchId, aliases);
  };
  // A bigger page cache for the batch's index and rollup updates (restored afterwards).
  const restoreCache = largePageCache(db);
  begin();
  try {
    const pass = await resolvedScan(
      db,
      analysis,
      mapping,
      o,
      () => writer!,
      () => {
        rollbackWrite(db);
        begin();
      },
    );
    const r = pass.result;
    const duplicate = duplicateOf(db, r.sha256);
    const blockers = blockersOf(pass, o, duplicate);
    if (blockers.length > 0) {
      const problems = [
        ...pass.fileProblems,
        ...(duplicate && !o.allowDuplicate
          ? [problem(null, null, null, duplicateMessage(duplicate), 'error', 'duplicate-file')]
          : []),
        ...(r.storedRows === 0 && pass.fileProblems.length === 0 && r.invalidRows === 0
          ? [problem(null, null, null, noRowsMessage(r.dataRows), 'error', 'no-rows')]
          : []),
        ...mismatchProblems(r.reconciliation, o),
        ...r.problems,
      ];
      throw new ImportRejected(
        o.name,
        sheet,
        problems,
        undefined,
        r.reconciliation.mismatches > 0 ? { reconciliation: r.reconciliation } : undefined,
      );
    }
    if (o.closeNames === 'ask') {
      const confirmedNew = new Set((o.newInitiatives ?? []).map(nameKey));
      const asked = proposalsForCreated(writer!.createdInitiatives, initiativesBefore).filter(
        (p) => !confirmedNew.has(nameKey(p.name)),
      );
      if (asked.length > 0)
        throw new ImportRejected(
          o.name,
          sheet,
          asked.map((p) =>
            problem(
              null,
              null,
              p.name,
              `"${p.name}" is not an initiative of this workspace but is close to "${p.initiative}": store its rows under it with --match-initiative ${JSON.stringify(`${p.name}=${p.initiative}`)}, or create it as new with --new-initiative ${JSON.stringify(p.name)}`,
              'error',
              'close-initiative-name',
            ),
          ),
          `rejected, nothing was imported: ${asked.length === 1 ? 'a new initiative name is' : `${asked.length} new initiative names are`} close to existing ones`,
          { initiativeProposals: asked },
        );
    }
    // The batch's rollup first: undoing a replaced batch keeps the initiatives its lines still refer to.
    writer!.finish();
    const replaced: number[] = [];
    if (o.overlap === 'replace') {
      for (const ov of overlapsOf(db, { ...pass, batchId })) {
        undoBatch(db, ov.batch, importedAt);
        replaced.push(ov.batch);
      }
    }
    const savedMapping = { ...mapping, decimal: pass.values.decimal, dateOrder: pass.values.dateOrder };
    const excludedProblems = r.problems;
    const single = r.totals.size === 1 ? [...r.totals][0]! : null;
    const exact = single && mapping.kind !== 'initiatives' && mapping.kind !== 'kpis' ? single[1] : null;
    // A batch total beyond ±9 billion units cannot be held exactly in the column: recorded as unknown
    // (the lines and the reported total stay exact).
    const totalMicro = exact !== null && Number.isSafeInteger(Number(exact)) ? Number(exact) : null;
    finishBatch(db, batchId, {
      // Records, as the summary counts them: a wide KPI row stores one observation per month.
      rows: r.records,
      excluded: r.excludedRows,
      total: totalMicro,
      currency: single ? single[0] : null,
      problems: excludedProblems,
      reconciliation: r.reconciliation.controlRows.length > 0 ? r.reconciliation : null,
      notes: r.currencyNotes,
    });
    recordBatchFile(db, batchId, { sha256: r.sha256, size: r.bytes, mapping: savedMapping });
    const name = o.mappingName ?? `${analysis.format.label}: ${o.name}`;
    const mappingId = saveMapping(db, name, analysis.signature, savedMapping, importedAt);
    commitWrite(db);
    return {
      batch: batchId,
      kind: mapping.kind,
      format,
      rows: r.records,
      sourceRows: r.dataRows,
      excluded: r.excludedRows,
      problems: excludedProblems,
      total: exact !== null ? Number(centsString(exact)) : null,
      currency: single ? single[0] : null,
      fileName: o.name,
      sheet,
      sha256: r.sha256,
      createdInitiatives: writer!.createdInitiatives,
      matchedInitiatives: writer!.matchedInitiatives,
      initiativeProposals: proposalsForCreated(writer!.createdInitiatives, initiativesBefore),
      savedMapping: { id: mappingId, name },
      replacedBatches: replaced,
      notes: r.currencyNotes,
      evidence: analysis.evidence,
      reconciliation: r.reconciliation,
      filtered: r.filtered,
    };
  } catch (err) {
    if (inTransaction(db)) rollbackWrite(db);
    throw err;
  } finally {
    restoreCache();
  }
}

/** The `--json` summary of a dry run: what a commit would store, with no batch. */
export function summaryOfPreview(p: ImportPreview): ImportSummary {
  const single = p.totals.length === 1 ? p.totals[0]! : null;
  const hasAmounts = p.kind !== 'initiatives' && p.kind !== 'kpis';
  return {
    batch: null,
    kind: p.kind ?? 'spend',
    format: p.format,
    rows: p.counts.records,
    sourceRows: p.counts.dataRows,
    excluded: p.counts.totalRowsExcluded + (p.canCommit ? p.counts.invalid : 0),
    problems: p.problems,
    total: single && hasAmounts ? Number(single.cents) : null,
    currency: single ? single.currency : null,
    fileName: p.fileName,
    sheet: p.sheet,
    sha256: p.sha256,
    createdInitiatives: p.newInitiatives.map((i) => i.name),
    matchedInitiatives: p.matchedInitiatives,
    initiativeProposals: p.initiativeProposals.map(({ name, initiative, score }) => ({
      name,
      initiative,
      score,
    })),
    savedMapping: p.savedMapping,
    replacedBatches: [],
    notes: p.notes,
    evidence: p.evidence,
    reconciliation: p.reconciliation,
    filtered: p.filtered,
  };
}

/**
 * The refusal committing what this preview shows would end with (what `--dry-run --json` prints), or
 * null when it could be committed: the same problems as the commit's rejection.
 */
export function refusalOfPreview(
  p: ImportPreview,
  o: Pick<ImportOptions, 'allowDuplicate' | 'acceptTotalMismatch'>,
): ImportRejected | null {
  if (p.canCommit) return null;
  const errors = p.problems.some((x) => x.severity === 'error');
  const problems = [
    ...(p.duplicateOf && !o.allowDuplicate
      ? [problem(null, null, null, duplicateMessage(p.duplicateOf), 'error', 'duplicate-file')]
      : []),
    ...(!errors && p.counts.valid === 0
      ? [problem(null, null, null, noRowsMessage(p.counts.dataRows), 'error', 'no-rows')]
      : []),
    ...mismatchProblems(p.reconciliation, o),
    ...p.problems,
  ];
  const n = problems.filter((x) => x.severity === 'error').length;
  return new ImportRejected(
    p.fileName,
    p.sheet,
    problems,
    `would be rejected, nothing was imported (${n} problem${n === 1 ? '' : 's'})`,
    p.columnChoices.length > 0 || p.kindUndecided
      ? { columnChoices: p.columnChoices, kindCandidates: p.kindCandidates }
      : p.reconciliation.mismatches > 0
        ? { reconciliation: p.reconciliation }
        : undefined,
  );
}
