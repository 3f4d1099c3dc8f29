import type { IsoDate } from '../fiscal';
import { isoFromParts } from './dates';
import type { RowFilter } from './mapping';

/**
 * How a ledger writes its amounts and which of its rows are ours: a debit/credit indicator's words, the
 * mapping's row filters, a DATEV-style day-month date (the year from the file's period), and the counts
 * behind the preview's sentence on how the amounts were formed. Pure: the transform asks, per row.
 */

/** Words a debit/credit indicator column writes, folded (lowercase, no accents, no dots), by sign. */
const DEBIT_WORDS = [
  's',
  'd',
  'dr',
  'db',
  'deb',
  'debit',
  'debet',
  'debito',
  'debe',
  'dare',
  'soll',
  'af',
  '+',
];
const CREDIT_WORDS = [
  'h',
  'c',
  'cr',
  'cred',
  'credit',
  'credito',
  'haber',
  'avere',
  'haben',
  'bij',
  '-',
  'a',
];

function fold(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f.]/g, '');
}

/** +1 for a debit ("S", "Dr", "Soll", "Débit"), −1 for a credit ("H", "Cr", "Haben", "Crédit"); null otherwise. */
export function indicatorSign(text: string): 1 | -1 | null {
  const w = fold(text);
  if (DEBIT_WORDS.includes(w)) return 1;
  if (CREDIT_WORDS.includes(w)) return -1;
  return null;
}

export const INDICATOR_HINT =
  'not a debit/credit indicator (S/H, D/C, Dr/Cr, Soll/Haben, Debit/Credit, Débit/Crédit, Debe/Haber, Dare/Avere)';

/** The text a filter compares: trimmed, case ignored (a blank cell is ""). */
function filterKey(text: string | null): string {
  return (text ?? '').trim().toLowerCase();
}

/** A filter prepared for many rows: its values as a set, and those ending in `*` as prefixes ("4*"). */
export interface CompiledFilter {
  filter: RowFilter;
  values: ReadonlySet<string>;
  prefixes: readonly string[];
}

export function compileFilter(filter: RowFilter): CompiledFilter {
  const keys = filter.values.map(filterKey);
  return {
    filter,
    values: new Set(keys.filter((k) => !k.endsWith('*'))),
    prefixes: keys.filter((k) => k.endsWith('*')).map((k) => k.slice(0, -1)),
  };
}

/** Whether the filter keeps a row whose column holds `text`. */
export function filterKeeps(f: CompiledFilter, text: string | null): boolean {
  const key = filterKey(text);
  const hit = f.values.has(key) || f.prefixes.some((p) => key.startsWith(p));
  return f.filter.op === 'is' ? hit : !hit;
}

/** `Type = Expense`, `Type = Expense or Bill`, `Status ≠ Void`: the filter as the preview and the CLI write it. */
export function describeFilter(f: RowFilter): string {
  const values = f.values.map((v) => (v === '' ? '(empty)' : v));
  return f.op === 'is' ? `${f.column} = ${values.join(' or ')}` : `${f.column} ≠ ${values.join(' and ≠ ')}`;
}

/** Why a row was left out: the filter's column and what the row holds there. */
export function filteredReason(f: RowFilter, text: string | null): string {
  return `${f.column} is ${text === null ? '(empty)' : `"${text.trim()}"`} (keeping ${describeFilter(f)})`;
}

/**
 * `--where "Type=Expense"`, `--where "Status!=Void"` (also `≠`, `<>`); values after the operator separated by
 * `|` ("Type=Expense|Bill"), a value ending in `*` a prefix ("Account=4*"). Null when the text is no filter.
 */
export function parseFilter(text: string): RowFilter | null {
  const m = /^(.+?)\s*(!=|≠|<>|=)\s*(.*)$/s.exec(text.trim());
  if (!m || m[1]!.trim() === '') return null;
  return {
    column: m[1]!.trim(),
    op: m[2] === '=' ? 'is' : 'is-not',
    values: m[3]!.split('|').map((v) => v.trim()),
  };
}

/** Filters on the same column and operator given one by one ("--where Type=A --where Type=B") joined: A or B. */
export function mergeFilters(filters: readonly RowFilter[]): RowFilter[] {
  const out: RowFilter[] = [];
  for (const f of filters) {
    const same = out.find((o) => o.column === f.column && o.op === f.op);
    if (same) same.values = [...new Set([...same.values, ...f.values])];
    else out.push({ ...f, values: [...f.values] });
  }
  return out;
}

/** A file's own period (DATEV's "Datum vom/bis"), which dates written without their year belong to. */
export interface DayMonthPeriod {
  from: IsoDate;
  to: IsoDate;
}

/**
 * A date written as DDMM ("2102", "102" = 1 February) in a file whose period gives the year: the year of
 * the period's start, or of its end when the day falls in the end's year (a period across New Year).
 * Null when the text is not DDMM or the day is in neither year's part of the period.
 */
export function dayMonthDate(text: string, period: DayMonthPeriod): IsoDate | null {
  const m = /^(\d{1,2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  for (const year of new Set([Number(period.from.slice(0, 4)), Number(period.to.slice(0, 4))])) {
    let date: IsoDate;
    try {
      date = isoFromParts(year, month, day);
    } catch {
      return null;
    }
    if (date >= period.from && date <= period.to) return date;
  }
  return null;
}

/** What the preview says about how the amounts were formed (debit − credit, an indicator, a sign flip). */
export class AmountFormation {
  /** While set (a possible total row read quietly), nothing is counted. */
  paused = false;
  debitOnly = 0;
  creditOnly = 0;
  both = 0;
  readonly indicators = new Map<string, number>();
  negated = 0;

  notes(columns: Readonly<Record<string, string>>, negate: boolean, negateWhy: string | null): string[] {
    const out: string[] = [];
    if (columns.debit || columns.credit) {
      const debit = columns.debit ? `"${columns.debit}"` : '0';
      const credit = columns.credit ? `"${columns.credit}"` : '0';
      const parts = [
        `${this.debitOnly} with a debit only`,
        `${this.creditOnly} with a credit only`,
        ...(this.both ? [`${this.both} with both (their difference)`] : []),
      ];
      out.push(`amounts = ${debit} − ${credit}: ${parts.join(', ')}`);
    }
    if (columns.sign) {
      const seen = [...this.indicators].map(([w, n]) => `${n} "${w}" ${indicatorSign(w) === 1 ? '+' : '−'}`);
      out.push(
        `amounts signed by "${columns.sign}" (debit +, credit −)${seen.length ? `: ${seen.join(', ')}` : ''}`,
      );
    }
    if (negate) {
      out.push(
        `costs are written negative in this file: every amount's sign is flipped (${this.negated} amount${this.negated === 1 ? '' : 's'})${negateWhy ? `; ${negateWhy}` : ''}`,
      );
    }
    return out;
  }
}
