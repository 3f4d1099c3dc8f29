/**
 * Fiscal calendar. Months are `YYYY-MM` strings, dates `YYYY-MM-DD`; both sort as text, but walks over
 * them count months as numbers (text order ends at 9999-12: `10000-01` would sort before it).
 * A fiscal year is named after the calendar year in which it ends: with a July start,
 * FY2027 runs July 2026 – June 2027.
 */
export type Month = string;
export type IsoDate = string;

export interface FiscalQuarter {
  label: string; // FY2026-Q3
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
  months: [Month, Month, Month];
  start: IsoDate; // first day, inclusive
  end: IsoDate; // last day, inclusive
}

const LABEL_RE = /^FY(\d{4})-Q([1-4])$/;

export function monthOf(date: IsoDate): Month {
  return date.slice(0, 7);
}

/** A month as a consecutive integer (year × 12 + month − 1): months are compared and walked as numbers. */
function monthIndex(month: Month): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  if (month.charCodeAt(4) !== 45 || !Number.isInteger(y) || y < 0 || !Number.isInteger(m) || m < 1 || m > 12)
    throw new RangeError(`Not a month: "${month}" (expected YYYY-MM)`);
  return y * 12 + m - 1;
}

function monthFromIndex(i: number): Month {
  const year = Math.floor(i / 12);
  if (!Number.isInteger(i) || year < 0 || year > 9999)
    throw new RangeError(
      `No month ${year < 0 ? 'before 0000-01' : 'after 9999-12'} can be written as YYYY-MM`,
    );
  return `${String(year).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/**
 * Years a workspace may call plausible: a date or period outside them is refused on import and as a
 * report period. The workspace's own range (Settings, `DEFAULT_YEAR_RANGE` unless changed) lies within
 * `YEAR_LIMITS`, which keeps every fiscal walk short and every label four digits.
 */
export interface YearRange {
  earliestYear: number;
  latestYear: number;
}

export const YEAR_LIMITS: Readonly<YearRange> = { earliestYear: 1900, latestYear: 2200 };
export const DEFAULT_YEAR_RANGE: Readonly<YearRange> = { earliestYear: 1990, latestYear: 2100 };

/**
 * The longest month walk any report makes: the widest plausible range plus a fiscal year and the KPI
 * history on either side. A longer one is a bug or data outside the range, never a loop to run.
 */
export const MAX_MONTH_WALK = (YEAR_LIMITS.latestYear - YEAR_LIMITS.earliestYear + 1 + 4) * 12;

/** A workspace's range as used: whole years within `YEAR_LIMITS`, the default for anything unreadable. */
export function plausibleYears(r: YearRange): YearRange {
  const ok = (y: unknown): y is number =>
    Number.isInteger(y) &&
    (y as number) >= YEAR_LIMITS.earliestYear &&
    (y as number) <= YEAR_LIMITS.latestYear;
  return ok(r.earliestYear) && ok(r.latestYear) && r.earliestYear <= r.latestYear
    ? { earliestYear: r.earliestYear, latestYear: r.latestYear }
    : { ...DEFAULT_YEAR_RANGE };
}

export function yearRangeText(r: YearRange): string {
  return `${r.earliestYear}–${r.latestYear}`;
}

/** What a refusal says: `date 9999-12-15 is outside the workspace's plausible range 1990–2100 (Settings)`. */
export function outsideRangeMessage(what: string, r: YearRange): string {
  return `${what} is outside the workspace's plausible range ${yearRangeText(r)} (Settings)`;
}

/** Whether a date or month (`YYYY-MM…`) falls in the range's years. */
export function inYearRange(dateOrMonth: string, r: YearRange): boolean {
  const y = Number(dateOrMonth.slice(0, 4));
  return y >= r.earliestYear && y <= r.latestYear;
}

export function addMonths(month: Month, delta: number): Month {
  return monthFromIndex(monthIndex(month) + delta);
}

export function monthsBetween(from: Month, to: Month): number {
  return monthIndex(to) - monthIndex(from);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function lastDayOfMonth(month: Month): IsoDate {
  const i = monthIndex(month);
  const y = Math.floor(i / 12);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = i % 12 === 1 && leap ? 29 : DAYS_IN_MONTH[i % 12]!;
  return `${monthFromIndex(i)}-${days}`;
}

/** Every month from `from` to `to`, inclusive (none when `to` is earlier); at most `MAX_MONTH_WALK`. */
export function monthRange(from: Month, to: Month): Month[] {
  const first = monthIndex(from);
  const count = monthIndex(to) - first + 1;
  if (count > MAX_MONTH_WALK)
    throw new RangeError(
      `${from} to ${to} spans ${count} months, more than any plausible range (${MAX_MONTH_WALK})`,
    );
  const out: Month[] = [];
  for (let i = 0; i < count; i++) out.push(monthFromIndex(first + i));
  return out;
}

function assertStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`Fiscal year start month must be 1–12, got ${startMonth}`);
  }
}

/** First month of fiscal year `fy`. */
export function fiscalYearStart(fy: number, startMonth: number): Month {
  assertStartMonth(startMonth);
  // FY named after the year it ends in: a January start means FY = calendar year.
  const year = startMonth === 1 ? fy : fy - 1;
  return monthFromIndex(year * 12 + startMonth - 1);
}

export function fiscalYearOf(month: Month, startMonth: number): number {
  assertStartMonth(startMonth);
  const i = monthIndex(month);
  const y = Math.floor(i / 12);
  if (startMonth === 1) return y;
  return (i % 12) + 1 >= startMonth ? y + 1 : y;
}

export function quarterFromLabel(label: string, startMonth: number): FiscalQuarter {
  const m = LABEL_RE.exec(label);
  if (!m) throw new RangeError(`Not a fiscal quarter label: "${label}" (expected e.g. FY2026-Q3)`);
  const fiscalYear = Number(m[1]);
  const quarter = Number(m[2]) as 1 | 2 | 3 | 4;
  const first = addMonths(fiscalYearStart(fiscalYear, startMonth), (quarter - 1) * 3);
  const months: [Month, Month, Month] = [first, addMonths(first, 1), addMonths(first, 2)];
  return { label, fiscalYear, quarter, months, start: `${first}-01`, end: lastDayOfMonth(months[2]) };
}

export function quarterOfMonth(month: Month, startMonth: number): FiscalQuarter {
  const fy = fiscalYearOf(month, startMonth);
  const idx = monthsBetween(fiscalYearStart(fy, startMonth), month);
  return quarterFromLabel(`FY${String(fy).padStart(4, '0')}-Q${Math.floor(idx / 3) + 1}`, startMonth);
}

export function shiftQuarter(q: FiscalQuarter, delta: number, startMonth: number): FiscalQuarter {
  return quarterOfMonth(addMonths(q.months[0], delta * 3), startMonth);
}

/** Quarters covering [fromMonth, toMonth], oldest first (at most `MAX_MONTH_WALK` months of them). */
export function quartersBetween(fromMonth: Month, toMonth: Month, startMonth: number): FiscalQuarter[] {
  const out: FiscalQuarter[] = [];
  if (monthIndex(fromMonth) > monthIndex(toMonth)) return out;
  const first = quarterOfMonth(fromMonth, startMonth);
  const count = monthsBetween(first.months[0], quarterOfMonth(toMonth, startMonth).months[0]) / 3 + 1;
  if (count * 3 > MAX_MONTH_WALK)
    throw new RangeError(`${fromMonth} to ${toMonth} spans more months than any plausible range`);
  for (let q = first; out.length < count; q = shiftQuarter(q, 1, startMonth)) out.push(q);
  return out;
}

export function isFiscalQuarterLabel(label: string): boolean {
  return LABEL_RE.test(label);
}

/** A period label the workspace refuses: not a quarter label, or outside its plausible range. */
export class PeriodError extends RangeError {
  override name = 'PeriodError';
}

/**
 * The quarter a label names, if the workspace can report on it: a `FY<year>-Q<n>` label whose months
 * overlap the plausible range (a quarter may straddle the range's first or last January). Anything else
 * is a PeriodError whose message a user can act on — never a quarter computed from a far year.
 */
export function plausibleQuarter(label: string, startMonth: number, range: YearRange): FiscalQuarter {
  if (!LABEL_RE.test(label))
    throw new PeriodError(`"${label}" is not a fiscal quarter (expected e.g. FY2026-Q3)`);
  const r = plausibleYears(range);
  // Fiscal year N ends in year N and starts in N − 1 or N: only N in [earliest, latest + 1] can overlap.
  const fy = Number(label.slice(2, 6));
  const q = fy >= r.earliestYear && fy <= r.latestYear + 1 ? quarterFromLabel(label, startMonth) : null;
  if (!q || Number(q.end.slice(0, 4)) < r.earliestYear || Number(q.start.slice(0, 4)) > r.latestYear)
    throw new PeriodError(outsideRangeMessage(label, r));
  return q;
}

/** A `YYYY-MM-DD` date the calendar has, in the years of `r` (by default any workspace's, `YEAR_LIMITS`). */
export function isCalendarDate(text: string, r: YearRange = YEAR_LIMITS): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m || Number(m[3]) < 1 || !inYearRange(text, r)) return false;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 && text <= lastDayOfMonth(text.slice(0, 7));
}
