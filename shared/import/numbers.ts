import { CodedError } from '../errors';
import { decimalToScaled, MoneyOverflowError, type Micro } from '../money';
import { SIGN_PATTERN } from './currency';

export type DecimalSeparator = '.' | ',';

/** What a number cell's text says about the file's decimal separator. */
export type DecimalHint = DecimalSeparator | 'ambiguous' | 'none';

export interface ParsedNumber {
  /** Plain decimal text (`-1234.56`, `1.81E-8`), ready for exact conversion. */
  decimal: string;
  percent: boolean;
  /**
   * The currency sign or code written in the cell (`$`, `€`, `kr`, `USD`), as written; what it stands for
   * is decided with what else the file says (shared/import/currency.ts): `$` alone is not USD.
   */
  currency: string | null;
}

export class NumberParseError extends CodedError {
  constructor(message: string) {
    super('unreadable-number', message);
  }
}

const SYMBOL_RE = new RegExp(`^(${SIGN_PATTERN})`);
const SYMBOL_END_RE = new RegExp(`(${SIGN_PATTERN})$`);
const CODE_START_RE = /^([A-Z]{3})(?=[\s\d(+\-.,])/;
const CODE_END_RE = /(?<=[\d\s.)])([A-Z]{3})$/;
/** Thousands separators people use: comma, dot, spaces (incl. no-break and narrow no-break), apostrophe. */
const GROUP_CHARS = new Set([',', '.', ' ', '\u00a0', '\u202f', "'", '’']);
const SCIENTIFIC_RE = /^(\d+(?:[.,]\d*)?|[.,]\d+)[eE][+-]?\d+$/;

/**
 * Splits a cell's text into sign, currency, percent and the digit body, then applies the decimal
 * separator. Accepts `1,234.56`, `1.234,56`, `1 234,56`, `(1,200.00)`, `-12`, `12-`, `$1,200`,
 * `1.200 €`, `EUR 12`, `12.5%`, `1.81E-8`. Throws NumberParseError naming what is wrong.
 */
const PLAIN_DOT = /^-?\d+(?:\.\d+)?$/;
const PLAIN_COMMA = /^-?\d+(?:,\d+)?$/;

export function parseNumberText(raw: string, decimal: DecimalSeparator): ParsedNumber {
  // Fast path: machine exports write plain numbers; nothing to strip or regroup.
  if (decimal === '.' ? PLAIN_DOT.test(raw) : PLAIN_COMMA.test(raw)) {
    return { decimal: decimal === '.' ? raw : raw.replace(',', '.'), percent: false, currency: null };
  }
  let s = raw.trim().replace(/\u2212/g, '-');
  let negative = false;
  let currency: string | null = null;
  let percent = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const stripCurrency = (): void => {
    let m = SYMBOL_RE.exec(s);
    if (m) {
      currency ??= m[1]!;
      s = s.slice(m[1]!.length).trim();
    }
    m = SYMBOL_END_RE.exec(s);
    if (m) {
      currency ??= m[1]!;
      s = s.slice(0, -m[1]!.length).trim();
    }
    m = CODE_START_RE.exec(s);
    if (m) {
      currency ??= m[1]!;
      s = s.slice(3).trim();
    }
    m = CODE_END_RE.exec(s);
    if (m) {
      currency ??= m[1]!;
      s = s.slice(0, -3).trim();
    }
  };
  stripCurrency();
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = negative !== (s[0] === '-');
    s = s.slice(1).trim();
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = !negative;
    s = s.slice(1, -1).trim();
  }
  stripCurrency(); // "-$12" and "$-12" both occur
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (s === '') throw new NumberParseError('no digits');
  const sign = negative ? '-' : '';
  if (SCIENTIFIC_RE.test(s)) {
    const body = decimal === ',' ? s.replace(',', '.') : s;
    if (decimal === '.' && s.includes(',')) throw new NumberParseError('a comma in scientific notation');
    return { decimal: sign + body, percent, currency };
  }
  // Body: digits, group separators, at most one decimal separator, and nothing else.
  const decIdx = s.lastIndexOf(decimal);
  const intPart = decIdx === -1 ? s : s.slice(0, decIdx);
  const fracPart = decIdx === -1 ? '' : s.slice(decIdx + 1);
  if (!/^\d*$/.test(fracPart))
    throw new NumberParseError(`not a number with "${decimal}" as the decimal separator`);
  let digits = '';
  let group: string | null = null;
  const groups: string[] = [''];
  for (const ch of intPart) {
    if (ch >= '0' && ch <= '9') {
      digits += ch;
      groups[groups.length - 1] += ch;
    } else if (GROUP_CHARS.has(ch) && ch !== decimal) {
      if (group !== null && group !== ch) throw new NumberParseError('mixed thousands separators');
      group = ch;
      groups.push('');
    } else {
      throw new NumberParseError(`unexpected "${ch}"`);
    }
  }
  if (groups.length > 1) {
    const [first, ...rest] = groups;
    if (!first || first.length > 3 || rest.some((g) => g.length !== 3)) {
      throw new NumberParseError(`digit grouping does not fit "${decimal}" as the decimal separator`);
    }
  }
  if (digits === '' && fracPart === '') throw new NumberParseError('no digits');
  return { decimal: `${sign}${digits || '0'}${fracPart ? `.${fracPart}` : ''}`, percent, currency };
}

/** The evidence one cell gives about the decimal separator, looking only at its own text. */
export function decimalHint(raw: string): DecimalHint {
  if (PLAIN_DOT.test(raw))
    return raw.includes('.') && !/^-?[1-9]\d{0,2}\.\d{3}$/.test(raw)
      ? '.'
      : raw.includes('.')
        ? 'ambiguous'
        : 'none';
  const s = raw.trim();
  if (SCIENTIFIC_RE.test(s.replace(/^[-+(]+|[)]+$/g, ''))) {
    return s.includes(',') ? ',' : s.includes('.') ? '.' : 'none';
  }
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot !== -1 && lastComma !== -1) return lastDot > lastComma ? '.' : ',';
  const sep = lastDot !== -1 ? '.' : lastComma !== -1 ? ',' : null;
  if (sep === null) return 'none';
  const other: DecimalSeparator = sep === '.' ? ',' : '.';
  const count = s.split(sep).length - 1;
  if (count > 1) return other; // 1.234.567 or 1,234,567: the separator groups thousands
  const m = /(\d*)[.,](\d*)/.exec(s);
  const before = m?.[1] ?? '';
  const after = m?.[2] ?? '';
  if (/\d[ \u00a0\u202f'’]\d/.test(s)) return sep; // "1 234,56": space groups, so the mark is decimal
  if (after.length !== 3 || before.length === 0 || before.length > 3 || before === '0') return sep;
  return 'ambiguous'; // "1,234" / "1.234": thousands or three decimals
}

/**
 * Micro-units of plain decimal text (`-1234.5678901`) with at most 9 integer digits, without BigInt: every
 * step is exact in a double (below 10^15). Rounded half away from zero on the seventh decimal, as
 * decimalToScaled rounds. Null for anything else (exponents, longer numbers): the exact BigInt path reads those.
 */
export function plainMicro(text: string): Micro | null {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const negative = i === 1;
  let int = 0;
  const intStart = i;
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    int = int * 10 + c;
  }
  if (i === intStart || i - intStart > 9) return null;
  let frac = 0;
  let scale = 1_000_000;
  if (i < n) {
    if (text.charCodeAt(i) !== 46 || i + 1 === n) return null;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return null;
      if (scale > 1) {
        scale /= 10;
        frac += c * scale;
      } else if (scale === 1) {
        // The first digit beyond micro-units decides the rounding; the rest only need to be digits.
        if (c >= 5) frac += 1;
        scale = 0;
      }
    }
  }
  const micro = int * 1_000_000 + frac;
  return negative && micro !== 0 ? -micro : micro;
}

/** Below 2^43 micro-units (≈ 8.8 million units) a double's micro-unit count is within 2^-10 of exact. */
const NUMBER_MICRO_LIMIT = 2 ** 43;

/**
 * Micro-units of a spreadsheet number, equal to what parseAmountMicro reads from its text (String(n)),
 * without making the text. n·10^6 in a double is within 1.5 units in the last place (≤ 2^-10 here) of the
 * text's exact value times 10^6, so rounding it half away from zero gives the text's rounding whenever it is
 * not within 0.01 of a half micro-unit. Null otherwise (huge or near such a tie): the text decides exactly.
 */
export function numberMicro(n: number): Micro | null {
  const scaled = n * 1_000_000;
  const size = Math.abs(scaled);
  if (!(size < NUMBER_MICRO_LIMIT)) return null;
  const whole = Math.floor(size);
  const fraction = size - whole;
  if (Math.abs(fraction - 0.5) < 0.01) return null;
  const micro = fraction < 0.5 ? whole : whole + 1;
  return scaled < 0 && micro !== 0 ? -micro : micro;
}

/** Exact micro-units from a cell's text; throws NumberParseError or MoneyOverflowError. */
export function parseAmountMicro(
  raw: string,
  decimal: DecimalSeparator,
): { micro: Micro; currency: string | null } {
  const n = parseNumberText(raw, decimal);
  if (n.percent) throw new NumberParseError('a percentage where an amount is expected');
  const plain = plainMicro(n.decimal);
  if (plain !== null) return { micro: plain, currency: n.currency };
  const scaled = decimalToScaled(n.decimal, 6);
  if (scaled === null) throw new NumberParseError('not a number');
  const micro = Number(scaled);
  if (!Number.isSafeInteger(micro)) throw new MoneyOverflowError(`Amount ${raw}`);
  return { micro, currency: n.currency };
}

/** A plain value (KPI value, token count); `12.5%` becomes 0.125, computed from the decimal text. */
export function parseNumberValue(raw: string, decimal: DecimalSeparator): number {
  const n = parseNumberText(raw, decimal);
  // Shifting the exponent in the text keeps 12.5% exactly 0.125 rather than 12.5 / 100.
  const text = n.percent ? shiftDecimal(n.decimal, -2) : n.decimal;
  const v = Number(text);
  if (!Number.isFinite(v)) throw new NumberParseError('not a finite number');
  return v;
}

function shiftDecimal(text: string, by: number): string {
  const m = /^(.*?)(?:[eE]([+-]?\d+))?$/.exec(text)!;
  return `${m[1]}e${Number(m[2] ?? 0) + by}`;
}

/** A whole, non-negative count (tokens, requests); null when blank. */
export function parseCount(raw: string, decimal: DecimalSeparator): number {
  const v = parseNumberValue(raw, decimal);
  if (!Number.isSafeInteger(v) || v < 0) throw new NumberParseError('not a whole, non-negative count');
  return v;
}
