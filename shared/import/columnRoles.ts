import { headerYear } from './annualBudget';
import { ratio } from 'fuzzball';
import { cellText, type Cell } from './cells';
import { dateOrderHint, parseDate } from './dates';
import {
  benefitTypeFromText,
  boolFromText,
  categoryFromText,
  realizedFromText,
  riskTierFromText,
  stageFromText,
} from './enums';
import { KIND_FIELDS, type FieldSpec } from './fields';
import type { ImportKind } from './mapping';
import { decimalHint, parseNumberText, type DecimalSeparator } from './numbers';
import { parsePeriod } from './periods';
import {
  FIELD_VOCABULARY,
  headerWords,
  ISO_CURRENCIES,
  languagesOf,
  phrasesOf,
  type FieldVocabulary,
  type HeaderWords,
  type Phrase,
  type Words,
} from './vocabulary';

/**
 * Which column holds which field, from the header's words and from what the column's first rows hold.
 * Runs once per file on the rows read with the header (at most INFERENCE_ROWS), never per data row.
 */

/** Rows of content looked at per column: the head readHeader already holds. */
export const INFERENCE_ROWS = 40;
/** A column below this score is not proposed for a field. */
export const MIN_SCORE = 0.45;
/** Two candidates closer than this are a tie: the user chooses. */
export const MARGIN = 0.1;
/** fuzzball ratio (0–100) at and above which a header word counts as a misspelling of a vocabulary word. */
export const FUZZY_THRESHOLD = 88;

// ---------------------------------------------------------------------------------------------------------
// Content: what the first rows of a column hold.

export interface ColumnProfile {
  index: number;
  header: string;
  /** Non-blank cells looked at. */
  filled: number;
  /** Values that read as dates (day-level), and those on a day other than the 1st. */
  dates: number;
  datesNotFirst: number;
  dayFirst: number;
  monthFirst: number;
  /** Month labels (2026-03, Mar 2026) and quarter labels (FY2026-Q1) that are not full dates. */
  months: number;
  quarters: number;
  /** Values that read as numbers with either decimal separator (percentages apart). */
  numbers: number;
  percents: number;
  /** Numbers that look like money: a currency symbol or code, two decimals, thousands separators, accounting negatives. */
  money: number;
  decimalComma: number;
  decimalPoint: number;
  thousands: number;
  parentheses: number;
  trailingMinus: number;
  currencies: Set<string>;
  integers: number;
  nonNegativeIntegers: number;
  /** Whole numbers 0–10 and 1900–2100 (tiers, flags, years: not amounts). */
  smallIntegers: number;
  years: number;
  /** Whole numbers 1–12 (a month's number, beside a year column). */
  monthNumbers: number;
  isoCodes: number;
  bools: number;
  /** Words the importer reads as a spend category, stage, risk tier, realized/projected, benefit type. */
  categories: number;
  stages: number;
  riskTiers: number;
  realized: number;
  benefitTypes: number;
  distinct: number;
  examples: string[];
}

const PLAIN_NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;
const TWO_DECIMALS = /\d[.,]\d{2}(?!\d)/;

// Cheap shapes tried before the parsers (which throw on a miss, at a few microseconds each).
/** Digits with signs, separators, parentheses, %, currency symbols and 3-letter codes, and no other letters. */
const NUMBER_SHAPE = /^[\s\d.,'’()+\-−%$€£¥₹]*\d[\s\d.,'’()+\-−%$€£¥₹eE]*$/;
const CODES = /US\$|R\$|A\$|C\$|\b[A-Z]{3}\b/g;
/** The starts of the forms parseDate reads: 2026-03-31, 31.03.2026, 03/31/26, 31 Mar 2026, Mar 31, 2026. */
const DATE_SHAPE =
  /^(\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}[ -][A-Za-z]{3,9}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}$)/;
/** The forms parsePeriod reads besides full dates: FY2026-Q3, Q3 2026, 2026-Q3, 2026-03, 03/2026, Mar 2026. */
const PERIOD_SHAPE =
  /^(FY|Q[1-4]|\d{4}[\s-]*Q[1-4]$|\d{4}[-/.]\d{1,2}$|\d{1,2}[-/.]\d{4}$|[A-Za-z]{3,9}\.?[\s\-']+\d{2,4}$)/i;

function readsAsNumber(t: string): { ok: boolean; percent: boolean; currency: string | null } {
  const no = { ok: false, percent: false, currency: null };
  if (!NUMBER_SHAPE.test(t.replace(CODES, ''))) return no;
  const first: DecimalSeparator = decimalHint(t) === ',' ? ',' : '.';
  for (const sep of [first, first === ',' ? '.' : ','] as DecimalSeparator[]) {
    try {
      const n = parseNumberText(t, sep);
      return { ok: true, percent: n.percent, currency: n.currency };
    } catch {
      // try the other separator
    }
  }
  return no;
}

/** The ISO date a cell reads as (either day/month order), or null. */
function readsAsDate(cell: Cell, t: string): string | null {
  if (typeof cell === 'number' || PLAIN_NUMBER.test(t)) {
    // Plain numbers are amounts, not Excel serials, unless they are unix seconds or milliseconds.
    const n = Number(t);
    if (!(Number.isInteger(n) && ((n >= 1e9 && n < 1e10) || (n >= 1e12 && n < 1e13)))) return null;
    return parseDate(n, 'ymd');
  }
  if (!DATE_SHAPE.test(t)) return null;
  for (const order of ['dmy', 'mdy'] as const) {
    try {
      return parseDate(cell, order);
    } catch {
      // not in this order
    }
  }
  return null;
}

type CountKey = {
  [K in keyof ColumnProfile]: ColumnProfile[K] extends number ? K : never;
}[keyof ColumnProfile];

/** What one value is: the profile counts it adds to, and a currency it names. */
function classify(cell: Cell, t: string): { counts: CountKey[]; currency: string | null } {
  const c: CountKey[] = [];
  let currency: string | null = null;
  const done = () => ({ counts: c, currency });
  if (typeof cell === 'boolean') {
    c.push('bools');
    return done();
  }
  if (boolFromText(t) !== null) c.push('bools');
  if (/^[A-Za-z]{3}$/.test(t) && ISO_CURRENCIES.has(t.toUpperCase())) c.push('isoCodes');
  const iso = readsAsDate(cell, t);
  if (iso !== null) {
    c.push('dates');
    if (!iso.endsWith('-01')) c.push('datesNotFirst');
    const hint = dateOrderHint(cell);
    if (hint === 'dmy' || (typeof cell === 'string' && /^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(t)))
      c.push('dayFirst');
    if (hint === 'mdy') c.push('monthFirst');
    return done();
  }
  // A fiscal year label ("FY2027"): a year, as a budget's period (spread over its months).
  if (/^FY\s?(\d{2}|\d{4})$/i.test(t)) {
    c.push('years');
    return done();
  }
  const period = typeof cell === 'string' && PERIOD_SHAPE.test(t) ? parsePeriod(t, 1) : null;
  if (period) {
    if (period.granularity === 'month') c.push('months');
    else c.push('quarters');
    return done();
  }
  const n = typeof cell === 'number' ? { ok: true, percent: false, currency: null } : readsAsNumber(t);
  if (n.ok) {
    if (n.percent) {
      c.push('percents');
    } else {
      c.push('numbers');
      const hint = typeof cell === 'number' ? 'none' : decimalHint(t);
      if (hint === ',') c.push('decimalComma');
      if (hint === '.') c.push('decimalPoint');
      const grouped =
        typeof cell === 'string' &&
        (/\d[ \u00a0\u202f'’]\d{3}/.test(t) ||
          (t.includes(',') && t.includes('.')) ||
          t.split(',').length > 2 ||
          t.split('.').length > 2 ||
          (hint === ',' && /\d\.\d{3}(?!\d)/.test(t)) ||
          (hint === '.' && /\d,\d{3}(?!\d)/.test(t)));
      if (grouped) c.push('thousands');
      const parens = /^\(.*\)$/.test(t);
      const trailing = /\d\s*-$/.test(t);
      if (parens) c.push('parentheses');
      if (trailing) c.push('trailingMinus');
      if (n.currency) currency = n.currency;
      // A workbook's number cell has no written form: a fraction is what makes it look like money.
      const looksLikeMoney =
        typeof cell === 'number'
          ? !Number.isInteger(cell)
          : Boolean(n.currency) || grouped || parens || trailing || TWO_DECIMALS.test(t);
      if (looksLikeMoney) c.push('money');
      const v = typeof cell === 'number' ? cell : PLAIN_NUMBER.test(t) ? Number(t.replace(',', '.')) : NaN;
      if (Number.isInteger(v)) {
        c.push('integers');
        if (v >= 1 && v <= 4) c.push('riskTiers');
        if (v >= 0) c.push('nonNegativeIntegers');
        if (v >= 0 && v <= 10) c.push('smallIntegers');
        if (v >= 1900 && v <= 2100) c.push('years');
        if (v >= 1 && v <= 12) c.push('monthNumbers');
      }
    }
    return done();
  }
  if (categoryFromText(t)) c.push('categories');
  if (stageFromText(t)) c.push('stages');
  if (riskTierFromText(t)) c.push('riskTiers');
  if (realizedFromText(t) !== null) c.push('realized');
  if (benefitTypeFromText(t)) c.push('benefitTypes');
  return done();
}

/** What one column's cells hold; `cells` are the first rows' cells of the column. */
export function profileColumn(index: number, header: string, cells: readonly Cell[]): ColumnProfile {
  const p: ColumnProfile = {
    index,
    header,
    filled: 0,
    dates: 0,
    datesNotFirst: 0,
    dayFirst: 0,
    monthFirst: 0,
    months: 0,
    quarters: 0,
    numbers: 0,
    percents: 0,
    money: 0,
    decimalComma: 0,
    decimalPoint: 0,
    thousands: 0,
    parentheses: 0,
    trailingMinus: 0,
    currencies: new Set(),
    integers: 0,
    nonNegativeIntegers: 0,
    smallIntegers: 0,
    years: 0,
    monthNumbers: 0,
    isoCodes: 0,
    bools: 0,
    categories: 0,
    stages: 0,
    riskTiers: 0,
    realized: 0,
    benefitTypes: 0,
    distinct: 0,
    examples: [],
  };
  const seen = new Set<string>();
  const classified = new Map<string, { counts: CountKey[]; currency: string | null }>();
  for (const cell of cells) {
    const t = cellText(cell);
    if (t === null) continue;
    p.filled++;
    if (!seen.has(t)) {
      seen.add(t);
      if (p.examples.length < 3) p.examples.push(t);
    }
    // Columns repeat their values (categories, codes, stages): each distinct value is classified once.
    const key = `${typeof cell}:${t}`;
    let found = classified.get(key);
    if (!found) classified.set(key, (found = classify(cell, t)));
    for (const k of found.counts) p[k]++;
    if (found.currency) p.currencies.add(found.currency);
  }
  p.distinct = seen.size;
  return p;
}

// ---------------------------------------------------------------------------------------------------------
// How well a column's content fits a field, in words.

type ContentKind =
  | 'date'
  | 'year'
  | 'monthNumber'
  | 'month'
  | 'budgetMonth'
  | 'period'
  | 'amount'
  | 'number'
  | 'count'
  | 'bool'
  | 'currency'
  | 'text'
  | 'category'
  | 'stage'
  | 'risk'
  | 'realized'
  | 'benefitType';

function contentKindOf(spec: FieldSpec, kind: ImportKind): ContentKind {
  if (spec.name === 'currency') return 'currency';
  if (spec.name === 'category') return 'category';
  if (spec.name === 'stage') return 'stage';
  if (spec.name === 'riskTier') return 'risk';
  if (spec.name === 'realized') return 'realized';
  if (spec.name === 'type' && kind === 'benefits') return 'benefitType';
  if (spec.name === 'highImpact') return 'bool';
  // Google Cloud's credits: a list as JSON text, or an amount (vendor formats map it; the evidence shows it).
  if (spec.name === 'credits') return 'text';
  if (spec.name === 'year') return 'year';
  if (spec.name === 'monthNumber') return 'monthNumber';
  // Benefit rows are often monthly: a month label stands for its first day.
  if (spec.name === 'date' && kind === 'benefits') return 'period';
  // A budget approved for a whole year is spread over its months (shared/import/annualBudget.ts).
  if (spec.name === 'month' && kind === 'budget') return 'budgetMonth';
  switch (spec.type) {
    case 'date':
      return 'date';
    case 'month':
      return 'month';
    case 'period':
      return 'period';
    case 'amount':
      return 'amount';
    case 'number':
      return 'number';
    case 'count':
      return 'count';
    case 'bool':
      return 'bool';
    default:
      return 'text';
  }
}

interface ContentFit {
  /** 0–1; null when the first rows have no value in the column. */
  fit: number | null;
  sentence: string;
}

function share(n: number, p: ColumnProfile): string {
  return `${n}/${p.filled}`;
}

function examples(p: ColumnProfile): string {
  return p.examples.length
    ? ` (e.g. ${p.examples.map((e) => `"${e.length > 30 ? `${e.slice(0, 27)}...` : e}"`).join(', ')})`
    : '';
}

function amountSentence(p: ColumnProfile): string {
  const notes: string[] = [];
  if (p.decimalComma > 0 && p.decimalPoint === 0) notes.push('decimal comma');
  else if (p.decimalPoint > 0 && p.decimalComma === 0) notes.push('decimal point');
  else if (p.decimalPoint > 0 && p.decimalComma > 0) notes.push('mixed decimal separators');
  if (p.currencies.size) notes.push(`currency ${[...p.currencies].join('/')} written in the cells`);
  if (p.thousands) notes.push('thousands separators');
  if (p.parentheses) notes.push('negatives in parentheses');
  if (p.trailingMinus) notes.push('trailing-minus negatives');
  return `${share(p.numbers, p)} values are amounts${notes.length ? ` with ${notes.join(', ')}` : ''}`;
}

const WORD_NAMES: Partial<Record<ContentKind, [keyof ColumnProfile, string]>> = {
  category: ['categories', 'spend categories'],
  stage: ['stages', 'stages'],
  risk: ['riskTiers', 'risk tiers'],
  realized: ['realized', 'realized/projected words'],
  benefitType: ['benefitTypes', 'benefit types'],
};

function contentFit(p: ColumnProfile, kind: ContentKind): ContentFit {
  if (p.filled === 0) return { fit: null, sentence: 'empty in the first rows' };
  const f = p.filled;
  const textual = f - p.numbers - p.percents - p.dates - p.months - p.quarters;
  const moneyShare = p.money / f;
  const dateShare = (p.dates + p.months + p.quarters) / f;
  switch (kind) {
    case 'date': {
      const order =
        p.dayFirst && !p.monthFirst ? ', day-first' : p.monthFirst && !p.dayFirst ? ', month-first' : '';
      return {
        fit: p.dates / f,
        sentence: `${share(p.dates, p)} values are dates${order}${examples(p)}`,
      };
    }
    case 'month': {
      const firsts = p.dates - p.datesNotFirst;
      const fit = (p.months + 0.9 * firsts + 0.5 * p.datesNotFirst + 0.3 * p.quarters) / f;
      const parts = [
        p.months ? `${share(p.months, p)} values are months` : null,
        p.dates
          ? `${share(p.dates, p)} values are dates${p.datesNotFirst ? ` (${p.datesNotFirst} not on the 1st)` : ''}`
          : null,
      ].filter(Boolean);
      return {
        fit,
        sentence: `${parts.length ? parts.join(', ') : `${share(0, p)} values are months`}${examples(p)}`,
      };
    }
    case 'budgetMonth': {
      const month = contentFit(p, 'month');
      if (p.years === 0 || p.years < p.months + p.dates) return month;
      return {
        fit: Math.max(month.fit ?? 0, (0.9 * p.years) / f),
        sentence: `${share(p.years, p)} values are years (a year's budget is spread over its 12 months)${examples(p)}`,
      };
    }
    case 'year':
      return { fit: p.years / f, sentence: `${share(p.years, p)} values are years${examples(p)}` };
    case 'monthNumber':
      return {
        fit: p.monthNumbers / f,
        sentence: `${share(p.monthNumbers, p)} values are month numbers (1–12)${examples(p)}`,
      };
    case 'period':
      return {
        fit: (p.months + p.quarters + p.dates) / f,
        sentence: `${share(p.months + p.quarters + p.dates, p)} values are months, quarters or dates${examples(p)}`,
      };
    case 'amount': {
      let fit = p.numbers / f;
      if (p.numbers > 0 && p.money / p.numbers < 0.5) {
        if (p.smallIntegers === p.numbers) fit *= 0.5;
        else if (p.years === p.numbers) fit *= 0.4;
        else fit *= 0.85;
      }
      return { fit, sentence: amountSentence(p) };
    }
    case 'number':
      return {
        fit: (p.numbers + p.percents) / f,
        sentence: `${share(p.numbers + p.percents, p)} values are numbers${p.percents ? ` (${p.percents} percentages)` : ''}`,
      };
    case 'count':
      return {
        fit: p.nonNegativeIntegers / f,
        sentence: `${share(p.nonNegativeIntegers, p)} values are whole numbers`,
      };
    case 'bool':
      return { fit: p.bools / f, sentence: `${share(p.bools, p)} values are yes/no${examples(p)}` };
    case 'currency':
      return {
        fit: p.isoCodes / f,
        sentence: `${share(p.isoCodes, p)} values are ISO currency codes${examples(p)}`,
      };
    default: {
      const base = Math.max(0, 1 - 0.5 * moneyShare - 0.5 * dateShare);
      const words = WORD_NAMES[kind];
      if (words) {
        const n = p[words[0]] as number;
        // A spend category column whose values are not our categories would fail every row: only its
        // header's exact name still proposes it.
        const weight = kind === 'category' ? 0.2 + (0.8 * n) / f : 0.7 + (0.3 * n) / f;
        return {
          fit: base * weight,
          sentence: `${share(n, p)} values are ${words[1]}${examples(p)}`,
        };
      }
      const what =
        textual === f
          ? `text, ${p.distinct} distinct value${p.distinct === 1 ? '' : 's'}`
          : textual === 0 && p.numbers === f
            ? `${share(p.numbers, p)} values are numbers or codes`
            : `${share(textual, p)} values are text`;
      return { fit: base, sentence: `${what}${examples(p)}` };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Headers: how well a header's words name a field.

export interface HeaderMatch {
  /** 0–1: the vocabulary's weight for the phrase times how completely it matched. */
  score: number;
  phrase: Phrase;
  how: 'exact' | 'words' | 'compound' | 'fuzzy';
  /** fuzzball ratio for a fuzzy match. */
  similarity?: number;
}

/** A word set's phrases indexed for matching: by key, by each of their tokens, by key length. */
interface Compiled {
  byKey: Map<string, Phrase>;
  byToken: Map<string, Phrase[]>;
  byLength: Map<number, Phrase[]>;
}

const compiledMemo = new WeakMap<Words, Compiled>();

function compiled(words: Words): Compiled {
  let c = compiledMemo.get(words);
  if (c) return c;
  c = { byKey: new Map(), byToken: new Map(), byLength: new Map() };
  for (const phrase of phrasesOf(words)) {
    if (phrase.key === '') continue;
    c.byKey.set(phrase.key, phrase);
    for (const t of new Set(phrase.tokens)) c.byToken.set(t, [...(c.byToken.get(t) ?? []), phrase]);
    c.byLength.set(phrase.key.length, [...(c.byLength.get(phrase.key.length) ?? []), phrase]);
  }
  compiledMemo.set(words, c);
  return c;
}

const fuzzyMemo = new Map<string, { phrase: Phrase; similarity: number } | null>();
const wordsIds = new WeakMap<Words, number>();
let nextWordsId = 0;

/** The vocabulary word a header word most likely misspells, if any reaches FUZZY_THRESHOLD. */
function fuzzyPhrase(token: string, words: Words): { phrase: Phrase; similarity: number } | null {
  let id = wordsIds.get(words);
  if (id === undefined) wordsIds.set(words, (id = nextWordsId++));
  const memoKey = `${id}:${token}`;
  const cached = fuzzyMemo.get(memoKey);
  if (cached !== undefined) return cached;
  let best: { phrase: Phrase; similarity: number } | null = null;
  if (token.length >= 5) {
    const { byLength } = compiled(words);
    // A ratio of 88 needs lengths within about 79% of each other: the rest are not asked.
    const lo = Math.max(5, Math.ceil(token.length * 0.78));
    const hi = Math.floor(token.length / 0.78);
    for (let len = lo; len <= hi; len++) {
      for (const phrase of byLength.get(len) ?? []) {
        const similarity = ratio(token, phrase.key, { full_process: false });
        if (similarity >= FUZZY_THRESHOLD && (!best || similarity > best.similarity))
          best = { phrase, similarity };
      }
    }
  }
  if (fuzzyMemo.size < 20_000) fuzzyMemo.set(memoKey, best);
  return best;
}

const matchMemo = new WeakMap<FieldVocabulary, Map<string, HeaderMatch | null>>();

/**
 * How well a header names a field of the given vocabulary; null when it does not. Without `fuzzy`, only
 * exact, word and compound matches count. Memoised per vocabulary and header.
 */
export function matchHeader(
  words: HeaderWords,
  vocabulary: FieldVocabulary,
  fuzzy = true,
): HeaderMatch | null {
  let memo = matchMemo.get(vocabulary);
  if (!memo) matchMemo.set(vocabulary, (memo = new Map()));
  const key = `${fuzzy ? 'f' : 'x'}${words.text}`;
  const cached = memo.get(key);
  if (cached !== undefined) return cached;
  const found = findMatch(words, vocabulary, fuzzy);
  if (memo.size < 5_000) memo.set(key, found);
  return found;
}

function findMatch(words: HeaderWords, vocabulary: FieldVocabulary, fuzzy: boolean): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const consider = (m: HeaderMatch) => {
    if (!best || m.score > best.score) best = m;
  };
  const tokens = new Set(words.tokens);
  const contentCount = Math.max(1, words.content.length);
  for (const [set, weight] of vocabulary) {
    const c = compiled(set);
    const exact = c.byKey.get(words.key);
    if (exact) consider({ score: weight, phrase: exact, how: 'exact' });
    // Every word of a phrase among the header's words ("Posting Date" contains "date").
    for (const t of tokens) {
      for (const phrase of c.byToken.get(t) ?? []) {
        if (phrase === exact || !phrase.tokens.every((x) => tokens.has(x))) continue;
        const covered = Math.min(1, phrase.tokens.length / contentCount);
        consider({ score: weight * (0.6 + 0.3 * covered), phrase, how: 'words' });
      }
    }
    // German compounds put the head noun last: "Buchungsdatum", "Reisekosten".
    for (const t of tokens) {
      for (let i = 3; i <= t.length - 5; i++) {
        const phrase = c.byKey.get(t.slice(i));
        if (phrase && phrase !== exact) {
          consider({ score: weight * (words.tokens.length === 1 ? 0.7 : 0.6), phrase, how: 'compound' });
        }
      }
    }
  }
  if (best || !fuzzy) return best;
  // Fuzzy fallback: the whole header, or one of its words, misspelling a vocabulary word.
  for (const [set, weight] of vocabulary) {
    const candidates = [words.key, ...(words.tokens.length > 1 ? words.tokens : [])];
    for (const [i, token] of candidates.entries()) {
      const f = fuzzyPhrase(token, set);
      if (!f) continue;
      const covered = i === 0 ? 1 : Math.min(1, f.phrase.tokens.length / contentCount);
      consider({
        score: weight * (0.45 + 0.15 * covered) * (f.similarity / 100),
        phrase: f.phrase,
        how: 'fuzzy',
        similarity: f.similarity,
      });
    }
  }
  return best;
}

const VERB: Record<HeaderMatch['how'], string> = {
  exact: 'is',
  words: 'contains',
  compound: 'ends in',
  fuzzy: 'is close to',
};

function headerSentence(words: HeaderWords, m: HeaderMatch, label: string): string {
  const alike = m.how === 'fuzzy' ? ` (${m.similarity}% alike)` : '';
  const notes = [
    words.currency ? `"${words.currencyText}" names the currency ${words.currency}` : null,
    words.repeated ? `"${words.repeated}" repeats the name` : null,
  ].filter(Boolean);
  return (
    `header "${words.text}" ${VERB[m.how]} ${languagesOf(m.phrase)} "${m.phrase.text}"${alike}: the ${label}` +
    (notes.length ? `; ${notes.join('; ')}` : '')
  );
}

// ---------------------------------------------------------------------------------------------------------
// A file's columns, scored for every field of a kind.

/** What inference knows about a file: its headers' words and, lazily, its columns' content. */
export class FileEvidence {
  readonly words: HeaderWords[];
  private readonly profiles: (ColumnProfile | undefined)[] = [];
  private readonly head: readonly { cells: readonly Cell[] }[];
  private known: boolean[] | null = null;

  constructor(
    readonly headers: readonly string[],
    head: readonly { cells: readonly Cell[] }[],
  ) {
    this.words = headers.map(headerWords);
    // Only the rows read with the header: inference never looks further into the file.
    this.head = head.slice(0, INFERENCE_ROWS);
  }

  profile(index: number): ColumnProfile {
    let p = this.profiles[index];
    if (!p) {
      const cells = this.head.map((r) => r.cells[index] ?? null);
      p = profileColumn(index, this.headers[index]!, cells);
      this.profiles[index] = p;
    }
    return p;
  }

  /** Columns whose header any field's vocabulary recognises: their content alone never decides. */
  hasVocabulary(index: number): boolean {
    if (!this.known) {
      this.known = this.words.map((w) =>
        Object.values(FIELD_VOCABULARY).some((fields) =>
          Object.values(fields).some((v) => matchHeader(w, v, false) !== null),
        ),
      );
    }
    return this.known[index]!;
  }
}

/** Fields whose content is distinctive enough to place a column whose header says nothing ("Col3"). */
const CONTENT_ONLY: Partial<Record<ContentKind, number>> = {
  date: 0.6,
  month: 0.55,
  budgetMonth: 0.55,
  period: 0.55,
  amount: 0.55,
  currency: 0.6,
};
const CONTENT_ONLY_FIELDS: Partial<Record<ImportKind, string[]>> = {
  spend: ['date', 'amount', 'currency'],
  budget: ['month', 'amount', 'currency'],
  benefits: ['date', 'amount', 'currency'],
  fx: ['month', 'currency'],
};

export interface ColumnCandidate {
  column: string;
  /** 0–1. */
  score: number;
  /** Why, in sentences: the header's words and what the first rows hold. */
  evidence: string[];
}

/** A field two or more columns could fill about equally well: the user chooses. */
export interface ColumnChoice {
  field: string;
  label: string;
  required: boolean;
  candidates: ColumnCandidate[];
}

export interface FieldRole extends ColumnCandidate {
  field: string;
}

export interface RoleProposal {
  kind: ImportKind;
  /** Field → the column chosen for it, with its score and evidence. */
  roles: Record<string, FieldRole>;
  /** Fields left for the user to choose between close candidates (nothing mapped for them). */
  choices: ColumnChoice[];
  /** Required fields no column fills. */
  missing: string[];
}

/** Score of one column for one field (0 when it is not a candidate), with the evidence. */
export function scoreColumn(
  file: FileEvidence,
  kind: ImportKind,
  spec: FieldSpec,
  index: number,
): ColumnCandidate & { header: HeaderMatch | null } {
  const vocabulary = FIELD_VOCABULARY[kind]?.[spec.name];
  const words = file.words[index]!;
  const label = spec.label.toLowerCase();
  // The fuzzy fallback only for headers the vocabulary does not know at all ("Ammount", not "Description").
  const m = vocabulary ? matchHeader(words, vocabulary, !file.hasVocabulary(index)) : null;
  const content = contentFit(file.profile(index), contentKindOf(spec, kind));
  const column = file.headers[index]!;
  if (m) {
    const score = m.score * (content.fit === null ? 0.7 : 0.4 + 0.6 * content.fit);
    return { column, score, evidence: [headerSentence(words, m, label), content.sentence], header: m };
  }
  const weight = CONTENT_ONLY[contentKindOf(spec, kind)];
  const allowed = CONTENT_ONLY_FIELDS[kind]?.includes(spec.name) ?? false;
  if (weight && allowed && content.fit !== null && content.fit >= 0.8 && !file.hasVocabulary(index)) {
    const p = file.profile(index);
    if (contentKindOf(spec, kind) !== 'amount' || p.money / Math.max(1, p.numbers) >= 0.5) {
      return {
        column,
        score: weight * content.fit,
        evidence: [`header "${words.text}" names no field: the values decide`, content.sentence],
        header: null,
      };
    }
  }
  return { column, score: 0, evidence: [], header: null };
}

/** The fields inference proposes for a kind (those with words or distinctive content). */
function inferableFields(kind: ImportKind): FieldSpec[] {
  const specs = KIND_FIELDS[kind].filter((s) => FIELD_VOCABULARY[kind]?.[s.name] !== undefined);
  return [...specs.filter((s) => s.required), ...specs.filter((s) => !s.required)];
}

/**
 * Places the file's columns on a kind's fields: required fields first, each taking the best free column;
 * when the best two are within MARGIN, neither is taken and the field is left for the user to choose.
 * A column whose header names another field of the kind more strongly is not a candidate ("Cost center"
 * is not the amount).
 */
export function proposeRoles(file: FileEvidence, kind: ImportKind): RoleProposal {
  const specs = inferableFields(kind);
  const scored = specs.map((spec) => ({
    spec,
    columns: file.headers.map((_, i) => scoreColumn(file, kind, spec, i)),
  }));
  // The strongest header score each column has for any field of this kind.
  const strongest = file.headers.map((_, i) =>
    Math.max(0, ...scored.map((s) => s.columns[i]!.header?.score ?? 0)),
  );
  const taken = new Set<string>();
  const roles: Record<string, FieldRole> = {};
  const choices: ColumnChoice[] = [];
  const missing: string[] = [];
  for (const { spec, columns } of scored) {
    const candidates = columns
      .filter(
        (c, i) =>
          c.score >= MIN_SCORE && !taken.has(c.column) && (c.header?.score ?? 0) >= strongest[i]! - 0.2,
      )
      .sort((a, b) => b.score - a.score);
    const [best, second] = candidates;
    if (!best) {
      if (spec.required) missing.push(spec.name);
      continue;
    }
    if (second && best.score - second.score < MARGIN) {
      choices.push({
        field: spec.name,
        label: spec.label,
        required: spec.required,
        candidates: candidates
          .filter((c) => best.score - c.score < MARGIN)
          .map(({ column, score, evidence }) => ({ column, score: round(score), evidence })),
      });
      continue;
    }
    roles[spec.name] = {
      field: spec.name,
      column: best.column,
      score: round(best.score),
      evidence: best.evidence,
    };
    taken.add(best.column);
  }
  // A budget whose amount header names its year ("Voranschlag 2012 EUR") needs no period column.
  if (kind === 'budget' && missing.includes('month')) {
    const amountHeaders = roles.amount
      ? [roles.amount.column]
      : (choices.find((c) => c.field === 'amount')?.candidates.map((c) => c.column) ?? []);
    if (amountHeaders.length > 0 && amountHeaders.every((h) => headerYear(h, 1) !== null))
      missing.splice(missing.indexOf('month'), 1);
  }
  return preferLedgerPair({ kind, roles, choices, missing });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Why a column was read as a field, for a mapping inference did not make (saved, built-in, yours): the
 * header's words when they name the field, and what the first rows hold.
 */
export function evidenceFor(file: FileEvidence, kind: ImportKind, field: string, column: string): string[] {
  const spec = KIND_FIELDS[kind].find((s) => s.name === field);
  const index = file.headers.indexOf(column);
  if (!spec || index === -1) return [];
  const scored = scoreColumn(file, kind, spec, index);
  if (scored.header) return scored.evidence;
  return [contentFit(file.profile(index), contentKindOf(spec, kind)).sentence];
}

/**
 * A ledger's two amount columns proposed in place of one amount: when debit and credit columns were both
 * found, they form the amount (debit − credit) and a column taken as the amount gives way; a lone debit or
 * credit next to an amount column is dropped.
 */
export function preferLedgerPair(proposal: RoleProposal): RoleProposal {
  const { roles } = proposal;
  const pair = roles.debit && roles.credit;
  if (pair) {
    const rest = { ...roles };
    delete rest.amount;
    delete rest.sign;
    return {
      ...proposal,
      roles: rest,
      choices: proposal.choices.filter((c) => c.field !== 'amount'),
      missing: proposal.missing.filter((f) => f !== 'amount'),
    };
  }
  const rest = { ...roles };
  delete rest.debit;
  delete rest.credit;
  if (!rest.amount) delete rest.sign;
  return { ...proposal, roles: rest };
}
