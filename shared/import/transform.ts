import { CodedError, hasErrorCode, VALUE_ERROR_CODES } from '../errors';
import { inYearRange, lastDayOfMonth, outsideRangeMessage, type IsoDate, type YearRange } from '../fiscal';
import type { BenefitAssumptions, SpendCategory } from '../domain';
import { cellText, type Cell, type SourceRow } from './cells';
import { parseDate, type DateOrder } from './dates';
import {
  benefitTypeFromText,
  confidenceFromText,
  boolFromText,
  categoryFromCloudService,
  categoryFromText,
  commitmentTypeFromText,
  realizedFromText,
  riskTierFromHighImpact,
  riskTierFromText,
  stageFromText,
} from './enums';
import type { FormatEvidence } from './evidence';
import { currencyMark, describeCandidates, headerCurrency, type CurrencyMark } from './currency';
import {
  annualPeriod,
  annualSpreadNote,
  headerYear,
  spreadOverTwelve,
  type AnnualPeriod,
} from './annualBudget';
import { CreditsTally, readCredits, type CellCredits } from './credits';
import { missingRequiredFields } from './fields';
import {
  AmountFormation,
  compileFilter,
  dayMonthDate,
  filteredReason,
  filterKeeps,
  indicatorSign,
  INDICATOR_HINT,
  type CompiledFilter,
  type DayMonthPeriod,
} from './ledger';
import type { ImportMapping } from './mapping';
import {
  numberMicro,
  parseAmountMicro,
  parseCount,
  parseNumberText,
  parseNumberValue,
  type DecimalSeparator,
} from './numbers';
import { parsePeriod, type Period } from './periods';
import { isIsoCurrency, type Micro } from '../money';
import { problem, type ImportProblem, type ProblemCode } from './problems';
import { AMOUNT_KINDS, isControlLabel } from './controlRows';
import type { ImportRecord, InitiativeRecord } from './records';
import { readTag } from './tags';
import { dateOfInstantIn, type DateOfInstant } from './timeZone';

export interface TransformContext {
  fiscalStartMonth: number;
  /** The workspace's plausible years: a date or period outside them is a problem on its row and column. */
  years: YearRange;
  reportingCurrency: string;
  /** The KPI id a cell names, by id or by name; undefined when the catalog has no such KPI. */
  kpiId(text: string): string | undefined;
}

export interface ValueSettings {
  decimal: DecimalSeparator;
  dateOrder: DateOrder;
  /** IANA zone whose calendar dates timestamps are bucketed to. */
  timeZone: string;
  /** The file's own period, for dates written as DDMM without their year (DATEV's Belegdatum). */
  dayMonthPeriod?: DayMonthPeriod | null;
  /** Why the mapping flips the amounts' sign (the proposal's evidence), for the preview's note. */
  negateWhy?: string | null;
}

export interface RowOutcome {
  records: ImportRecord[];
  problems: ImportProblem[];
  /**
   * Rows left out by design: blank rows, a spreadsheet's "Total" row (reported, not stored), and rows the
   * mapping's filters do not keep (`filtered`, with the reason).
   */
  skipped: 'blank' | 'total' | 'filtered' | null;
  filteredBy?: string;
  /** A row that may be a total (see `ControlCandidate`); null for nearly every row. */
  control?: ControlCandidate | null;
  /** An invalid row that reads as a note (no amount, one or two cells, no key): a footer if no data follows. */
  note?: string | null;
}

/**
 * A row that may be a control row: key fields empty (or labels), and a label in any cell (a total), or
 * none and an amount (a total if it equals the sum of the rows above: the scan decides).
 */
export interface ControlCandidate {
  label: string | null;
  /** Micro-units; null when the row has no readable amount. */
  amount: number | null;
  /** The currency the row itself names (its currency cell or amount sign), else null. */
  currency: string | null;
}

/** Where a line's currency came from, in the order they are asked (the workspace's last). */
export type CurrencySource = 'column' | 'amount' | 'header' | 'import' | 'workspace';

/** A line's currency as decided from the row's currency cell and amount sign (cached per pair). */
type CurrencyResolution =
  | { code: string; source: CurrencySource; sign: string | null }
  | { problem: string; code: ProblemCode; field: 'currency' | 'amount' }
  /** A shared sign nothing decides: one file problem for all such rows (see `ambiguous`). */
  | { ambiguous: CurrencyMark; field: 'currency' | 'amount' };

/** A line's amount before its credits were added, and the credits (Google Cloud's gross cost and credits). */
interface RowCredits {
  gross: Micro;
  credits: CellCredits | null;
}

/** Beside the key field, what names a line: empty (or a label) on a control row. */
const NAME_FIELDS = ['vendor', 'description', 'initiative'] as const;
const KEY_FIELD = {
  spend: 'date',
  budget: 'month',
  benefits: 'date',
  kpis: 'kpi',
  initiatives: 'name',
  fx: 'month',
  commitments: 'vendor',
} as const;
/** An unmapped required field lists at most this many columns, each with up to 3 values of the first rows. */
const MAX_CANDIDATES = 12;
const SAMPLES_PER_COLUMN = 3;
const SAMPLE_ROWS = 200;
const CATEGORY_HINT = 'not a spend category (platform, model_api, compute, labor, tooling, other)';

/** Thrown inside a field reader; becomes a problem on the row and column. */
class FieldError extends CodedError {
  constructor(message: string) {
    super('invalid-field', message);
  }
}

function currencyCode(text: string): string | null {
  const code = text.trim().toUpperCase();
  return isIsoCurrency(code) ? code : null;
}

function isValueError(err: unknown): err is Error {
  // RangeError: a month or period the calendar helpers (shared/fiscal.ts) refuse.
  return hasErrorCode(err, VALUE_ERROR_CODES) || err instanceof RangeError;
}

/**
 * Turns source rows into records for one mapping: every value parsed exactly, every problem named by
 * row and column. One instance per pass over the file (it remembers initiative names seen for duplicates).
 * Field readers work on the current row (set by `transform`), so no closure is made per row or cell.
 */
export class RowTransformer {
  /** Problems with the mapping known before any row: mapped columns absent from the file, no period columns. */
  private readonly mappingProblems: ImportProblem[] = [];
  /** Required fields no column is mapped to (their labels): one file problem each, never one per row. */
  private readonly unmappedRequired: string[] = [];
  /** The first distinct values of the columns not mapped, to show with an unmapped required field. */
  private readonly columnSamples = new Map<number, string[]>();
  private sampledRows = 0;
  /** The currency the amount column's header names ("Cost (EUR)"), if any. */
  private readonly headerMark: CurrencyMark | null;
  private readonly currencyCache = new Map<string, CurrencyResolution>();
  /** Amounts (other than zero) by where their currency came from, for the preview's notes. */
  private readonly currencyFrom: Record<CurrencySource, number> = {
    column: 0,
    amount: 0,
    header: 0,
    import: 0,
    workspace: 0,
  };
  /** Signs and codes read from number cells' formats (`[$€-407] #,##0.00`), with how many amounts. */
  private readonly formatSigns = new Map<string, number>();
  /** Shared signs read as the workspace's currency ("$" in a USD workspace), with how many amounts. */
  private readonly signsAsWorkspace = new Map<string, number>();
  /** Shared signs nothing decides, by sign: the rows that use them (one file problem each). */
  private readonly ambiguous = new Map<
    string,
    { mark: CurrencyMark; column: string; rows: number; first: number; last: number }
  >();
  /** Columns the mapping does not read (shown in the preview; kept in extra for initiatives). */
  readonly unmapped: string[];
  private readonly col = new Map<string, number>();
  private readonly wideColumns: { index: number; header: string; period: Period }[] = [];
  private readonly seenNames = new Map<string, number>();
  // The current row: its number, its cells, their text (null = blank) and the problems found so far.
  private rowNumber = 0;
  private cells: Cell[] = [];
  /** The currencies the row's number formats show (spreadsheets), by column; null for most rows. */
  private formatCurrencies: (string | null)[] | null = null;
  private texts: (string | null)[] = [];
  private problems: ImportProblem[] = [];
  private readonly dateOf: DateOfInstant;
  /** The mapping's row filters with their column (absent columns are mapping problems). */
  private readonly filters: { index: number; f: CompiledFilter }[] = [];
  private readonly formation = new AmountFormation();
  /** The current row's gross amount and credits when a credits column is mapped (counted once the line is stored). */
  private rowCredits: RowCredits | null = null;
  private readonly credits = new CreditsTally();
  /** Budget rows for a whole year spread over its months, and the years they named. */
  private readonly annual = { rows: 0, labels: new Set<string>() };
  /** The year the amount's header names, for a budget without a period column ("Voranschlag 2012 EUR"). */
  private readonly headerAnnual: AnnualPeriod | null;

  constructor(
    readonly mapping: ImportMapping,
    readonly headers: readonly string[],
    private readonly ctx: TransformContext,
    private readonly settings: ValueSettings,
    private readonly evidence: FormatEvidence | null = null,
  ) {
    this.dateOf = dateOfInstantIn(settings.timeZone);
    // A budget without a period column whose amount header names the year: every row is for that year.
    this.headerAnnual =
      mapping.kind === 'budget' && !mapping.columns.month && mapping.columns.amount
        ? headerYear(mapping.columns.amount, ctx.fiscalStartMonth)
        : null;
    const amountHeader = mapping.columns.amount ?? mapping.columns.debit ?? mapping.columns.credit;
    this.headerMark = amountHeader ? headerCurrency(amountHeader) : null;
    for (const [field, header] of Object.entries(mapping.columns)) {
      const index = headers.indexOf(header);
      if (index === -1) {
        this.mappingProblems.push(
          problem(
            null,
            header,
            null,
            `the mapping reads ${field} from column "${header}", which this file does not have`,
            'error',
            'missing-column',
          ),
        );
      } else {
        this.col.set(field, index);
      }
    }
    if (mapping.kind === 'kpis' && mapping.layout === 'wide') {
      headers.forEach((h, index) => {
        const period = parsePeriod(h, ctx.fiscalStartMonth);
        if (period && index !== this.col.get('kpi') && index !== this.col.get('initiative')) {
          this.wideColumns.push({ index, header: h, period });
        }
      });
      if (this.wideColumns.length === 0) {
        this.mappingProblems.push(
          problem(
            null,
            null,
            null,
            'a wide KPI table needs period headers such as 2026-03, Mar 2026 or FY2026-Q3',
            'error',
            'no-period-columns',
          ),
        );
      }
    }
    for (const spec of missingRequiredFields(mapping, { monthFromHeader: this.headerAnnual !== null }))
      this.unmappedRequired.push(spec.label);
    this.ledgerMappingProblems();
    for (const filter of mapping.filters) {
      const index = headers.indexOf(filter.column);
      if (index === -1) {
        this.mappingProblems.push(
          problem(
            null,
            filter.column,
            null,
            `the mapping keeps rows by column "${filter.column}", which this file does not have`,
            'error',
            'missing-column',
          ),
        );
      } else {
        this.filters.push({ index, f: compileFilter(filter) });
      }
    }
    const used = new Set([...this.col.values(), ...this.wideColumns.map((w) => w.index)]);
    this.unmapped = headers.filter((_, i) => !used.has(i));
    if (this.unmappedRequired.length > 0) {
      // The columns a user could map it to: those not mapped yet, else all of them.
      const candidates = headers.map((_, i) => i).filter((i) => !used.has(i));
      for (const i of candidates.length > 0 ? candidates : headers.map((_, i) => i)) {
        this.columnSamples.set(i, []);
      }
    }
  }

  /** An amount read two ways at once (a column and debit/credit; an indicator on debit/credit) is refused. */
  private ledgerMappingProblems(): void {
    const c = this.mapping.columns;
    const conflict = (message: string) =>
      this.mappingProblems.push(problem(null, null, null, message, 'error', 'mapping-conflict'));
    if (c.amount && (c.debit || c.credit)) {
      conflict(
        `the amount is mapped to "${c.amount}" and to debit/credit columns (${[c.debit, c.credit].filter(Boolean).join(', ')}): map one or the other`,
      );
    }
    if (c.sign && !c.amount) {
      conflict(
        `the debit/credit indicator "${c.sign}" signs an amount column, and none is mapped (debit and credit columns carry their own sign)`,
      );
    }
  }

  /**
   * File-level problems: mapped columns the file lacks, no period columns (wide KPIs), and each required
   * field no column is mapped to, named once with the columns it could come from and their first values.
   */
  get fileProblems(): ImportProblem[] {
    return [
      ...this.mappingProblems,
      ...[...this.ambiguous].map(([sign, a]) =>
        problem(
          null,
          a.column,
          sign,
          `amounts written with "${sign}" (${a.rows === 1 ? `row ${a.first}` : `${a.rows} rows, from row ${a.first} to ${a.last}`}) ` +
            `could be ${describeCandidates(a.mark)}, and nothing in the file says which (the workspace reports in ` +
            `${this.ctx.reportingCurrency}): map a currency column, or state the currency (“Currency when the file has none” in the mapping, or --currency on the command line)`,
          'error',
          'ambiguous-currency',
        ),
      ),
      ...this.unmappedRequired.map((label) =>
        problem(
          null,
          null,
          null,
          `no column is mapped to the required field "${label}"; map one of the file's columns to it: ${this.describeCandidates()}`,
          'error',
          'unmapped-required',
        ),
      ),
    ];
  }

  private describeCandidates(): string {
    const shown = [...this.columnSamples].slice(0, MAX_CANDIDATES);
    const list = shown.map(([i, values]) => {
      const header = `"${this.headers[i] || `column ${i + 1}`}"`;
      return values.length === 0
        ? `${header} (empty)`
        : `${header} (${values.map((v) => `"${v.length > 30 ? `${v.slice(0, 27)}...` : v}"`).join(', ')})`;
    });
    const more = this.columnSamples.size - shown.length;
    return `${list.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
  }

  /** Keeps the first distinct values of the candidate columns (only while a required field is unmapped). */
  private sample(): void {
    if (++this.sampledRows > SAMPLE_ROWS) return;
    for (const [i, values] of this.columnSamples) {
      const t = this.texts[i];
      if (t != null && values.length < SAMPLES_PER_COLUMN && !values.includes(t)) values.push(t);
    }
  }

  // ---- reading the current row ----

  private cell(field: string): Cell {
    const i = this.col.get(field);
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  private text(field: string): string | null {
    const i = this.col.get(field);
    return i === undefined ? null : (this.texts[i] ?? null);
  }

  private header(field: string): string {
    return this.mapping.columns[field] ?? field;
  }

  private fail(column: string, text: string | null, err: unknown): null {
    if (!isValueError(err)) throw err;
    this.problems.push(problem(this.rowNumber, column, text, err.message));
    return null;
  }

  /**
   * A required value: when missing, the row gets one problem for that column (not two). A field no column
   * is mapped to (or whose column the file lacks) is one file problem, not one per row.
   */
  private required<T>(field: string, value: T | null): value is T {
    if (value !== null) return true;
    if (!this.col.has(field)) return false;
    const column = this.header(field);
    // An amount whose credits did not read has its problem on the credits column: not "empty" as well.
    const credits = field === 'amount' ? this.mapping.columns.credits : undefined;
    if (!this.problems.some((p) => p.column === column || (credits && p.column === credits))) {
      this.problems.push(
        problem(
          this.rowNumber,
          column,
          this.text(field),
          'empty: a value is required',
          'error',
          'required-empty',
        ),
      );
    }
    return false;
  }

  private date(field: string): IsoDate | null {
    const t = this.text(field);
    if (t === null) return null;
    const c = this.cell(field);
    const period = this.settings.dayMonthPeriod;
    if (period && typeof c === 'string' && /^\d{3,4}$/.test(t)) {
      const date = dayMonthDate(t, period);
      if (date === null) {
        return this.fail(
          this.header(field),
          t,
          new FieldError(
            `not a day and month (DDMM) within the file's period ${period.from} to ${period.to}`,
          ),
        );
      }
      try {
        return this.plausibleDate(date);
      } catch (err) {
        return this.fail(this.header(field), t, err);
      }
    }
    this.evidence?.date(c, this.rowNumber, this.header(field));
    try {
      return this.plausibleDate(parseDate(c, this.settings.dateOrder, this.dateOf));
    } catch (err) {
      return this.fail(this.header(field), t, err);
    }
  }

  /**
   * A row's date: its date cell, or, when that is empty (or there is no date column) and the file has year
   * and month-number columns (the Brazilian Senate's ANO + MES), the first of that month.
   */
  private dateOrYearMonth(): { date: IsoDate | null; fromYearMonth: boolean } {
    if (this.text('date') !== null || !this.col.has('year') || !this.col.has('monthNumber')) {
      return { date: this.date('date'), fromYearMonth: false };
    }
    return { date: this.yearMonthDate(), fromYearMonth: true };
  }

  /** The first of the month a row's year and month-number cells name (a problem on the one that is wrong). */
  private yearMonthDate(): IsoDate | null {
    const year = this.count('year');
    const month = this.count('monthNumber');
    if (!this.required('year', year) || !this.required('monthNumber', month)) return null;
    if (month < 1 || month > 12) {
      return this.fail(
        this.header('monthNumber'),
        this.text('monthNumber'),
        new FieldError('not a month number (1–12)'),
      );
    }
    try {
      return this.plausibleDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`);
    } catch (err) {
      return this.fail(this.header('year'), this.text('year'), err);
    }
  }

  /** A date within the workspace's plausible years (a year-9999 typo is a problem, not a quarter). */
  private plausibleDate(date: IsoDate): IsoDate {
    if (!inYearRange(date, this.ctx.years))
      throw new FieldError(outsideRangeMessage(`date ${date}`, this.ctx.years));
    return date;
  }

  /** The problem with a period ending outside the plausible years (a period is dated by its last day), if any. */
  private periodProblem(p: Period): FieldError | null {
    if (inYearRange(p.end, this.ctx.years)) return null;
    const what = p.granularity === 'month' ? `month ${p.start.slice(0, 7)}` : `period ${p.start} to ${p.end}`;
    return new FieldError(outsideRangeMessage(what, this.ctx.years));
  }

  /** A date, or a month/quarter label standing for its first day (benefit rows are often monthly). */
  private dateOrPeriodStart(field: string): IsoDate | null {
    const t = this.text(field);
    if (t === null) return null;
    const c = this.cell(field);
    this.evidence?.date(c, this.rowNumber, this.header(field));
    let date: IsoDate;
    try {
      date = parseDate(c, this.settings.dateOrder, this.dateOf);
    } catch (err) {
      const p = parsePeriod(c, this.ctx.fiscalStartMonth, this.settings.dateOrder, this.dateOf);
      if (!p) return this.fail(this.header(field), t, err);
      date = p.start;
    }
    try {
      return this.plausibleDate(date);
    } catch (err) {
      return this.fail(this.header(field), t, err);
    }
  }

  private period(field: string, monthOnly: boolean): Period | null {
    const t = this.text(field);
    if (t === null) return null;
    const c = this.cell(field);
    this.evidence?.date(c, this.rowNumber, this.header(field));
    const p = parsePeriod(c, this.ctx.fiscalStartMonth, this.settings.dateOrder, this.dateOf);
    if (!p) {
      const hint = monthOnly
        ? 'not a month (use e.g. 2026-03 or Mar 2026)'
        : 'not a period (use e.g. 2026-03, Mar 2026, Q3 2026 or FY2026-Q3)';
      return this.fail(this.header(field), t, new FieldError(hint));
    }
    if (monthOnly && p.granularity !== 'month') {
      return this.fail(
        this.header(field),
        t,
        new FieldError('one row per month is expected here, not a quarter'),
      );
    }
    const outside = this.periodProblem(p);
    return outside ? this.fail(this.header(field), t, outside) : p;
  }

  /**
   * The row's amount as the mapping forms it: one column (signed by a debit/credit indicator when one is
   * mapped), or debit − credit; then flipped when the file writes costs negative.
   */
  private amount(): { micro: number; currency: string | null } | null {
    const m = this.mapping;
    const ledger = !this.col.has('amount') && (this.col.has('debit') || this.col.has('credit'));
    let a = ledger ? this.debitMinusCredit() : this.moneyAt('amount');
    if (a === null) {
      return m.emptyAmountIsZero && this.col.has('amount') && this.text('amount') === null
        ? { micro: 0, currency: null }
        : null;
    }
    if (this.col.has('sign')) {
      const t = this.text('sign');
      const sign = t === null ? null : indicatorSign(t);
      if (sign === null) {
        this.problems.push(
          problem(
            this.rowNumber,
            this.header('sign'),
            t,
            t === null ? `empty: the amount's debit/credit indicator is required` : INDICATOR_HINT,
            'error',
            t === null ? 'required-empty' : 'invalid-value',
          ),
        );
        return null;
      }
      const key = t!.trim();
      if (!this.formation.paused)
        this.formation.indicators.set(key, (this.formation.indicators.get(key) ?? 0) + 1);
      if (sign < 0) a = { ...a, micro: -a.micro || 0 };
    }
    if (this.col.has('credits')) {
      const column = this.text('currency');
      const credits = this.creditsOfRow(a.currency ?? (column === null ? null : currencyCode(column)));
      if (credits === undefined) return null;
      this.rowCredits = { gross: a.micro, credits };
      if (credits) a = { ...a, micro: a.micro + credits.micro, currency: a.currency ?? credits.currency };
    }
    if (m.negate) {
      if (!this.formation.paused) this.formation.negated++;
      a = { ...a, micro: -a.micro || 0 };
    }
    return a;
  }

  /** One money cell (the amount, debit or credit column, a benefit's low or high case) in micro-units, with a currency it names. */
  private moneyAt(field: string): { micro: number; currency: string | null } | null {
    const t = this.text(field);
    if (t === null) return null;
    const c = this.cell(field);
    try {
      if (typeof c === 'number') {
        // A number names its currency only through its format (`[$€-407] #,##0.00`): as if written in the cell.
        const currency = this.formatCurrencies?.[this.col.get(field)!] ?? null;
        if (currency !== null && !this.formation.paused)
          this.formatSigns.set(currency, (this.formatSigns.get(currency) ?? 0) + 1);
        const micro = numberMicro(c);
        if (micro !== null) return { micro, currency };
        return { micro: parseAmountMicro(t, '.').micro, currency };
      }
      return parseAmountMicro(t, this.separatorOf(c, t, this.header(field)));
    } catch (err) {
      return this.fail(this.header(field), t, err);
    }
  }

  /**
   * The row's credits (Google Cloud's `credits`: negative amounts added to the gross cost); null when the cell
   * is empty, undefined when it does not read or names another currency than the amount (a problem on its row).
   */
  private creditsOfRow(amountCurrency: string | null): CellCredits | null | undefined {
    const t = this.text('credits');
    if (t === null) return null;
    let credits: CellCredits;
    try {
      credits = readCredits(t, this.settings.decimal);
    } catch (err) {
      this.fail(this.header('credits'), t, err);
      return undefined;
    }
    if (credits.currency && amountCurrency && credits.currency !== amountCurrency) {
      this.problems.push(
        problem(
          this.rowNumber,
          this.header('credits'),
          t,
          `the credits are written in "${credits.currency}" and the amount in "${amountCurrency}"`,
          'error',
          'currency-conflict',
        ),
      );
      return undefined;
    }
    return credits;
  }

  /** Debit − credit, exactly; a row with both is their difference, a row with neither a problem. */
  private debitMinusCredit(): { micro: number; currency: string | null } | null {
    const before = this.problems.length;
    const debit = this.moneyAt('debit');
    const credit = this.moneyAt('credit');
    if (this.problems.length > before) return null;
    if (debit === null && credit === null) {
      const columns = ['debit', 'credit'].filter((f) => this.col.has(f)).map((f) => this.header(f));
      this.problems.push(
        problem(
          this.rowNumber,
          columns[0] ?? null,
          null,
          `no amount: ${columns.map((c) => `"${c}"`).join(' and ')} ${columns.length > 1 ? 'are both' : 'is'} empty`,
          'error',
          'required-empty',
        ),
      );
      return null;
    }
    if (debit && credit && debit.currency && credit.currency && debit.currency !== credit.currency) {
      this.problems.push(
        problem(
          this.rowNumber,
          this.header('credit'),
          this.text('credit'),
          `the debit is written in "${debit.currency}" and the credit in "${credit.currency}"`,
          'error',
          'currency-conflict',
        ),
      );
      return null;
    }
    if (this.formation.paused) {
      // a possible total row: not a line of its own
    } else if (debit && credit) this.formation.both++;
    else if (debit) this.formation.debitOnly++;
    else this.formation.creditOnly++;
    return {
      micro: (debit?.micro ?? 0) - (credit?.micro ?? 0),
      currency: debit?.currency ?? credit?.currency ?? null,
    };
  }

  /** A budget row for a whole year: twelve monthly lines from its one amount (shared/import/annualBudget.ts). */
  private annualBudget(annual: AnnualPeriod): ImportRecord[] {
    const last = annual.months[11]!;
    if (!inYearRange(last, this.ctx.years)) {
      this.fail(
        this.header('month'),
        this.text('month'),
        new FieldError(outsideRangeMessage(annual.label, this.ctx.years)),
      );
    }
    const amount = this.amount();
    const currency = this.currency(amount);
    const category = this.word('category', categoryFromText, CATEGORY_HINT);
    if (
      this.problems.some((p) => p.severity === 'error') ||
      !this.required('amount', amount) ||
      currency === null
    )
      return [];
    this.annual.rows++;
    this.annual.labels.add(annual.label);
    const parts = spreadOverTwelve(amount.micro);
    const initiative = this.initiative();
    return annual.months.map((month, i) => ({
      kind: 'budget' as const,
      row: this.rowNumber,
      month,
      amount: parts[i]!,
      currency,
      initiative,
      category: category ?? this.mapping.category,
    }));
  }

  /** Whether the row writes an amount (in the amount column, or a debit or credit). */
  private hasAmountText(): boolean {
    return this.text('amount') !== null || this.text('debit') !== null || this.text('credit') !== null;
  }

  /** What the preview says about how amounts were formed: debit − credit, an indicator, a sign flip. */
  amountNotes(): string[] {
    const c = this.mapping.columns;
    return [
      ...this.formation.notes(c, this.mapping.negate, this.settings.negateWhy ?? null),
      ...(c.credits ? this.credits.notes(c.amount ?? 'amount', c.credits) : []),
      ...(this.annual.rows > 0 ? [annualSpreadNote(this.annual.rows, this.annual.labels)] : []),
    ];
  }

  /**
   * A benefit line's register fields: the range must have both ends, in the amount's currency, around the
   * amount (the base case); a problem names the low or high column.
   */
  private benefitAssumptions(amount: Micro, currency: string): BenefitAssumptions {
    const low = this.moneyAt('low');
    const high = this.moneyAt('high');
    let range: [Micro, Micro] | null = null;
    const ends = [
      ['low', low],
      ['high', high],
    ] as const;
    for (const [field, end] of ends) {
      if (end?.currency && end.currency !== currency)
        this.fail(
          this.header(field),
          this.text(field),
          new FieldError(`in ${end.currency}, not the benefit's ${currency}`),
        );
    }
    if (low && high) {
      if (low.micro > amount)
        this.fail(
          this.header('low'),
          this.text('low'),
          new FieldError('above the benefit (the base case): low ≤ benefit ≤ high'),
        );
      else if (high.micro < amount)
        this.fail(
          this.header('high'),
          this.text('high'),
          new FieldError('below the benefit (the base case): low ≤ benefit ≤ high'),
        );
      else range = [low.micro, high.micro];
    } else if (low || high) {
      const missing = low ? 'high' : 'low';
      this.fail(
        this.col.has(missing) ? this.header(missing) : this.header(low ? 'low' : 'high'),
        this.text(missing),
        new FieldError(`a range needs both a low and a high; the ${missing} is missing`),
      );
    }
    return {
      low: range ? range[0] : null,
      high: range ? range[1] : null,
      assumption: this.text('assumption'),
      owner: this.text('owner'),
      source: this.text('source'),
      confidence: this.word('confidence', confidenceFromText, 'not a confidence (low, medium or high)'),
      evidenceDate: this.date('evidenceDate'),
    };
  }

  /**
   * The decimal separator a value's text is read with. A spreadsheet number has none of its own: its text
   * is JavaScript's, with a point, whatever the file's locale, so it neither follows the setting nor is
   * evidence for it (a European workbook's number cells would otherwise read 0.125 as 125).
   */
  private separatorOf(cell: Cell, text: string, column: string): DecimalSeparator {
    if (typeof cell === 'number') return '.';
    this.evidence?.number(text, this.rowNumber, column);
    return this.settings.decimal;
  }

  /** An exchange rate, kept as exact decimal text (the report converts with it exactly). */
  private rate(): string | null {
    const t = this.text('rate');
    if (t === null) return null;
    try {
      const n = parseNumberText(t, this.separatorOf(this.cell('rate'), t, this.header('rate')));
      if (n.percent || !(Number(n.decimal) > 0)) throw new FieldError('not a positive exchange rate');
      return n.decimal;
    } catch (err) {
      return this.fail(this.header('rate'), t, err);
    }
  }

  private count(field: string): number | null {
    const t = this.text(field);
    if (t === null) return null;
    try {
      return parseCount(t, this.separatorOf(this.cell(field), t, this.header(field)));
    } catch (err) {
      return this.fail(this.header(field), t, err);
    }
  }

  private numberAt(column: string, cell: Cell, t: string): number | null {
    try {
      return parseNumberValue(t, this.separatorOf(cell, t, column));
    } catch (err) {
      return this.fail(column, t, err);
    }
  }

  /** A text column read through a vocabulary (stage, benefit type, ...); unknown words are problems. */
  private word<T>(field: string, parse: (text: string) => T | null, hint: string): T | null {
    const t = this.text(field);
    if (t === null) return null;
    const v = parse(t);
    return v === null ? this.fail(this.header(field), t, new FieldError(hint)) : v;
  }

  /**
   * The currency of the row's amount, asked in order: the currency column, a code or sign in the amount
   * cell ("€1.234,50", "1,234.50 USD", "CHF 12"), a code or sign in the amount's header ("Betrag (EUR)",
   * "Cost USD", "Kosten in €"), the import's stated currency; only when none says anything the workspace's
   * (and the preview says so). A sign several currencies share ("$", "¥", "kr") is decided by a later
   * source naming one of them, or by the workspace's currency if it is one; else it is a file problem.
   */
  private currency(amount: { micro: number; currency: string | null } | null): string | null {
    const t = this.text('currency');
    const sign = amount?.currency ?? null;
    const key = t === null && sign === null ? '' : `${t ?? ''}\u0000${sign ?? ''}`;
    let r = this.currencyCache.get(key);
    if (r === undefined) {
      r = this.resolveCurrency(t, sign);
      if (this.currencyCache.size < 1000) this.currencyCache.set(key, r);
    }
    if ('problem' in r) {
      this.problems.push(
        problem(this.rowNumber, this.header(r.field), this.text(r.field), r.problem, 'error', r.code),
      );
      return null;
    }
    if ('ambiguous' in r) {
      const a = this.ambiguous.get(r.ambiguous.sign);
      if (a) {
        a.rows++;
        a.last = this.rowNumber;
      } else {
        this.ambiguous.set(r.ambiguous.sign, {
          mark: r.ambiguous,
          column: this.header(r.field),
          rows: 1,
          first: this.rowNumber,
          last: this.rowNumber,
        });
      }
      return null;
    }
    if (amount !== null && amount.micro !== 0) {
      this.currencyFrom[r.source]++;
      if (r.sign !== null) this.signsAsWorkspace.set(r.sign, (this.signsAsWorkspace.get(r.sign) ?? 0) + 1);
    }
    return r.code;
  }

  private resolveCurrency(columnText: string | null, sign: string | null): CurrencyResolution {
    const marks: { source: CurrencySource; mark: CurrencyMark; field: 'currency' | 'amount' }[] = [];
    if (columnText !== null) {
      const mark = currencyMark(columnText);
      if (!mark) {
        return {
          problem: 'not a currency: use an ISO 4217 code such as EUR (or a sign such as €)',
          code: 'unknown-currency',
          field: 'currency',
        };
      }
      marks.push({ source: 'column', mark, field: 'currency' });
    }
    if (sign !== null) {
      const mark = currencyMark(sign);
      if (!mark) {
        return {
          problem: `"${sign}" is not an ISO 4217 currency code`,
          code: 'unknown-currency',
          field: 'amount',
        };
      }
      const column = marks[0]?.mark.candidates;
      if (column?.length === 1 && !mark.candidates.includes(column[0]!)) {
        return {
          problem: `the amount is written in "${sign}" but the currency column says ${column[0]}`,
          code: 'currency-conflict',
          field: 'amount',
        };
      }
      marks.push({ source: 'amount', mark, field: 'amount' });
    }
    if (this.headerMark) marks.push({ source: 'header', mark: this.headerMark, field: 'amount' });
    const stated = this.mapping.currency;
    if (stated)
      marks.push({ source: 'import', mark: { sign: stated, candidates: [stated] }, field: 'amount' });
    const workspace = this.ctx.reportingCurrency;
    const first = marks[0];
    if (!first) return { code: workspace, source: 'workspace', sign: null };
    const { candidates } = first.mark;
    if (candidates.length === 1) return { code: candidates[0]!, source: first.source, sign: null };
    for (const later of marks.slice(1)) {
      const only = later.mark.candidates.length === 1 ? later.mark.candidates[0]! : null;
      if (only !== null && candidates.includes(only)) return { code: only, source: later.source, sign: null };
    }
    if (candidates.includes(workspace))
      return { code: workspace, source: first.source, sign: first.mark.sign };
    return { ambiguous: first.mark, field: first.field };
  }

  /** What the preview says about currencies not read from the file itself (none when every amount names one). */
  currencyNotes(): string[] {
    const ws = this.ctx.reportingCurrency;
    const from = this.currencyFrom;
    const named = from.column + from.amount + from.header + from.import;
    const notes: string[] = [];
    if (from.workspace > 0) {
      notes.push(
        named === 0
          ? `no currency in the file: booked as ${ws} (workspace currency)`
          : `${from.workspace} amount${from.workspace === 1 ? ' names' : 's name'} no currency: booked as ${ws} (workspace currency)`,
      );
    }
    if (this.formatSigns.size > 0) {
      const seen = [...this.formatSigns].map(([sign, n]) => `${n} "${sign}"`);
      notes.push(`currency read from the amount cells' number format: ${seen.join(', ')}`);
    }
    for (const [sign, n] of this.signsAsWorkspace) {
      notes.push(`"${sign}" read as ${ws}, the workspace currency (${n} amount${n === 1 ? '' : 's'})`);
    }
    return notes;
  }

  private category(): SpendCategory | null {
    switch (this.mapping.categoryRule) {
      case 'constant':
        return this.mapping.category ?? 'other';
      case 'cloud-service':
        return categoryFromCloudService(this.text('categoryHint'));
      default:
        return this.text('category') === null
          ? (this.mapping.category ?? 'other')
          : this.word('category', categoryFromText, CATEGORY_HINT);
    }
  }

  private initiative(): string | null {
    const direct = this.text('initiative');
    if (direct !== null) return direct;
    return this.mapping.tagKey ? readTag(this.text('tags'), this.mapping.tagKey) : null;
  }

  /**
   * The row as a possible control row. Nearly every row has its key (a date starting with a digit): one
   * check, no label search. Otherwise the names (vendor, description, initiative) must be empty or labels.
   */
  private controlCandidate(): ControlCandidate | null {
    const key = this.text(KEY_FIELD[this.mapping.kind]);
    if (key !== null) {
      const c = key.charCodeAt(0);
      if ((c >= 48 && c <= 57) || !isControlLabel(key)) return null;
    }
    const amounts = AMOUNT_KINDS.has(this.mapping.kind);
    if (amounts) {
      for (const f of NAME_FIELDS) {
        const t = this.text(f);
        if (t !== null && !isControlLabel(t)) return null;
      }
    }
    let label = key;
    if (label === null) {
      for (const t of this.texts) {
        if (t !== null && isControlLabel(t)) {
          label = t;
          break;
        }
      }
    }
    if (!amounts) return label === null ? null : { label, amount: null, currency: null };
    if (label === null && !this.hasAmountText()) return null;
    // Read quietly: a total's unreadable amount is reported with the total, not as a problem of a line
    // (nor counted in how the lines' amounts were formed).
    const kept = this.problems;
    this.problems = [];
    this.formation.paused = true;
    const amount = this.amount();
    this.formation.paused = false;
    this.problems = kept;
    const r = this.resolveCurrency(this.text('currency'), amount?.currency ?? null);
    const named = 'source' in r && (r.source === 'column' || r.source === 'amount') ? r.code : null;
    return { label, amount: amount?.micro ?? null, currency: named };
  }

  /** An invalid row's text when it reads as a note below a table (no amount, one or two cells, no key). */
  private noteText(): string | null {
    if (!AMOUNT_KINDS.has(this.mapping.kind) || this.hasAmountText()) return null;
    const filled = this.texts.filter((t) => t !== null) as string[];
    if (filled.length > 2) return null;
    const keyField = KEY_FIELD[this.mapping.kind];
    const keyColumn = this.header(keyField);
    if (this.text(keyField) !== null && !this.problems.some((p) => p.column === keyColumn)) return null;
    return filled.join(' ');
  }

  // ---- rows ----

  transform(row: SourceRow): RowOutcome {
    this.rowNumber = row.row;
    this.cells = row.cells;
    this.formatCurrencies = row.formatCurrencies ?? null;
    this.texts = row.cells.map(cellText);
    if (this.texts.every((t) => t === null)) return { records: [], problems: [], skipped: 'blank' };
    for (const { index, f } of this.filters) {
      const t = this.texts[index] ?? null;
      if (!filterKeeps(f, t))
        return { records: [], problems: [], skipped: 'filtered', filteredBy: filteredReason(f.filter, t) };
    }
    if (this.columnSamples.size > 0) this.sample();
    this.problems = [];
    const control = this.controlCandidate();
    if (control?.label != null) return { records: [], problems: [], skipped: 'total', control };
    const records = this.records();
    const problems = this.problems;
    if (!problems.some((p) => p.severity === 'error')) return { records, problems, skipped: null, control };
    return { records: [], problems, skipped: null, control, note: this.noteText() };
  }

  private records(): ImportRecord[] {
    const m = this.mapping;
    switch (m.kind) {
      case 'spend': {
        // Dated by year and month number, a row's problem is on those columns, not on the empty date.
        const { date, fromYearMonth } = this.dateOrYearMonth();
        this.rowCredits = null;
        const amount = this.amount();
        const currency = this.currency(amount);
        const category = this.category();
        const tokensIn = this.count('tokensIn');
        const tokensOut = this.count('tokensOut');
        const requests = this.count('requests');
        if (
          (date === null && fromYearMonth) ||
          !this.required('date', date) ||
          !this.required('amount', amount) ||
          currency === null ||
          category === null
        ) {
          return [];
        }
        // Set by amount() above (TypeScript keeps the null it was reset to before the call).
        const credited = this.rowCredits as RowCredits | null;
        if (credited) this.credits.add(currency, credited.gross, credited.credits);
        return [
          {
            kind: 'spend',
            row: this.rowNumber,
            date,
            amount: amount.micro,
            currency,
            initiative: this.initiative(),
            category,
            vendor: this.text('vendor') ?? m.vendor,
            costCenter: this.text('costCenter'),
            description: this.text('description'),
            tokensIn,
            tokensOut,
            requests,
          },
        ];
      }
      case 'budget': {
        const annual = !this.col.has('month')
          ? this.headerAnnual
          : this.text('month') === null
            ? null
            : annualPeriod(this.cell('month'), this.ctx.fiscalStartMonth);
        if (annual) return this.annualBudget(annual);
        const period = this.period('month', true);
        const amount = this.amount();
        const currency = this.currency(amount);
        const category = this.word('category', categoryFromText, CATEGORY_HINT);
        if (!this.required('month', period) || !this.required('amount', amount) || currency === null)
          return [];
        return [
          {
            kind: 'budget',
            row: this.rowNumber,
            month: period.start.slice(0, 7),
            amount: amount.micro,
            currency,
            initiative: this.initiative(),
            category: category ?? m.category,
          },
        ];
      }
      case 'benefits': {
        const date = this.dateOrPeriodStart('date');
        const initiative = this.text('initiative');
        const amount = this.amount();
        const currency = this.currency(amount);
        const type = this.word(
          'type',
          benefitTypeFromText,
          'not a benefit type (revenue, cost_savings, productivity, risk_avoidance, other)',
        );
        const realized = this.word('realized', realizedFromText, 'neither realized nor projected');
        if (
          !this.required('date', date) ||
          !this.required('initiative', initiative) ||
          !this.required('amount', amount) ||
          currency === null
        ) {
          return [];
        }
        return [
          {
            kind: 'benefits',
            row: this.rowNumber,
            date,
            initiative,
            amount: amount.micro,
            currency,
            type: type ?? m.benefitType ?? 'other',
            realized: realized ?? m.realized,
            description: this.text('description'),
            assumptions: this.benefitAssumptions(amount.micro, currency),
          },
        ];
      }
      case 'fx': {
        const period = this.period('month', true);
        let currency = this.word('currency', currencyCode, 'not an ISO 4217 currency code such as EUR');
        if (currency !== null && currency === this.ctx.reportingCurrency) {
          currency = this.fail(
            this.header('currency'),
            this.text('currency'),
            new FieldError(`${currency} is the reporting currency: its amounts need no rate`),
          );
        }
        const rate = this.rate();
        if (
          !this.required('month', period) ||
          !this.required('currency', currency) ||
          !this.required('rate', rate)
        ) {
          return [];
        }
        return [{ kind: 'fx', row: this.rowNumber, month: period.start.slice(0, 7), currency, rate }];
      }
      case 'kpis':
        return m.layout === 'wide' ? this.wideKpis() : this.longKpi();
      case 'initiatives':
        return this.initiativeRecord();
      case 'commitments':
        return this.commitmentRecord();
    }
  }

  private commitmentRecord(): ImportRecord[] {
    const vendor = this.text('vendor');
    const amount = this.amount();
    const currency = this.currency(amount);
    const start = this.date('start');
    const end = this.date('end');
    const type = this.word('type', commitmentTypeFromText, 'neither prepaid (a credit) nor commitment');
    if (
      !this.required('vendor', vendor) ||
      !this.required('amount', amount) ||
      !this.required('start', start) ||
      !this.required('end', end) ||
      !this.required('type', type) ||
      currency === null
    ) {
      return [];
    }
    if (end < start) {
      this.problems.push(
        problem(this.rowNumber, this.header('end'), this.text('end'), `ends before it starts (${start})`),
      );
      return [];
    }
    if (amount.micro <= 0) {
      this.problems.push(
        problem(
          this.rowNumber,
          this.header('amount'),
          this.text('amount'),
          'a commitment must be more than zero',
        ),
      );
      return [];
    }
    // Spend is matched by month (the rollup's grain): a window cut inside a month counts that whole month.
    if (start.slice(8) !== '01' || end !== lastDayOfMonth(end.slice(0, 7))) {
      this.problems.push(
        problem(
          this.rowNumber,
          this.header(start.slice(8) !== '01' ? 'start' : 'end'),
          start.slice(8) !== '01' ? this.text('start') : this.text('end'),
          `spend is matched by whole months: ${start.slice(0, 7)} to ${end.slice(0, 7)} count in full`,
          'warning',
          'partial-month',
        ),
      );
    }
    return [
      {
        kind: 'commitments',
        row: this.rowNumber,
        vendor,
        amount: amount.micro,
        currency,
        start,
        end,
        type,
        initiative: this.initiative(),
        description: this.text('description'),
      },
    ];
  }

  private kpiId(): string | null {
    return this.word(
      'kpi',
      (t) => this.ctx.kpiId(t) ?? null,
      'not a KPI of the catalog (add it under KPIs first, or use its id such as support_deflection)',
    );
  }

  private longKpi(): ImportRecord[] {
    const kpiId = this.kpiId();
    const period = this.period('period', false);
    const t = this.text('value');
    const value = t === null ? null : this.numberAt(this.header('value'), this.cell('value'), t);
    if (!this.required('kpi', kpiId) || !this.required('period', period) || !this.required('value', value))
      return [];
    return [
      {
        kind: 'kpis',
        row: this.rowNumber,
        kpiId,
        periodStart: period.start,
        periodEnd: period.end,
        value,
        initiative: this.text('initiative'),
        segment: this.text('segment'),
      },
    ];
  }

  private wideKpis(): ImportRecord[] {
    const kpiId = this.kpiId();
    if (!this.required('kpi', kpiId)) return [];
    const out: ImportRecord[] = [];
    for (const w of this.wideColumns) {
      const t = this.texts[w.index] ?? null;
      if (t === null) continue;
      const outside = this.periodProblem(w.period);
      if (outside) {
        this.fail(w.header, t, outside);
        continue;
      }
      const value = this.numberAt(w.header, this.cells[w.index] ?? null, t);
      if (value === null) continue;
      out.push({
        kind: 'kpis',
        row: this.rowNumber,
        kpiId,
        periodStart: w.period.start,
        periodEnd: w.period.end,
        value,
        initiative: this.text('initiative'),
        segment: this.text('segment'),
      });
    }
    return out;
  }

  private initiativeRecord(): ImportRecord[] {
    const base = this.text('name');
    const qualifier = this.text('nameQualifier');
    const name = base === null ? qualifier : qualifier ? `${base} (${qualifier})` : base;
    if (base === null && qualifier !== null) {
      this.problems.push(
        problem(
          this.rowNumber,
          this.header('name'),
          null,
          `no name: stored under its ${this.header('nameQualifier')} "${qualifier}"`,
          'warning',
          'name-qualified',
        ),
      );
    }
    const yesNo = (field: string) => this.word(field, boolFromText, 'not yes/no');
    const tier =
      this.word('riskTier', riskTierFromText, 'not a risk tier 1–4') ??
      this.word(
        'highImpact',
        riskTierFromHighImpact,
        'not a high-impact answer (yes/no, high-impact / not high-impact)',
      );
    const record: Omit<InitiativeRecord, 'name'> = {
      kind: 'initiatives',
      row: this.rowNumber,
      owner: this.text('owner'),
      businessUnit: this.text('businessUnit'),
      stage:
        this.word('stage', stageFromText, 'not a stage (idea, experiment, pilot, production, retired)') ??
        'idea',
      riskTier: tier ?? 1,
      approvalDate: this.date('approvalDate'),
      hasBaseline: yesNo('hasBaseline') ?? false,
      hasOutcomeInstrumentation: yesNo('hasOutcomeInstrumentation') ?? false,
      conceptApprovedDate: this.date('conceptApprovedDate'),
      productionDate: this.date('productionDate'),
      description: this.text('description'),
      extra: {},
    };
    if (!this.required('name', name)) return [];
    let unique = name;
    const first = this.seenNames.get(name.toLowerCase());
    if (first !== undefined) {
      if (this.mapping.duplicateNames === 'reject') {
        this.problems.push(
          problem(
            this.rowNumber,
            this.header('name'),
            name,
            `duplicate initiative name (first at row ${first})`,
            'error',
            'duplicate-name',
          ),
        );
        return [];
      }
      unique = `${name} (row ${this.rowNumber})`;
      this.problems.push(
        problem(
          this.rowNumber,
          this.header('name'),
          name,
          `the name is also used at row ${first}; stored as "${unique}"`,
          'warning',
          'name-qualified',
        ),
      );
    }
    this.seenNames.set(unique.toLowerCase(), this.rowNumber);
    const mapped = new Set(this.col.values());
    this.headers.forEach((h, i) => {
      const t = this.texts[i] ?? null;
      if (!mapped.has(i) && t !== null) record.extra[h] = t;
    });
    return [{ ...record, name: unique }];
  }
}
