import { detectFormat, type DetectedFormat } from '../../shared/import/formats';
import { mergeFilters } from '../../shared/import/ledger';
import { headerSignature } from '../../shared/import/headers';
import {
  completeMapping,
  type ImportKind,
  type ImportMapping,
  type ImportMappingInput,
  type RowFilter,
} from '../../shared/import/mapping';
import { evidenceFor, FileEvidence, type ColumnChoice } from '../../shared/import/columnRoles';
import { KIND_FIELDS } from '../../shared/import/fields';
import { problem, type ImportProblem } from '../../shared/import/problems';
import type { DayMonthPeriod } from '../../shared/import/ledger';
import {
  amountHeaderCurrency,
  builtinMapping,
  KIND_MARGIN,
  negateProposal,
  proposeMapping,
  rankKinds,
  withBasis,
  type KindCandidate,
} from '../../shared/import/propose';
import { sourceOf } from '../../shared/import/sources';
import { headerView } from '../../shared/import/sources/source';
import type { ReadableDb } from '../store/connection';
import { getSettings } from '../store/settings';
import { findSavedMapping } from '../store/savedMappings';
import { openSource, readHeader, type FileSource, type HeaderInfo, type SourceOptions } from './source';

export interface AnalyseRequest extends SourceOptions {
  path: string;
  name: string;
  /** Data kind to import as; 'auto' (default) detects it from the headers. */
  as?: ImportKind | 'auto';
  /** A mapping chosen by the user (wizard or --mapping FILE); wins over saved and built-in ones. */
  mapping?: ImportMappingInput | null;
  basis?: 'effective' | 'billed';
  /** IANA zone for timestamps, over the mapping's and the workspace's (the CLI's --time-zone). */
  timeZone?: string;
  /** The currency of amounts the file does not name, over the mapping's (the CLI's --currency). */
  currency?: string;
  /**
   * Field → column chosen by the user (the CLI's `--column amount="Betrag"`, the wizard's choice between
   * close candidates), over whatever mapping was found.
   */
  columns?: Record<string, string>;
  /** The file writes costs negative (true) or as costs (false), over the mapping and the proposal (the CLI's --negate / --no-negate). */
  negate?: boolean;
  /** Rows to keep, over the mapping's filters (the CLI's --where). */
  filters?: RowFilter[];
}

export type MappingSource = 'given' | 'saved' | 'builtin' | 'proposed';

export interface Analysis extends HeaderInfo {
  source: FileSource;
  format: DetectedFormat;
  kind: ImportKind | null;
  mapping: ImportMapping | null;
  mappingSource: MappingSource | null;
  savedMapping: { id: number; name: string } | null;
  signature: string;
  /** File-level problems found before reading the data (no kind, unsupported export, a choice to make). */
  problems: ImportProblem[];
  /** Field → why its column was read as it (the header's words, what the first rows hold). */
  evidence: Record<string, string[]>;
  /** Fields two columns could fill about equally well: nothing is mapped for them until the user chooses. */
  columnChoices: ColumnChoice[];
  /** When the kind was inferred: the kinds the file could hold, best first, with why. */
  kindCandidates: KindCandidate[];
  /** The best two kinds are too close to pick: no mapping until the user chooses the kind. */
  kindUndecided: boolean;
  /** The file's own period, from the lines above its header (DATEV), for dates written as DDMM. */
  dayMonthPeriod: DayMonthPeriod | null;
  /** Why the mapping flips the amounts' sign, when it was proposed from the rows (shown with the note). */
  negateWhy: string | null;
}

/**
 * Reads the head of a file and proposes how to import it: format, kind, mapping (given, saved, built-in, or
 * inferred from the header's words and the first rows), with the evidence per field and any choice left
 * to the user (two columns or two kinds about equally likely).
 */
export async function analyse(db: ReadableDb, req: AnalyseRequest): Promise<Analysis> {
  const settings = getSettings(db);
  const source = await openSource(req.path, req.name, req);
  const header = await readHeader(source);
  const format = detectFormat(header.headers);
  const signature = headerSignature(header.headers);
  const problems: ImportProblem[] = [];
  const asKind = req.as && req.as !== 'auto' ? req.as : null;
  const basis = req.basis ?? settings.focusCostBasis;
  const options = { basis, tagKey: settings.initiativeTagKey, fiscalStartMonth: settings.fiscalStartMonth };

  // Inference reads the header's first rows (HeaderInfo.head) only: nothing here is per data row.
  const file = new FileEvidence(header.headers, header.head);
  let mapping: ImportMapping | null = null;
  let mappingSource: MappingSource | null = null;
  let savedMapping: Analysis['savedMapping'] = null;
  let evidence: Record<string, string[]> = {};
  let columnChoices: ColumnChoice[] = [];
  let kindCandidates: KindCandidate[] = [];
  let kindUndecided = false;
  let unfit = '';
  if (req.mapping) {
    mapping = completeMapping({ ...req.mapping, ...(asKind ? { kind: asKind } : {}) });
    mappingSource = 'given';
  } else {
    const saved = findSavedMapping(db, signature, asKind ?? format.kind);
    if (saved) {
      mapping = saved.mapping;
      mappingSource = 'saved';
      savedMapping = { id: saved.id, name: saved.name };
    } else if (format.kind && (!asKind || asKind === format.kind)) {
      mapping = builtinMapping(format, header.headers, options);
      mappingSource = mapping ? 'builtin' : null;
    }
    if (!mapping && !format.unsupported) {
      let kind = asKind;
      const ranking = kind ? null : rankKinds(file, settings.fiscalStartMonth);
      if (ranking) {
        // Undecided: the kinds to choose between; decided: the ranking, best first.
        const best = ranking.candidates[0]?.score ?? 0;
        kindCandidates = ranking.undecided
          ? ranking.candidates.filter((c) => best - c.score < KIND_MARGIN)
          : ranking.candidates.slice(0, 4);
        kindUndecided = ranking.undecided;
        if (!ranking.undecided) kind = ranking.candidates[0]?.kind ?? null;
        unfit = ranking.unfit.map((u) => `${u.kind}: ${u.reason}`).join('; ');
      }
      if (kind) {
        const proposal = proposeMapping(kind, file, settings.fiscalStartMonth, ranking?.proposals[kind]);
        mapping = proposal.mapping;
        columnChoices = proposal.choices;
        evidence = proposal.evidence;
        mappingSource = 'proposed';
      }
    }
  }
  if (mapping && req.basis) mapping = withBasis(mapping, header.headers, req.basis);
  if (mapping && req.timeZone) mapping = { ...mapping, timeZone: req.timeZone };
  if (mapping && req.columns) {
    const chosen = chooseColumns(mapping, header.headers, req.columns, problems);
    mapping = chosen;
    columnChoices = columnChoices.filter((c) => !(c.field in chosen.columns));
    for (const field of Object.keys(req.columns)) {
      if (chosen.columns[field] === req.columns[field]) {
        evidence[field] = ['chosen by you', ...evidenceFor(file, chosen.kind, field, req.columns[field]!)];
      }
    }
  }
  if (mapping && (mappingSource === 'proposed' || req.columns?.amount)) {
    // "Betrag (EUR)" without a currency column: the amounts are EUR, not the reporting currency.
    const named = amountHeaderCurrency(mapping);
    if (named) {
      mapping = { ...mapping, currency: named.currency };
      evidence.currency = [named.evidence];
    }
  }
  if (mapping) {
    // Saved, built-in and given mappings: what each mapped column holds, as evidence for the user.
    for (const [field, column] of Object.entries(mapping.columns)) {
      evidence[field] ??= evidenceFor(file, mapping.kind, field, column);
    }
  }
  // What the lines above the header say about this file (DATEV's metadata record): read for every file,
  // so a mapping saved from last quarter's batch never carries its period or currency over.
  const context =
    mapping && mapping.format === format.format
      ? (sourceOf(format.format)?.fileContext?.(header.preamble.map((r) => r.cells)) ?? null)
      : null;
  if (mapping && context?.currency) mapping = { ...mapping, currency: context.currency };
  // What the file says outside its table explains the column better than "0/2 values are dates" ("2102").
  for (const [field, line] of Object.entries(context?.evidence ?? {}))
    evidence[field] = [...(evidence[field] ?? []).filter((l) => !/^0\/\d+ values are/.test(l)), line!];
  if (mapping && req.currency) mapping = { ...mapping, currency: req.currency };
  if (mapping && req.filters) mapping = { ...mapping, filters: mergeFilters(req.filters) };
  let negateWhy: string | null = null;
  if (mapping?.negate && mappingSource !== 'proposed') {
    // A flip saved or chosen before: said so, with what the rows say about it.
    const rows = negateProposal(mapping, header.headers, header.head);
    const where = savedMapping ? `as saved with the mapping "${savedMapping.name}"` : 'as set in the mapping';
    negateWhy = rows ? `${where}; ${rows.replace(/ \(CLI: .*\)$/, '')}` : where;
    evidence.negate = [negateWhy];
  }
  if (mapping && mappingSource === 'proposed' && req.negate === undefined) {
    negateWhy = negateProposal(mapping, header.headers, header.head);
    if (negateWhy) {
      mapping = { ...mapping, negate: true };
      evidence.negate = [negateWhy];
    }
  }
  if (mapping && req.negate !== undefined) {
    mapping = { ...mapping, negate: req.negate };
    evidence.negate = [
      req.negate ? 'costs are written negative: chosen by you' : 'amounts kept as written: chosen by you',
    ];
  }

  // The format's notes, for its own mapping (built-in, or saved from one for this layout).
  if (
    mapping &&
    mapping.format === format.format &&
    (mappingSource === 'builtin' || mappingSource === 'saved')
  ) {
    const notes = sourceOf(format.format)?.notes?.(headerView(header.headers), {
      reportingCurrency: settings.currency,
      mapping,
    });
    for (const note of notes ?? [])
      problems.push(problem(null, null, null, `${format.label}: ${note}`, 'warning', 'format-note'));
  }
  if (format.unsupported && !req.mapping && mappingSource !== 'saved') {
    problems.push(
      problem(null, null, null, `${format.label}: ${format.unsupported}`, 'error', 'unsupported-format'),
    );
  } else if (kindUndecided) {
    problems.push(problem(null, null, null, kindChoiceMessage(kindCandidates), 'error', 'undecided-kind'));
  } else if (!mapping) {
    problems.push(
      problem(
        null,
        null,
        null,
        `could not tell what this table holds from its headers (${header.headers.slice(0, 8).join(', ')}${header.headers.length > 8 ? ', ...' : ''})${unfit ? ` [${unfit}]` : ''}; ` +
          'choose the kind (spend, budget, benefits, kpis, initiatives) and map the columns',
        'error',
        'unknown-kind',
      ),
    );
  }
  for (const choice of columnChoices)
    problems.push(problem(null, null, null, columnChoiceMessage(choice), 'error', 'undecided-column'));
  return {
    ...header,
    source,
    format,
    kind: mapping?.kind ?? asKind ?? format.kind,
    mapping,
    mappingSource,
    savedMapping,
    signature,
    problems,
    evidence,
    columnChoices,
    kindCandidates,
    kindUndecided,
    dayMonthPeriod: context?.dayMonthPeriod ?? null,
    negateWhy,
  };
}

function quote(text: string): string {
  return /^[\w.-]+$/.test(text) ? text : `"${text.replace(/"/g, '\\"')}"`;
}

/** "the headers fit spend and benefits about equally well … choose the kind (CLI: --as spend or --as benefits)". */
export function kindChoiceMessage(candidates: readonly KindCandidate[]): string {
  return (
    `the headers fit ${candidates.map((c) => c.kind).join(' and ')} about equally well, so the kind is not guessed: ` +
    candidates.map((c) => `${c.kind} (fit ${c.score.toFixed(2)}: ${c.evidence.join('; ')})`).join(' or ') +
    `; choose the kind (CLI: ${candidates.map((c) => `--as ${c.kind}`).join(' or ')})`
  );
}

/** "two columns could be the amount: …; choose one (--column amount=…)". */
export function columnChoiceMessage(choice: ColumnChoice): string {
  const label = choice.label.toLowerCase();
  const n = choice.candidates.length;
  const lead =
    n === 2
      ? `two columns could be the ${label}, and neither`
      : `${n} columns could be the ${label}, and none`;
  return (
    `${lead} fits clearly better, so none is read as it: ` +
    choice.candidates.map((c) => `"${c.column}" (${c.evidence.join('; ')})`).join(' or ') +
    `; choose one (CLI: ${choice.candidates.map((c) => `--column ${choice.field}=${quote(c.column)}`).join(' or ')})`
  );
}

/** The user's field → column choices applied to a mapping; a field or column that does not exist is a problem. */
function chooseColumns(
  mapping: ImportMapping,
  headers: readonly string[],
  chosen: Record<string, string>,
  problems: ImportProblem[],
): ImportMapping {
  const columns = { ...mapping.columns };
  const fields = KIND_FIELDS[mapping.kind];
  for (const [field, column] of Object.entries(chosen)) {
    if (!fields.some((f) => f.name === field)) {
      problems.push(
        problem(
          null,
          null,
          field,
          `${mapping.kind} has no field "${field}" (fields: ${fields.map((f) => f.name).join(', ')})`,
          'error',
          'usage',
        ),
      );
    } else if (!headers.includes(column)) {
      problems.push(
        problem(
          null,
          null,
          column,
          `no column "${column}" for ${field} (columns: ${headers.join(', ')})`,
          'error',
          'missing-column',
        ),
      );
    } else {
      // A column read as one field only: the field it held before gives it up.
      for (const [other, c] of Object.entries(columns))
        if (c === column && other !== field) delete columns[other];
      // One way to form the amount: a column (with an indicator), or debit − credit.
      if (field === 'debit' || field === 'credit') {
        delete columns.amount;
        delete columns.sign;
      } else if (field === 'amount') {
        delete columns.debit;
        delete columns.credit;
      }
      columns[field] = column;
    }
  }
  return { ...mapping, columns };
}
