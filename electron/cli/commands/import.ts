import fs from 'node:fs';
import path from 'node:path';
import { describeFilter, parseFilter } from '../../../shared/import/ledger';
import {
  ImportMappingSchema,
  IMPORT_KINDS,
  type ImportKind,
  type RowFilter,
} from '../../../shared/import/mapping';
import { describeOverlap, replaceRemovesMore } from '../../../shared/import/overlap';
import { describeProblem } from '../../../shared/import/problems';
import {
  describeControlRow,
  describeReconciliation,
  type Reconciliation,
} from '../../../shared/import/controlRows';
import type { ImportRecord } from '../../../shared/import/records';
import type { InitiativeMatch } from '../../import/initiativeMatches';
import { isTimeZone } from '../../../shared/import/timeZone';
import { isIsoCurrency } from '../../../shared/money';
import type { ImportPreview, ImportSummary } from '../../../shared/import/summary';
import { describeIssues } from '../../../shared/api/contract';
import {
  commitImport,
  previewImport,
  refusalOfPreview,
  summaryOfPreview,
  type ImportOptions,
} from '../../import/run';
import { backupWorkspace } from '../../store/backup';
import { openWorkspace } from '../../store/workspace';
import { optionalFlag, requireFlag, UsageError } from '../args';
import type { CliIo, Command } from '../command';
import { importProgressText } from '../progress';

function kindFlag(raw: string | undefined): ImportKind | 'auto' {
  if (raw === undefined || raw === 'auto') return 'auto';
  if ((IMPORT_KINDS as readonly string[]).includes(raw)) return raw as ImportKind;
  throw new UsageError(`--as must be one of auto, ${IMPORT_KINDS.join(', ')}; got "${raw}"`);
}

/** `--column amount="Betrag (EUR)"`: field → column, each given once. */
function columnFlags(values: readonly string[]): Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    const field = v.slice(0, eq).trim();
    const column = v.slice(eq + 1).trim();
    if (eq <= 0 || column === '' || !/^[A-Za-z]+$/.test(field)) {
      throw new UsageError(`--column needs FIELD=COLUMN, e.g. --column amount="Betrag (EUR)"; got "${v}"`);
    }
    if (field in out) throw new UsageError(`--column ${field} is given twice`);
    out[field] = column;
  }
  return out;
}

/** `--match-initiative "Support Copilot=Customer Support Copilot"`: a name in the file → an existing initiative. */
function matchFlags(values: readonly string[]): InitiativeMatch[] | undefined {
  if (values.length === 0) return undefined;
  return values.map((v) => {
    const eq = v.indexOf('=');
    const name = v.slice(0, eq).trim();
    const initiative = v.slice(eq + 1).trim();
    if (eq <= 0 || name === '' || initiative === '')
      throw new UsageError(
        `--match-initiative needs NAME=INITIATIVE (the name in the file = the workspace's initiative), e.g. --match-initiative "Support Copilot=Customer Support Copilot"; got "${v}"`,
      );
    return { name, initiative };
  });
}

/** A close name as the CLI proposes it, with the flag that takes the proposal. */
function describeProposal(p: { name: string; initiative: string }): string {
  return `"${p.name}" looks like the existing initiative "${p.initiative}": --match-initiative ${JSON.stringify(`${p.name}=${p.initiative}`)}`;
}

/** `--where "Type=Expense"` (repeatable; `!=` keeps the others; `A|B` either value). */
function whereFlags(values: readonly string[]): RowFilter[] | undefined {
  if (values.length === 0) return undefined;
  return values.map((v) => {
    const f = parseFilter(v);
    if (!f) {
      throw new UsageError(
        `--where needs COLUMN=VALUE or COLUMN!=VALUE (values separated by |), e.g. --where "Type=Expense"; got "${v}"`,
      );
    }
    return f;
  });
}

function readMapping(file: string): ImportOptions['mapping'] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(
      `--mapping ${file}: not a readable JSON file (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const parsed = ImportMappingSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`--mapping ${file}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Micro-units as exact decimal text with all six places ("0.000040"): the preview shows what is stored. */
function exact(micro: number): string {
  const neg = micro < 0;
  const abs = Math.abs(micro);
  return `${neg ? '-' : ''}${Math.floor(abs / 1_000_000)}.${String(abs % 1_000_000).padStart(6, '0')}`;
}

function describeRecord(r: ImportRecord): string {
  const parts = (() => {
    switch (r.kind) {
      case 'spend':
        return [
          r.date,
          `${exact(r.amount)} ${r.currency}`,
          r.category,
          r.initiative ?? '(shared platform)',
          r.vendor,
          r.description,
        ];
      case 'budget':
        return [r.month, `${exact(r.amount)} ${r.currency}`, r.category, r.initiative ?? '(shared platform)'];
      case 'benefits':
        return [
          r.date,
          `${exact(r.amount)} ${r.currency}`,
          r.type,
          r.realized ? 'realized' : 'projected',
          r.initiative,
        ];
      case 'kpis':
        return [r.kpiId, `${r.periodStart}..${r.periodEnd}`, String(r.value), r.initiative, r.segment];
      case 'initiatives':
        return [r.name, r.stage, `tier ${r.riskTier}`, r.owner, r.businessUnit];
      case 'fx':
        return [r.month, `1 ${r.currency} = ${r.rate}`];
      case 'commitments':
        return [r.type, r.vendor, `${exact(r.amount)} ${r.currency}`, `${r.start}..${r.end}`, r.initiative];
    }
  })();
  return parts.filter((x) => x !== null && x !== undefined && x !== '').join(' | ');
}

function printPreview(p: ImportPreview, io: CliIo): void {
  const where = p.sheet ? ` sheet "${p.sheet}"` : '';
  io.out(
    `${p.fileName}${where}: ${p.formatLabel} (${p.format}), ${p.kind ?? 'unknown kind'}, header at row ${p.headerRow}` +
      `${p.encoding ? `, ${p.encoding}` : ''}${p.delimiter ? `, delimiter ${JSON.stringify(p.delimiter)}` : ''}` +
      `${p.mappingSource ? `, mapping: ${p.mappingSource}${p.savedMapping ? ` "${p.savedMapping.name}"` : ''}` : ''}`,
  );
  if (p.kindCandidates.length && p.mappingSource !== 'given') {
    io.out(`  kinds: ${p.kindCandidates.map((k) => `${k.kind} ${k.score.toFixed(2)}`).join(', ')}`);
    for (const k of p.kindUndecided ? p.kindCandidates : p.kindCandidates.slice(0, 1)) {
      io.out(`    ${k.kind}: ${k.evidence.join('; ')}`);
    }
    if (p.kindUndecided) {
      io.out(`  choose the kind: ${p.kindCandidates.map((k) => `--as ${k.kind}`).join(' or ')}`);
    }
  }
  if (p.mapping) {
    io.out(
      `  columns: ${Object.entries(p.mapping.columns)
        .map(([f, h]) => `${f} ← "${h}"`)
        .join(', ')}`,
    );
    for (const [field, lines] of Object.entries(p.evidence)) {
      if (lines.length) io.out(`    ${field}: ${lines.join('; ')}`);
    }
    for (const f of p.mapping.filters) io.out(`  keeping rows where ${describeFilter(f)}`);
  }
  for (const c of p.columnChoices) {
    io.out(`  choose the ${c.label.toLowerCase()}:`);
    for (const cand of c.candidates) {
      io.out(`    --column ${c.field}=${JSON.stringify(cand.column)}  (${cand.evidence.join('; ')})`);
    }
  }
  if (p.unmappedColumns.length)
    io.out(`  not imported: ${p.unmappedColumns.map((h) => `"${h}"`).join(', ')}`);
  io.out(
    `  rows: ${p.counts.dataRows} read, ${p.counts.valid} valid, ${p.counts.invalid} with problems, ${p.counts.totalRowsExcluded} Total rows left out`,
  );
  const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;
  if (p.filtered.rows) io.out(`  filtered out: ${rows(p.filtered.rows)} (not imported)`);
  for (const f of p.filtered.reasons)
    io.out(
      `    ${f.rows} × ${f.reason}, ${f.rows === 1 ? 'row' : 'rows'} ${f.firstRows.join(', ')}${f.rows > f.firstRows.length ? ', ...' : ''}`,
    );
  for (const t of p.totals) io.out(`  total: ${t.cents} ${t.currency}`);
  printReconciliation(p.reconciliation, io);
  for (const n of p.notes) io.out(`  note: ${n}`);
  if (p.dateRange)
    io.out(`  dates: ${p.dateRange.from} to ${p.dateRange.to} (timestamps as dates in ${p.timeZone})`);
  if (p.newInitiatives.length) {
    io.out(`  new initiatives (created by this import): ${p.newInitiatives.map((i) => i.name).join(', ')}`);
  }
  for (const m of p.initiativeProposals) io.out(`  proposal: ${describeProposal(m)}`);
  for (const m of p.matchedInitiatives) io.out(`  matched: "${m.name}" is stored under "${m.initiative}"`);
  if (p.duplicateOf)
    io.out(
      `  warning: this file was already imported as batch #${p.duplicateOf.batch} (${p.duplicateOf.importedAt})`,
    );
  for (const o of p.overlaps) io.out(`  note: ${describeOverlap(o)}`);
  if (replaceRemovesMore(p.overlaps))
    io.out(
      '  note: --replace undoes whole batches, rows outside these months included (a backup is taken first)',
    );
  for (const r of p.sample.slice(0, 5)) io.out(`  row ${r.row}: ${describeRecord(r)}`);
  for (const pr of p.problems.slice(0, 50)) io.out(`  ${pr.severity}: ${describeProblem(pr, p.sheet)}`);
  if (p.problemCount > 50) io.out(`  ... ${p.problemCount - 50} more problems`);
  io.out(p.canCommit ? '  ready to import' : `  would be rejected: ${p.blockers.join('; ')}`);
}

/** The file's own totals: each control row left out and how it reconciles; a mismatch stands out. */
function printReconciliation(rec: Reconciliation, io: CliIo): void {
  const line = describeReconciliation(rec);
  if (line === null && rec.footerRows.length === 0) return;
  if (line !== null) {
    io.out(rec.mismatches > 0 ? `  WARNING: ${line}` : `  reconciliation: ${line}`);
    for (const c of rec.controlRows.slice(0, 50)) io.out(`    total row left out: ${describeControlRow(c)}`);
    if (rec.controlRows.length > 50) io.out(`    ... ${rec.controlRows.length - 50} more total rows`);
  }
  for (const f of rec.footerRows.slice(0, 10))
    io.out(`    below the table, left out: row ${f.row} "${f.text}"`);
}

function printSummary(s: ImportSummary, io: CliIo): void {
  io.out(
    `Imported ${s.fileName}${s.sheet ? ` (sheet "${s.sheet}")` : ''} as batch #${s.batch}: ${s.rows} ${s.kind} ${s.rows === s.sourceRows ? 'rows' : `records from ${s.sourceRows} rows`}` +
      `${s.excluded ? `, ${s.excluded} left out` : ''}${s.filtered.rows ? `, ${s.filtered.rows} filtered out` : ''}${s.total !== null ? `, total ${s.total.toFixed(2)} ${s.currency}` : ''} [${s.format}]`,
  );
  for (const n of s.notes) io.out(`  note: ${n}`);
  printReconciliation(s.reconciliation, io);
  if (s.createdInitiatives.length) io.out(`  new initiatives: ${s.createdInitiatives.join(', ')}`);
  for (const m of s.matchedInitiatives) io.out(`  matched: "${m.name}" stored under "${m.initiative}"`);
  for (const m of s.initiativeProposals)
    io.out(
      `  note: ${describeProposal(m)} (undo this batch and import again with it to store the rows there)`,
    );
  if (s.replacedBatches.length)
    io.out(`  replaced (undone): ${s.replacedBatches.map((b) => `#${b}`).join(', ')}`);
  for (const p of s.problems.slice(0, 50))
    io.out(`  ${p.severity === 'error' ? 'left out' : p.severity}: ${describeProblem(p, s.sheet)}`);
}

/**
 * `--progress`: a line on stderr as the file is read and stored (at most one per whole percent of its bytes),
 * and one when it is all read; the batch is committed after that, and the summary printed.
 */
function progressLines(io: CliIo): NonNullable<ImportOptions['onProgress']> {
  let shown = -1;
  return (p) => {
    const percent =
      p.totalBytes > 0 ? Math.floor((100 * Math.min(p.bytes, p.totalBytes)) / p.totalBytes) : 100;
    if (p.phase === 'reading' && percent === shown) return;
    shown = percent;
    io.err(`progress: ${p.phase} ${p.rows} rows ${percent}%`);
  };
}

function jsonSummary(s: ImportSummary, preview?: ImportPreview): string {
  const { batch, kind, format, rows, sourceRows, excluded, problems, total, currency } = s;
  return JSON.stringify(
    {
      ...(preview
        ? {
            columnChoices: preview.columnChoices,
            kindCandidates: preview.kindCandidates,
            kindUndecided: preview.kindUndecided,
          }
        : {}),
      batch,
      kind,
      format,
      rows,
      sourceRows,
      excluded,
      problems,
      total,
      currency,
      file: s.fileName,
      sheet: s.sheet,
      sha256: s.sha256,
      replacedBatches: s.replacedBatches,
      notes: s.notes,
      evidence: s.evidence,
      reconciliation: { summary: describeReconciliation(s.reconciliation), ...s.reconciliation },
      filtered: s.filtered,
      createdInitiatives: s.createdInitiatives,
      matchedInitiatives: s.matchedInitiatives,
      initiativeProposals: s.initiativeProposals,
    },
    null,
    2,
  );
}

export const importCommand: Command = {
  name: 'import',
  summary:
    'Import a CSV/XLSX file (spend, budget, benefits, KPIs, initiatives) as one batch. --column FIELD=COLUMN (repeatable)\n' +
    '      reads a field from that column, e.g. --column amount="Betrag (EUR)": needed when two columns fit a field about\n' +
    '      equally (the refusal names them); --as KIND when two kinds fit about equally. Total rows are left out and\n' +
    '      checked against the rows they sum; a file whose own total does not match is refused unless --accept-total-mismatch.\n' +
    '      Ledgers: --column debit=… --column credit=… (amount = debit − credit), --column sign=… (an S/H or Dr/Cr indicator),\n' +
    '      --negate when costs are written negative (--no-negate refuses the proposal), --where "Type=Expense" (repeatable;\n' +
    '      != keeps the others) keeps only matching rows. A new initiative name close to an existing one is refused, naming\n' +
    '      it: --match-initiative "NAME=INITIATIVE" (repeatable) stores that name\'s rows under the existing initiative,\n' +
    '      --new-initiative NAME (repeatable) creates it as new',
  usage:
    'import FILE --db FILE [--as auto|spend|budget|benefits|kpis|initiatives|fx|commitments] [--sheet NAME] [--mapping FILE] [--column FIELD=COLUMN]... [--where COLUMN=VALUE]... [--match-initiative NAME=INITIATIVE]... [--new-initiative NAME]... [--negate|--no-negate] [--basis effective|billed] [--time-zone ZONE] [--currency CODE] [--skip-invalid] [--accept-total-mismatch] [--dry-run] [--json] [--allow-duplicate] [--replace] [--progress]',
  flags: {
    values: ['db', 'as', 'sheet', 'mapping', 'basis', 'time-zone', 'currency'],
    switches: [
      'skip-invalid',
      'accept-total-mismatch',
      'dry-run',
      'json',
      'allow-duplicate',
      'replace',
      'progress',
      'negate',
      'no-negate',
    ],
    repeatable: ['column', 'where', 'match-initiative', 'new-initiative'],
  },
  // A refusal (unreadable file, invalid rows, duplicate, busy workspace, …) with --json: one JSON object
  // on stdout too (runCli prints it).
  jsonErrors: true,
  async run(args, io) {
    const file = args.positionals[0];
    if (!file || args.positionals.length > 1) throw new UsageError('import needs exactly one FILE');
    if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file`);
    const basis = optionalFlag(args, 'basis');
    if (basis !== undefined && basis !== 'effective' && basis !== 'billed') {
      throw new UsageError(`--basis must be effective or billed; got "${basis}"`);
    }
    const timeZone = optionalFlag(args, 'time-zone');
    if (timeZone !== undefined && !isTimeZone(timeZone)) {
      throw new UsageError(`--time-zone must be an IANA time zone such as Europe/Berlin; got "${timeZone}"`);
    }
    const currency = optionalFlag(args, 'currency')?.toUpperCase();
    if (currency !== undefined && !isIsoCurrency(currency)) {
      throw new UsageError(`--currency must be an ISO 4217 code such as EUR; got "${currency}"`);
    }
    const mappingFile = optionalFlag(args, 'mapping');
    const columns = columnFlags(args.lists.get('column') ?? []);
    const sheet = optionalFlag(args, 'sheet');
    const filters = whereFlags(args.lists.get('where') ?? []);
    const initiativeMatches = matchFlags(args.lists.get('match-initiative') ?? []);
    if (args.flags.has('negate') && args.flags.has('no-negate'))
      throw new UsageError('--negate and --no-negate contradict each other: give one');
    const negate = args.flags.has('negate') ? true : args.flags.has('no-negate') ? false : undefined;
    const options: ImportOptions = {
      path: path.resolve(file),
      name: path.basename(file),
      as: kindFlag(optionalFlag(args, 'as')),
      skipInvalid: args.flags.has('skip-invalid'),
      allowDuplicate: args.flags.has('allow-duplicate'),
      acceptTotalMismatch: args.flags.has('accept-total-mismatch'),
      overlap: args.flags.has('replace') ? 'replace' : 'append',
      ...(sheet ? { sheet } : {}),
      ...(basis ? { basis } : {}),
      ...(timeZone ? { timeZone } : {}),
      ...(currency ? { currency } : {}),
      ...(mappingFile ? { mapping: readMapping(mappingFile) } : {}),
      ...(columns ? { columns } : {}),
      ...(filters ? { filters } : {}),
      ...(initiativeMatches ? { initiativeMatches } : {}),
      // A new name close to an existing initiative is never created silently: matched, confirmed new, or refused.
      closeNames: 'ask',
      newInitiatives: args.lists.get('new-initiative') ?? [],
      ...(negate !== undefined ? { negate } : {}),
      ...(args.flags.has('progress') ? { onProgress: progressLines(io) } : {}),
    };
    const json = args.flags.has('json');
    // On a terminal, one line rewritten in place; --progress asks for plain lines (what automation reads) instead.
    const progress = json || args.flags.has('progress') ? undefined : io.progress;
    if (progress) options.onProgress = (p) => progress.update(importProgressText(options.name, p));
    const ws = openWorkspace(requireFlag(args, 'db'), { lock: 'hold', holder: 'CAIO Scorecard CLI import' });
    try {
      if (args.flags.has('dry-run')) {
        const preview = await previewImport(ws.db, options);
        const refusal = refusalOfPreview(preview, options);
        if (!json) {
          printPreview(preview, io);
          return refusal ? 1 : 0;
        }
        if (refusal) throw refusal;
        io.out(jsonSummary(summaryOfPreview(preview), preview));
        return 0;
      }
      // Replacing undoes whole batches: the workspace as it was is kept first, as for `undo`.
      if (options.overlap === 'replace') await backupWorkspace(ws.db, ws.file, 'before-replace');
      const summary = await commitImport(ws.db, options);
      if (json) io.out(jsonSummary(summary));
      else printSummary(summary, io);
      return 0;
    } finally {
      ws.close();
    }
  },
};
