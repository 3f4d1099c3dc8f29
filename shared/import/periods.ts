import { addMonths, lastDayOfMonth, quarterFromLabel, type IsoDate } from '../fiscal';
import type { Cell } from './cells';
import { monthNumber, parseDate, type DateOrder } from './dates';
import { utcDateOf, type DateOfInstant } from './timeZone';

export interface Period {
  start: IsoDate;
  end: IsoDate;
  granularity: 'month' | 'quarter';
}

/**
 * Any four-digit year reads as a period here; whether it is plausible is the workspace's range to say
 * (the row transform names a period outside it), not a reason to call the text "not a month".
 */
function fourDigitYear(y: number): boolean {
  return y >= 1000 && y <= 9999;
}

function monthPeriod(y: number, m: number): Period | null {
  if (m < 1 || m > 12 || !fourDigitYear(y)) return null;
  const month = `${y}-${String(m).padStart(2, '0')}`;
  return { start: `${month}-01`, end: lastDayOfMonth(month), granularity: 'month' };
}

function calendarQuarter(y: number, q: number): Period | null {
  if (!fourDigitYear(y)) return null;
  const first = `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}`;
  return { start: `${first}-01`, end: lastDayOfMonth(addMonths(first, 2)), granularity: 'quarter' };
}

function year(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/**
 * Reads a period label: months (`2026-03`, `03/2026`, `Mar 2026`, `March-26`) and quarters
 * (`Q3 2026`, `2026-Q3` = calendar quarters; `FY2026-Q3`, `FY26 Q3` = fiscal quarters).
 * A full date stands for its month. Returns null when the text is not a period.
 */
export function parsePeriod(
  cell: Cell,
  fiscalStartMonth: number,
  order: DateOrder = 'ymd',
  dateOf: DateOfInstant = utcDateOf,
): Period | null {
  if (cell === null || typeof cell === 'boolean') return null;
  if (typeof cell === 'number') {
    try {
      const d = parseDate(cell, order, dateOf);
      return monthPeriod(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
    } catch {
      return null;
    }
  }
  const s = cell.trim();
  let m = /^FY\s?(\d{2}|\d{4})[\s-]*Q([1-4])$/i.exec(s) ?? /^Q([1-4])[\s-]*FY\s?(\d{2}|\d{4})$/i.exec(s);
  if (m) {
    const [fy, q] = /^FY/i.test(s) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    if (!fourDigitYear(year(fy))) return null;
    const fq = quarterFromLabel(`FY${year(fy)}-Q${q}`, fiscalStartMonth);
    return { start: fq.start, end: fq.end, granularity: 'quarter' };
  }
  m = /^(\d{4})[\s-]*Q([1-4])$/i.exec(s);
  if (m) return calendarQuarter(Number(m[1]), Number(m[2]));
  m = /^Q([1-4])[\s-]*(\d{4})$/i.exec(s);
  if (m) return calendarQuarter(Number(m[2]), Number(m[1]));
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(s);
  if (m) return monthPeriod(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return monthPeriod(Number(m[2]), Number(m[1]));
  m = /^([A-Za-z]{3,9}\.?)[\s\-']+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const mon = monthNumber(m[1]!);
    return mon ? monthPeriod(year(m[2]!), mon) : null;
  }
  try {
    const d = parseDate(s, order, dateOf);
    return monthPeriod(Number(d.slice(0, 4)), Number(d.slice(5, 7)));
  } catch {
    return null;
  }
}
