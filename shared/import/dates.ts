import { CodedError } from '../errors';
import type { IsoDate } from '../fiscal';
import type { Cell } from './cells';
import { utcDateOf, type DateOfInstant } from './timeZone';

/** How a date written as a/b/c is read: year-month-day, month-first (US) or day-first. */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

/** What one date cell says about the file's day/month order. */
export type DateOrderHint = 'mdy' | 'dmy' | 'ambiguous' | 'none';

export class DateParseError extends CodedError {
  constructor(message: string) {
    super('unreadable-date', message);
  }
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

const ISO_RE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC)?)?$/i;
const NUMERIC_RE =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;
const DAY_MON_YEAR_RE = /^(\d{1,2})[ -]([A-Za-z]{3,9}\.?)[ -,]*(\d{2}|\d{4})$/;
const MON_DAY_YEAR_RE = /^([A-Za-z]{3,9}\.?) (\d{1,2}),? (\d{4})$/;
/** Serial day 1 is 1900-01-01 in Excel's 1900 system; serial 60 is its fictitious 1900-02-29. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Date.UTC for every year: Date.UTC itself reads years 0–99 as 1900–1999. */
function utcMs(y: number, monthIndex: number, d: number, h = 0, min = 0, s = 0): number {
  if (y >= 100) return Date.UTC(y, monthIndex, d, h, min, s);
  const date = new Date(Date.UTC(2000, 0, 1, h, min, s));
  date.setUTCFullYear(y, monthIndex, d);
  return date.getTime();
}

/** A calendar date from its parts; a month or day that does not exist is a DateParseError. */
export function isoFromParts(y: number, m: number, d: number): IsoDate {
  if (m < 1 || m > 12) throw new DateParseError(`month ${m} does not exist`);
  const days = new Date(utcMs(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) throw new DateParseError(`day ${d} does not exist in ${y}-${pad(m)}`);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n; // the spreadsheet convention for two-digit years
}

function fromEpochMs(ms: number, dateOf: DateOfInstant = utcDateOf): IsoDate {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) throw new DateParseError('not a date');
  const date = dateOf(ms);
  // Past 9999-12-31 (an offset pushing 9999-12-31T23:00-05:00 over) ISO text is `+010000-01-01`.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new DateParseError('not a date in the years 0000–9999');
  return date;
}

/** Excel serial day (fractions are times of day) → ISO date. */
export function excelSerialToIso(serial: number): IsoDate {
  if (!(serial >= 1 && serial < 2_958_466)) throw new DateParseError('not an Excel date serial');
  return fromEpochMs(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
}

function fromNumber(n: number, dateOf: DateOfInstant): IsoDate {
  // Unix seconds (2001–2286) and milliseconds are instants; 5-digit integers are Excel serials (1954–2119),
  // which are wall-clock dates as written.
  if (n >= 1e9 && n < 1e10) return fromEpochMs(n * 1000, dateOf);
  if (n >= 1e12 && n < 1e13) return fromEpochMs(n, dateOf);
  if (n >= 20_000 && n < 80_000) return excelSerialToIso(n);
  throw new DateParseError('a number that is neither an Excel date serial nor unix seconds');
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DD` exactly (years 1000–9999), the commonest form, checked character by character and
 * returned as it is (it is already the ISO date). Null for anything else, invalid days included: the
 * general reader below handles (and names) those.
 */
function plainIsoDate(s: string): IsoDate | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    y = y * 10 + c;
  }
  const m1 = s.charCodeAt(5) - 48;
  const m2 = s.charCodeAt(6) - 48;
  const d1 = s.charCodeAt(8) - 48;
  const d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (y < 1000 || m < 1 || m > 12 || d < 1) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m]!) ? s : null;
}

/**
 * Reads a date cell. Instants — timestamps with a zone or offset, unix seconds — are bucketed to their
 * date in the import's time zone (`dateOf`, UTC unless the mapping names one); a date or a time without
 * a zone is the date as written. Throws DateParseError naming what is wrong.
 */
export function parseDate(cell: Cell, order: DateOrder, dateOf: DateOfInstant = utcDateOf): IsoDate {
  if (typeof cell === 'number') return fromNumber(cell, dateOf);
  if (typeof cell !== 'string') throw new DateParseError('not a date');
  const s = cell.trim();
  const plain = plainIsoDate(s);
  if (plain !== null) return plain;
  let m = ISO_RE.exec(s);
  if (m) {
    const date = isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
    const zone = m[7];
    if (!zone) return date;
    const utc = /^(Z|UTC)$/i.test(zone) || /^[+-]00:?(00)?$/.test(zone);
    if (utc && dateOf === utcDateOf) return date;
    const z = utc ? null : /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const offsetMin = z ? (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0)) : 0;
    const local = utcMs(
      Number(m[1]),
      Number(m[2]) - 1,
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
    );
    return fromEpochMs(local - offsetMin * 60_000, dateOf);
  }
  m = NUMERIC_RE.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4]!);
    // DD.MM.YYYY is day-first wherever it is written.
    const dayFirst = m[2] === '.' || order === 'dmy';
    return dayFirst ? isoFromParts(y, b, a) : isoFromParts(y, a, b);
  }
  m = DAY_MON_YEAR_RE.exec(s);
  if (m && monthNumber(m[2]!)) return isoFromParts(fullYear(m[3]!), monthNumber(m[2]!)!, Number(m[1]));
  m = MON_DAY_YEAR_RE.exec(s);
  if (m && monthNumber(m[1]!)) return isoFromParts(Number(m[3]), monthNumber(m[1]!)!, Number(m[2]));
  if (/^\d+(\.\d+)?$/.test(s)) return fromNumber(Number(s), dateOf);
  throw new DateParseError('not a recognised date (use e.g. 2026-03-31, 03/31/2026 or 31.03.2026)');
}

/** The evidence one date cell gives about day/month order. */
export function dateOrderHint(cell: Cell): DateOrderHint {
  if (typeof cell !== 'string') return 'none';
  const m = NUMERIC_RE.exec(cell.trim());
  if (!m || m[2] === '.') return 'none';
  const a = Number(m[1]);
  const b = Number(m[3]);
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  if (a === b || a > 12) return 'none';
  return 'ambiguous';
}
