import { addMonths, fiscalYearStart, type Month } from '../fiscal';
import type { Micro } from '../money';
import type { Cell } from './cells';
import { monthNumber } from './dates';

/**
 * Budgets approved for a whole year (a public budget's "CICLO 2018", a plan's "FY2026" column) are stored
 * as twelve monthly lines, so a quarter's budget and the year-end forecast compare month by month.
 *
 * - A plain four-digit year (`2018`, the number 2018) is the calendar year, January to December.
 * - `FY2026` (`FY 2026`, `FY26`) is the workspace's fiscal year 2026: the twelve months from its start month
 *   (a fiscal year is named after the calendar year it ends in; see shared/fiscal.ts).
 *
 * The split is exact and in whole cents: each month gets the annual amount's cents divided by 12, rounded
 * towards zero; the leftover cents (0 to 11) go one each to the first months of the year, in order; a
 * sub-cent part (micro-units below a cent) goes to the last month. The twelve lines sum to the annual amount
 * exactly. Only budgets: spend dated by a year only stays refused (no date to book it on).
 */

export interface AnnualPeriod {
  /** The twelve months, first to last. */
  months: Month[];
  /** "calendar year 2018" or "fiscal year FY2026 (2025-04 to 2026-03)". */
  label: string;
}

const CENTS = 10_000;

/** The year a budget row's period cell names, or null when it is no year-only label. */
export function annualPeriod(cell: Cell, fiscalStartMonth: number): AnnualPeriod | null {
  if (cell === null || typeof cell === 'boolean') return null;
  const s = typeof cell === 'number' ? String(cell) : cell.trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) {
    const year = Number(m[1]);
    if (year < 1000) return null;
    return { months: twelveFrom(`${m[1]}-01`), label: `calendar year ${year}` };
  }
  m = /^FY\s?(\d{2}|\d{4})$/i.exec(s);
  if (m) {
    const fy = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
    if (fy < 1000) return null;
    const months = twelveFrom(fiscalYearStart(fy, fiscalStartMonth));
    return { months, label: `fiscal year FY${fy} (${months[0]} to ${months[11]})` };
  }
  return null;
}

/**
 * The year an amount column's header names when the file has no period column ("Voranschlag 2012 EUR",
 * "Budget FY2027"): one four-digit year (1900–2100) or FY label among its words, else null (none, or several).
 */
export function headerYear(header: string, fiscalStartMonth: number): AnnualPeriod | null {
  const found = [...header.matchAll(/(?<![\p{L}\d])(FY\s?\d{2}(?:\d{2})?|\d{4})(?![\p{L}\d])/giu)]
    .map((m) => m[1]!)
    .filter((t) => !/^\d{4}$/.test(t) || (Number(t) >= 1900 && Number(t) <= 2100));
  if (found.length !== 1) return null;
  // "Q3 2026", "März 2026": a finer period than the year, not a year's amount.
  const words = header.split(/[^\p{L}\d]+/u);
  if (words.some((w) => /^Q[1-4]$/i.test(w) || (w.length >= 3 && monthNumber(w) !== undefined))) return null;
  const period = annualPeriod(found[0]!, fiscalStartMonth);
  return period && { ...period, label: `${period.label}, from the header "${header}"` };
}

function twelveFrom(first: Month): Month[] {
  return Array.from({ length: 12 }, (_, i) => addMonths(first, i));
}

/** The annual amount's twelve monthly parts, in whole cents but the last month's sub-cent part; they sum to it exactly. */
export function spreadOverTwelve(annual: Micro): Micro[] {
  const sign = annual < 0 ? -1 : 1;
  const abs = Math.abs(annual);
  const subCent = abs % CENTS;
  const cents = (abs - subCent) / CENTS;
  const base = Math.floor(cents / 12);
  const leftover = cents - base * 12;
  const parts = Array.from({ length: 12 }, (_, i) => (base + (i < leftover ? 1 : 0)) * CENTS);
  parts[11]! += subCent;
  return parts.map((p) => (p === 0 ? 0 : sign * p));
}

/** What the preview says: "annual amounts spread over 12 months: 300 rows → 3,600 monthly lines (…)". */
export function annualSpreadNote(rows: number, labels: ReadonlySet<string>): string {
  const lines = (rows * 12).toLocaleString('en-US');
  const years = [...labels].slice(0, 3).join(', ') + (labels.size > 3 ? ', …' : '');
  return (
    `annual amounts spread over 12 months: ${rows.toLocaleString('en-US')} row${rows === 1 ? '' : 's'} → ${lines} monthly lines ` +
    `(${years}; equal parts in whole cents, the leftover cents one each to the first months, each line keeps its annual source row)`
  );
}
