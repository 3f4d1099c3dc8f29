import {
  evidenceFor,
  matchHeader,
  proposeRoles,
  type ColumnChoice,
  type FileEvidence,
  type RoleProposal,
} from './columnRoles';
import { cellText, type Cell } from './cells';
import { headerCurrency } from './currency';
import { compileFilter, filterKeeps } from './ledger';
import { KIND_FIELDS } from './fields';
import type { DetectedFormat } from './formats';
import { IMPORT_KINDS, completeMapping, type ImportKind, type ImportMapping } from './mapping';
import { parsePeriod } from './periods';
import { sourceOf } from './sources';
import { headerView, type ProposeOptions } from './sources/source';
import { FIELD_VOCABULARY, KIND_WORDS, languagesOf, phrasesOf, type FieldVocabulary } from './vocabulary';

export type { ProposeOptions };

/** The built-in mapping of a recognised vendor format; the user can still change any of it. */
export function builtinMapping(
  detected: DetectedFormat,
  headers: readonly string[],
  o: ProposeOptions,
): ImportMapping | null {
  const mapping = sourceOf(detected.format)?.mapping?.(headerView(headers), o);
  return mapping ? completeMapping(mapping) : null;
}

/** A format's amount column for a cost basis (FOCUS); the mapping unchanged for formats with one cost. */
export function withBasis(
  mapping: ImportMapping,
  headers: readonly string[],
  basis: 'effective' | 'billed',
): ImportMapping {
  const column = sourceOf(mapping.format)?.amountForBasis?.(headerView(headers), basis);
  return column ? { ...mapping, basis, columns: { ...mapping.columns, amount: column } } : mapping;
}

/** Headers of a wide KPI table that are periods (one column per month or quarter). */
export function periodHeaders(headers: readonly string[], fiscalStartMonth: number): string[] {
  return headers.filter((h) => parsePeriod(h, fiscalStartMonth) !== null);
}

/** Two kinds whose scores are closer than this are not guessed between: the user chooses (`--as`). */
export const KIND_MARGIN = 0.1;

/** A kind the file could hold, with how well it fits (0–1) and why. */
export interface KindCandidate {
  kind: ImportKind;
  score: number;
  evidence: string[];
}

export interface KindRanking {
  /** Kinds whose required fields the file has, best first. */
  candidates: KindCandidate[];
  /** The best two are within KIND_MARGIN: no kind is chosen without the user. */
  undecided: boolean;
  /** Why the other kinds do not fit. */
  unfit: { kind: ImportKind; reason: string }[];
  proposals: Partial<Record<ImportKind, RoleProposal>>;
}

/** The kind words as a vocabulary (one object per kind, so header matches are memoised). */
const KIND_VOCABULARY: Partial<Record<ImportKind, FieldVocabulary>> = {};

/** Headers that carry one of a kind's words ("Rechnung" for spend, "Einsparung" for benefits). */
function kindWordsIn(file: FileEvidence, kind: ImportKind): string[] {
  const words = KIND_WORDS[kind];
  if (!words) return [];
  const out: string[] = [];
  const vocabulary = (KIND_VOCABULARY[kind] ??= [[words, 1]]);
  file.words.forEach((w) => {
    const m = matchHeader(w, vocabulary, false);
    if (m) {
      out.push(`"${w.text}" (${languagesOf(m.phrase)} "${m.phrase.text}")`);
      return;
    }
    // German compounds also start with what they are about: "Rechnungsdatum", "Einsparungsbetrag".
    const prefix = phrasesOf(words).find(
      (p) => p.key.length >= 6 && w.tokens.some((t) => t.length > p.key.length + 2 && t.startsWith(p.key)),
    );
    if (prefix) out.push(`"${w.text}" (${languagesOf(prefix)} "${prefix.text}")`);
  });
  return out;
}

function wideKpiColumn(file: FileEvidence): string | undefined {
  const vocabulary = FIELD_VOCABULARY.kpis!.kpi!;
  let best: { header: string; score: number } | undefined;
  file.words.forEach((w, i) => {
    const m = matchHeader(w, vocabulary, false);
    if (m && (!best || m.score > best.score)) best = { header: file.headers[i]!, score: m.score };
  });
  return best?.header;
}

const KIND_NAME: Record<ImportKind, string> = {
  spend: 'spend',
  budget: 'budget',
  benefits: 'benefit',
  kpis: 'KPI',
  initiatives: 'initiative-register',
  fx: 'exchange-rate',
  commitments: 'commitment',
};

/**
 * Scores every kind for a generic table, with its evidence: the required fields' columns (how well they
 * fit, 35%), how much of the file the kind's fields explain (40%), and words in the headers that name the
 * kind (25%). Benefits need a header that says benefit, saving or value realised: a "Project" column
 * alone never makes a file benefits.
 */
export function rankKinds(file: FileEvidence, fiscalStartMonth: number): KindRanking {
  const candidates: KindCandidate[] = [];
  const unfit: KindRanking['unfit'] = [];
  const proposals: KindRanking['proposals'] = {};
  const columns = Math.max(1, file.headers.length);
  for (const kind of IMPORT_KINDS) {
    const signals = kindWordsIn(file, kind);
    const wordsLine = signals.length
      ? `${KIND_NAME[kind]} words in the headers: ${signals.slice(0, 4).join(', ')}`
      : `no header names ${kind === 'kpis' ? 'a KPI' : `the ${KIND_NAME[kind]} data`} outright`;
    if (kind === 'kpis') {
      const periods = periodHeaders(file.headers, fiscalStartMonth);
      const kpi = periods.length >= 2 ? wideKpiColumn(file) : undefined;
      if (kpi) {
        candidates.push({
          kind,
          score: 0.95,
          evidence: [
            `${periods.length} headers are periods (${periods.slice(0, 3).join(', ')}${periods.length > 3 ? ', ...' : ''}): one column per period`,
            `"${kpi}" names the KPI`,
          ],
        });
        continue;
      }
    }
    if (kind === 'benefits' && signals.length === 0) {
      unfit.push({
        kind,
        reason:
          'no header names a benefit (benefit, saving, value realised, realized, Nutzen, économie, ahorro, ...)',
      });
      continue;
    }
    const proposal = proposeRoles(file, kind);
    proposals[kind] = proposal;
    if (proposal.missing.length) {
      const labels = proposal.missing.map((f) => KIND_FIELDS[kind].find((s) => s.name === f)?.label ?? f);
      unfit.push({ kind, reason: `no column for ${labels.join(', ')}` });
      continue;
    }
    const required = KIND_FIELDS[kind].filter((s) => s.required);
    const { debit, credit } = proposal.roles;
    // A ledger's pair stands in for the amount (preferLedgerPair): it scores as its weaker column.
    const pair = debit && credit ? { score: Math.min(debit.score, credit.score) } : undefined;
    const requiredScores = required.map(
      (s) =>
        (proposal.roles[s.name] ?? (s.name === 'amount' ? pair : undefined))?.score ??
        proposal.choices.find((c) => c.field === s.name)?.candidates[0]?.score ??
        0,
    );
    const placed = [
      ...Object.values(proposal.roles).map((r) => r.score),
      ...proposal.choices.map((c) => c.candidates[0]!.score),
    ];
    const reqMean = requiredScores.reduce((a, b) => a + b, 0) / Math.max(1, requiredScores.length);
    const explained = Math.min(1, placed.reduce((a, b) => a + b, 0) / columns);
    const score = 0.35 * reqMean + 0.4 * explained + 0.25 * (signals.length ? 1 : 0);
    const fields = required
      .map((s) => {
        const role = proposal.roles[s.name];
        if (role) return `${s.label.toLowerCase()} ← "${role.column}"`;
        if (s.name === 'amount' && debit && credit)
          return `${s.label.toLowerCase()} ← "${debit.column}" − "${credit.column}"`;
        const choice = proposal.choices.find((c) => c.field === s.name);
        // A budget's year named by its amount header: no period column (annualBudget.ts).
        if (!choice) return `${s.label.toLowerCase()} ← the amount header's year`;
        return `${s.label.toLowerCase()} ← ${choice.candidates.map((c) => `"${c.column}"`).join(' or ')}`;
      })
      .join(', ');
    candidates.push({
      kind,
      score: Math.round(score * 100) / 100,
      evidence: [fields, `${placed.length} of ${file.headers.length} columns placed`, wordsLine],
    });
  }
  candidates.sort((a, b) => b.score - a.score);
  const [first, second] = candidates;
  return {
    candidates,
    undecided: first !== undefined && second !== undefined && first.score - second.score < KIND_MARGIN,
    unfit,
    proposals,
  };
}

/** A mapping inferred for a generic table, the fields left to choose, and the evidence per field. */
export interface Proposal {
  mapping: ImportMapping;
  choices: ColumnChoice[];
  evidence: Record<string, string[]>;
}

/** The mapping proposed for a generic table of the given kind, from its headers' words and its first rows. */
export function proposeMapping(
  kind: ImportKind,
  file: FileEvidence,
  fiscalStartMonth: number,
  ranked?: RoleProposal,
): Proposal {
  if (kind === 'kpis' && periodHeaders(file.headers, fiscalStartMonth).length >= 2) {
    const kpi = wideKpiColumn(file) ?? file.headers[0] ?? '';
    const initiative = proposeRoles(file, 'kpis').roles.initiative?.column;
    return {
      mapping: completeMapping({
        kind,
        layout: 'wide',
        columns: { kpi, ...(initiative ? { initiative } : {}) },
      }),
      choices: [],
      evidence: { kpi: evidenceFor(file, 'kpis', 'kpi', kpi) },
    };
  }
  const proposal = ranked ?? proposeRoles(file, kind);
  const columns = Object.fromEntries(Object.values(proposal.roles).map((r) => [r.field, r.column]));
  const evidence = Object.fromEntries(Object.values(proposal.roles).map((r) => [r.field, r.evidence]));
  const noCategory = kind === 'spend' && !columns.category;
  return {
    mapping: completeMapping({
      kind,
      columns,
      categoryRule: noCategory ? 'constant' : 'column',
      category: noCategory ? 'other' : null,
    }),
    choices: proposal.choices,
    evidence,
  };
}

/**
 * The currency the amount's header names ("Betrag (EUR)", "cost_usd") for a mapping without a currency
 * column, with the sentence saying so; null when there is a currency column or the header names none.
 */
export function amountHeaderCurrency(mapping: ImportMapping): { currency: string; evidence: string } | null {
  const amount = mapping.columns.amount;
  if (!amount || mapping.columns.currency) return null;
  // The rule the transform books each line by (currency.ts), so the evidence says what is stored.
  const mark = headerCurrency(amount);
  const currency = mark?.candidates.length === 1 ? mark.candidates[0]! : null;
  if (!currency) return null;
  return {
    currency,
    evidence: `no currency column; the amount's header "${amount}" names ${currency}, so amounts without a currency of their own are ${currency}`,
  };
}

/** A negative amount as written: a leading minus, parentheses, a trailing minus (number cells: below 0). */
const NEGATIVE_TEXT = /^\s*[-−]\s*[^\s]|^\s*\(.*\d.*\)\s*$|\d\s*[-−]\s*$/;
const NONZERO_DIGIT = /[1-9]/;

/**
 * Whether a spend file writes its costs negative (a bank or card statement, an expense tool's outflows),
 * read from the amount column's first rows: the sentence saying why when at least two thirds of the amounts
 * other than zero are negative (and at least two are), else null. Never applied without this sentence.
 */
export function negateProposal(
  mapping: ImportMapping,
  headers: readonly string[],
  head: readonly { cells: readonly Cell[] }[],
): string | null {
  const column = mapping.columns.amount;
  if (mapping.kind !== 'spend' || !column || mapping.columns.sign) return null;
  const index = headers.indexOf(column);
  if (index === -1) return null;
  let negative = 0;
  let nonzero = 0;
  // Only the rows the mapping keeps: an expense tool's income rows say nothing about how it writes costs.
  const filters = mapping.filters.flatMap((f) => {
    const i = headers.indexOf(f.column);
    return i === -1 ? [] : [{ i, f: compileFilter(f) }];
  });
  for (const r of head) {
    if (!filters.every(({ i, f }) => filterKeeps(f, cellText(r.cells[i] ?? null)))) continue;
    const c = r.cells[index] ?? null;
    if (typeof c === 'number') {
      if (c !== 0) nonzero++;
      if (c < 0) negative++;
      continue;
    }
    const t = cellText(c);
    if (t === null || !NONZERO_DIGIT.test(t)) continue;
    nonzero++;
    if (NEGATIVE_TEXT.test(t)) negative++;
  }
  if (negative < 2 || negative * 3 < nonzero * 2) return null;
  return (
    `${negative} of ${nonzero} amounts in the first rows of "${column}" are negative: this spend file writes costs ` +
    "negative (as bank, card and expense-tool exports do), so every amount's sign is flipped (CLI: --no-negate to keep them as written)"
  );
}
