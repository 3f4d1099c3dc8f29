/**
 * Fiscal calendar. Months are `YYYY-MM` strings, dates `YYYY-MM-DD`; both sort as text.
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

export function addMonths(month: Month, delta: number): Month {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + delta;
  const year = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

export function monthsBetween(from: Month, to: Month): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7))
  );
}

export function lastDayOfMonth(month: Month): IsoDate {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
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
  return `${year}-${String(startMonth).padStart(2, '0')}`;
}

export function fiscalYearOf(month: Month, startMonth: number): number {
  assertStartMonth(startMonth);
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  if (startMonth === 1) return y;
  return m >= startMonth ? y + 1 : y;
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
  return quarterFromLabel(`FY${fy}-Q${Math.floor(idx / 3) + 1}`, startMonth);
}

export function shiftQuarter(q: FiscalQuarter, delta: number, startMonth: number): FiscalQuarter {
  return quarterOfMonth(addMonths(q.months[0], delta * 3), startMonth);
}

/** Quarters covering [fromMonth, toMonth], oldest first. */
export function quartersBetween(fromMonth: Month, toMonth: Month, startMonth: number): FiscalQuarter[] {
  const out: FiscalQuarter[] = [];
  if (fromMonth > toMonth) return out;
  let q = quarterOfMonth(fromMonth, startMonth);
  const last = quarterOfMonth(toMonth, startMonth);
  while (q.start <= last.start) {
    out.push(q);
    q = shiftQuarter(q, 1, startMonth);
  }
  return out;
}

export function isFiscalQuarterLabel(label: string): boolean {
  return LABEL_RE.test(label);
}
