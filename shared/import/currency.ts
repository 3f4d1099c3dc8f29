import { isIsoCurrency } from '../money';

/**
 * What a cell, a header or a currency column says about the currency of an amount: the sign as written
 * and the currencies it can stand for — one for an ISO code or a sign only one currency uses ("€", "CHF",
 * "US$"), several for a sign many share ("$", "¥", "kr"), which is never guessed.
 */
export interface CurrencyMark {
  sign: string;
  candidates: readonly string[];
}

/** Signs one currency uses (the codes themselves are read as codes). */
const ONE: Record<string, string> = {
  US$: 'USD',
  AU$: 'AUD',
  A$: 'AUD',
  CA$: 'CAD',
  C$: 'CAD',
  NZ$: 'NZD',
  HK$: 'HKD',
  S$: 'SGD',
  R$: 'BRL',
  MX$: 'MXN',
  'CN¥': 'CNY',
  'JP¥': 'JPY',
  元: 'CNY',
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₺': 'TRY',
  '₪': 'ILS',
  '₫': 'VND',
  '฿': 'THB',
  '₱': 'PHP',
  zł: 'PLN',
  Kč: 'CZK',
};

const KRONA = ['SEK', 'NOK', 'DKK', 'ISK'];
/** Signs several currencies use: read as one only when the file, the import or the workspace names it. */
const SEVERAL: Record<string, readonly string[]> = {
  $: ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN', 'ARS', 'CLP', 'COP', 'TWD'],
  '¥': ['JPY', 'CNY'],
  kr: KRONA,
  'kr.': KRONA,
};

/**
 * The signs the number reader strips from an amount (longest first), as a regex alternation: the
 * symbols here plus what parseNumberText recognises as a code.
 */
export const SIGN_PATTERN =
  'US\\$|AU\\$|CA\\$|NZ\\$|HK\\$|MX\\$|CN¥|JP¥|A\\$|C\\$|S\\$|R\\$|kr\\.?|zł|Kč|[$€£¥₹₩₽₺₪₫฿₱元]';

/** A code or sign as written (in a currency column or an amount); null when it names no currency. */
export function currencyMark(text: string): CurrencyMark | null {
  const t = text.trim();
  if (/^[A-Za-z]{3}$/.test(t)) {
    const code = t.toUpperCase();
    return isIsoCurrency(code) ? { sign: t, candidates: [code] } : null;
  }
  const one = ONE[t];
  if (one) return { sign: t, candidates: [one] };
  const several = SEVERAL[t];
  return several ? { sign: t, candidates: several } : null;
}

/** ISO codes that are also English words: in a header only when written in capitals in brackets. */
const WORDS = new Set(['ALL', 'TOP', 'CUP', 'PEN', 'MOP', 'BAM', 'BOB', 'GEL', 'SOS', 'MAD']);
const HEADER_SIGN_RE = new RegExp(`(?<!\\p{L})(${SIGN_PATTERN})(?!\\p{L})`, 'gu');

/**
 * The currency an amount column's header names: "Betrag (EUR)", "Cost USD", "cost_usd", "costInUsd",
 * "Kosten in €", "Amount ($)". A code counts when it is in brackets, written in capitals in a header
 * that is not all capitals, the header's last word, or after "in"; a sign anywhere. Several different
 * ones make a mark with all of them (decided like a shared sign). Null when it names none.
 */
export function headerCurrency(header: string): CurrencyMark | null {
  const codes = new Set<string>();
  const allCaps = header === header.toUpperCase();
  // Words, splitting snake_case, kebab-case and camelCase; each with whether it sits in brackets.
  const words: { word: string; bracketed: boolean }[] = [];
  let depth = 0;
  for (const part of header.split(/([()[\]])/)) {
    if (part === '(' || part === '[') depth++;
    else if (part === ')' || part === ']') depth = Math.max(0, depth - 1);
    else {
      for (const w of part.replace(/([a-z])([A-Z])/g, '$1 $2').split(/[^\p{L}]+/u)) {
        if (w) words.push({ word: w, bracketed: depth > 0 });
      }
    }
  }
  words.forEach(({ word, bracketed }, i) => {
    if (word.length !== 3) return;
    const code = word.toUpperCase();
    if (!isIsoCurrency(code)) return;
    const last = i === words.length - 1 && words.length > 1;
    const afterIn = i > 0 && words[i - 1]!.word.toLowerCase() === 'in';
    const capitals = word === code && !allCaps;
    const counts = WORDS.has(code) ? bracketed && word === code : bracketed || capitals || last || afterIn;
    if (counts) codes.add(code);
  });
  const signs = [...header.matchAll(HEADER_SIGN_RE)]
    .map((m) => currencyMark(m[1]!))
    .filter((m): m is CurrencyMark => m !== null);
  // What every sign allows ("$" and "US$": USD); a code must be one of them.
  let allowed: readonly string[] | null = null;
  for (const m of signs) allowed = allowed ? allowed.filter((c) => m.candidates.includes(c)) : m.candidates;
  if (codes.size === 0) {
    if (!allowed) return null;
    if (allowed.length > 0)
      return { sign: signs.length === 1 ? signs[0]!.sign : header, candidates: allowed };
    return { sign: header, candidates: [...new Set(signs.flatMap((m) => m.candidates))] };
  }
  const fit = allowed ? [...codes].filter((c) => allowed.includes(c)) : [...codes];
  if (fit.length === 1 && codes.size === 1) return { sign: header, candidates: fit };
  // Several currencies named: decided like a shared sign, by the import's or the workspace's currency.
  return { sign: header, candidates: [...new Set([...codes, ...(allowed ?? [])])] };
}

/** "$ could be USD, CAD, AUD, NZD, …" */
export function describeCandidates(mark: CurrencyMark): string {
  const shown = mark.candidates.slice(0, 4).join(', ');
  return mark.candidates.length > 4 ? `${shown}, …` : shown;
}
