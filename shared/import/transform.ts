import type { SpendCategory } from '../domain';
import { cellText, type Cell, type SourceRow } from './cells';
import { DateParseError, parseDate, type DateOrder } from './dates';
import {
  benefitTypeFromText,
  boolFromText,
  categoryFromCloudService,
  categoryFromText,
  realizedFromText,
  riskTierFromHighImpact,
  riskTierFromText,
  stageFromText,
} from './enums';
import type { FormatEvidence } from './evidence';
import { KIND_FIELDS } from './fields';
import type { ImportMapping } from './mapping';
import {
  NumberParseError,
  parseAmountMicro,
  parseCount,
  parseNumberValue,
  type DecimalSeparator,
} from './numbers';
import { parsePeriod, type Period } from './periods';
import { problem, type ImportProblem } from './problems';
import type { ImportRecord, InitiativeRecord } from './records';
import { readTag } from './tags';

export interface TransformContext {
  fiscalStartMonth: number;
  reportingCurrency: string;
  /** The KPI id a cell names, by id or by name; undefined when the catalog has no such KPI. */
  kpiId(text: string): string | undefined;
}

export interface ValueSettings {
  decimal: DecimalSeparator;
  dateOrder: DateOrder;
}

export interface RowOutcome {
  records: ImportRecord[];
  problems: ImportProblem[];
  /** Rows left out by design: blank rows, and a spreadsheet's "Total" row (reported, not stored). */
  skipped: 'blank' | 'total' | null;
}

const TOTAL_RE = /^(grand\s+|sub-?)?totals?\b/i;

/** Thrown inside a field reader; becomes a problem on the row and column. */
class FieldError extends Error {}

/**
 * Turns source rows into records for one mapping: every value parsed exactly, every problem named by
 * row and column. One instance per pass over the file (it remembers initiative names seen for duplicates).
 */
export class RowTransformer {
  /** File-level problems: required fields unmapped, mapped columns absent from the file. */
  readonly fileProblems: ImportProblem[] = [];
  /** Columns the mapping does not read (shown in the preview; kept in extra for initiatives). */
  readonly unmapped: string[];
  private readonly col = new Map<string, number>();
  private readonly wideColumns: { index: number; header: string; period: Period }[] = [];
  private readonly seenNames = new Map<string, number>();

  constructor(
    readonly mapping: ImportMapping,
    readonly headers: readonly string[],
    private readonly ctx: TransformContext,
    private readonly settings: ValueSettings,
    private readonly evidence: FormatEvidence | null = null,
  ) {
    for (const [field, header] of Object.entries(mapping.columns)) {
      const index = headers.indexOf(header);
      if (index === -1) {
        this.fileProblems.push(
          problem(
            null,
            header,
            null,
            `the mapping reads ${field} from column "${header}", which this file does not have`,
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
      if (!this.col.has('kpi'))
        this.fileProblems.push(problem(null, null, null, 'no column is mapped to the KPI'));
      if (this.wideColumns.length === 0) {
        this.fileProblems.push(
          problem(
            null,
            null,
            null,
            'a wide KPI table needs period headers such as 2026-03, Mar 2026 or FY2026-Q3',
          ),
        );
      }
    } else {
      for (const spec of KIND_FIELDS[mapping.kind]) {
        if (
          spec.required &&
          !mapping.columns[spec.name] &&
          !this.fileProblems.some((p) => p.column === mapping.columns[spec.name])
        ) {
          this.fileProblems.push(
            problem(null, null, null, `no column is mapped to the required field "${spec.label}"`),
          );
        }
      }
    }
    const used = new Set([...this.col.values(), ...this.wideColumns.map((w) => w.index)]);
    this.unmapped = headers.filter((_, i) => !used.has(i));
  }

  /** The current row's cells as text (null = blank), computed once per row: every field reads it. */
  private texts: (string | null)[] = [];

  private cell(row: SourceRow, field: string): Cell {
    const i = this.col.get(field);
    return i === undefined ? null : (row.cells[i] ?? null);
  }

  private text(_row: SourceRow, field: string): string | null {
    const i = this.col.get(field);
    return i === undefined ? null : (this.texts[i] ?? null);
  }

  private header(field: string): string {
    return this.mapping.columns[field] ?? field;
  }

  private isTotalRow(row: SourceRow): boolean {
    const first = this.texts.slice(0, 3);
    if (!first.some((t) => t !== null && TOTAL_RE.test(t))) return false;
    const keyField = { spend: 'date', budget: 'month', benefits: 'date', kpis: 'kpi', initiatives: 'name' }[
      this.mapping.kind
    ];
    const key = this.text(row, keyField);
    return key === null || TOTAL_RE.test(key);
  }

  transform(row: SourceRow): RowOutcome {
    this.texts = row.cells.map(cellText);
    if (this.texts.every((t) => t === null)) return { records: [], problems: [], skipped: 'blank' };
    if (this.isTotalRow(row)) return { records: [], problems: [], skipped: 'total' };
    const problems: ImportProblem[] = [];
    const read = <T>(field: string, fn: (text: string, cell: Cell) => T): T | null => {
      const t = this.text(row, field);
      if (t === null) return null;
      const c = this.cell(row, field);
      try {
        return fn(t, c);
      } catch (err) {
        if (
          err instanceof FieldError ||
          err instanceof NumberParseError ||
          err instanceof DateParseError ||
          err instanceof RangeError
        ) {
          problems.push(problem(row.row, this.header(field), t, err.message));
          return null;
        }
        if (err instanceof Error && /outside the range/.test(err.message)) {
          problems.push(problem(row.row, this.header(field), t, err.message));
          return null;
        }
        throw err;
      }
    };
    const need = <T>(field: string, value: T | null, what = 'empty'): value is T => {
      if (value !== null) return true;
      if (!problems.some((p) => p.column === this.header(field))) {
        problems.push(
          problem(row.row, this.header(field), this.text(row, field), `${what}: a value is required`),
        );
      }
      return false;
    };
    const records = this.records(row, read, need, problems);
    return { records: problems.some((p) => p.severity === 'error') ? [] : records, problems, skipped: null };
  }

  private amount(row: SourceRow, t: string): { micro: number; currency: string | null } {
    this.evidence?.number(t, row.row, this.header('amount'));
    return parseAmountMicro(t, this.settings.decimal);
  }

  private date(row: SourceRow, field: string, c: Cell): string {
    this.evidence?.date(c, row.row, this.header(field));
    return parseDate(c, this.settings.dateOrder);
  }

  private currency(row: SourceRow, fromCell: string | null): string {
    const t = this.text(row, 'currency');
    const code = (t ?? fromCell ?? this.mapping.currency ?? this.ctx.reportingCurrency).toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) throw new FieldError('not an ISO 4217 currency code such as USD');
    return code;
  }

  private category(row: SourceRow): SpendCategory {
    switch (this.mapping.categoryRule) {
      case 'constant':
        return this.mapping.category ?? 'other';
      case 'cloud-service':
        return categoryFromCloudService(this.text(row, 'categoryHint'));
      default: {
        const t = this.text(row, 'category');
        if (t === null) return this.mapping.category ?? 'other';
        const c = categoryFromText(t);
        if (!c)
          throw new FieldError('not a spend category (platform, model_api, compute, labor, tooling, other)');
        return c;
      }
    }
  }

  private initiative(row: SourceRow): string | null {
    const direct = this.text(row, 'initiative');
    if (direct !== null) return direct;
    return this.mapping.tagKey ? readTag(this.text(row, 'tags'), this.mapping.tagKey) : null;
  }

  private records(
    row: SourceRow,
    read: <T>(field: string, fn: (text: string, cell: Cell) => T) => T | null,
    need: <T>(field: string, value: T | null, what?: string) => value is T,
    problems: ImportProblem[],
  ): ImportRecord[] {
    const m = this.mapping;
    const count = (field: string) =>
      read(field, (t) => {
        this.evidence?.number(t, row.row, this.header(field));
        return parseCount(t, this.settings.decimal);
      });
    const amountOf = () => {
      const a = read('amount', (t) => this.amount(row, t));
      if (a === null && m.emptyAmountIsZero && this.text(row, 'amount') === null)
        return { micro: 0, currency: null };
      return a;
    };
    switch (m.kind) {
      case 'spend': {
        const date = read('date', (_t, c) => this.date(row, 'date', c));
        const amount = amountOf();
        const currency = this.guard(row, 'currency', problems, () =>
          this.currency(row, amount?.currency ?? null),
        );
        const category = this.guard(row, 'category', problems, () => this.category(row));
        const tokensIn = count('tokensIn');
        const tokensOut = count('tokensOut');
        const requests = count('requests');
        if (!need('date', date) || !need('amount', amount) || currency === null || category === null)
          return [];
        return [
          {
            kind: 'spend',
            row: row.row,
            date,
            amount: amount.micro,
            currency,
            initiative: this.initiative(row),
            category,
            vendor: this.text(row, 'vendor') ?? m.vendor,
            costCenter: this.text(row, 'costCenter'),
            description: this.text(row, 'description'),
            tokensIn,
            tokensOut,
            requests,
          },
        ];
      }
      case 'budget': {
        const month = read('month', (_t, c) => {
          this.evidence?.date(c, row.row, this.header('month'));
          const p = parsePeriod(c, this.ctx.fiscalStartMonth, this.settings.dateOrder);
          if (!p) throw new FieldError('not a month (use e.g. 2026-03 or Mar 2026)');
          if (p.granularity !== 'month') throw new FieldError('budgets are monthly: give one row per month');
          return p.start.slice(0, 7);
        });
        const amount = amountOf();
        const currency = this.guard(row, 'currency', problems, () =>
          this.currency(row, amount?.currency ?? null),
        );
        const category = read('category', (t) => {
          const c = categoryFromText(t);
          if (!c)
            throw new FieldError(
              'not a spend category (platform, model_api, compute, labor, tooling, other)',
            );
          return c;
        });
        if (!need('month', month) || !need('amount', amount) || currency === null) return [];
        return [
          {
            kind: 'budget',
            row: row.row,
            month,
            amount: amount.micro,
            currency,
            initiative: this.initiative(row),
            category: category ?? m.category,
          },
        ];
      }
      case 'benefits': {
        const date = read('date', (t, c) => {
          try {
            return this.date(row, 'date', c);
          } catch (err) {
            const p = parsePeriod(c, this.ctx.fiscalStartMonth, this.settings.dateOrder);
            if (p) return p.start;
            throw err;
          }
        });
        const initiative = this.text(row, 'initiative');
        const amount = amountOf();
        const currency = this.guard(row, 'currency', problems, () =>
          this.currency(row, amount?.currency ?? null),
        );
        const type = read('type', (t) => {
          const b = benefitTypeFromText(t);
          if (!b)
            throw new FieldError(
              'not a benefit type (revenue, cost_savings, productivity, risk_avoidance, other)',
            );
          return b;
        });
        const realized = read('realized', (t) => {
          const r = realizedFromText(t);
          if (r === null) throw new FieldError('neither realized nor projected');
          return r;
        });
        if (
          !need('date', date) ||
          !need('initiative', initiative) ||
          !need('amount', amount) ||
          currency === null
        )
          return [];
        return [
          {
            kind: 'benefits',
            row: row.row,
            date,
            initiative,
            amount: amount.micro,
            currency,
            type: type ?? m.benefitType ?? 'other',
            realized: realized ?? m.realized,
            description: this.text(row, 'description'),
          },
        ];
      }
      case 'kpis':
        return m.layout === 'wide' ? this.wideKpis(row, read, need, problems) : this.longKpi(row, read, need);
      case 'initiatives':
        return this.initiativeRecord(row, read, need, problems);
    }
  }

  private guard<T>(row: SourceRow, field: string, problems: ImportProblem[], fn: () => T): T | null {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      problems.push(problem(row.row, this.header(field), this.text(row, field), err.message));
      return null;
    }
  }

  private kpiId(text: string): string {
    const id = this.ctx.kpiId(text);
    if (!id)
      throw new FieldError(
        'not a KPI of the catalog (add it under KPIs first, or use its id such as support_deflection)',
      );
    return id;
  }

  private longKpi(
    row: SourceRow,
    read: <T>(field: string, fn: (text: string, cell: Cell) => T) => T | null,
    need: <T>(field: string, value: T | null, what?: string) => value is T,
  ): ImportRecord[] {
    const kpiId = read('kpi', (t) => this.kpiId(t));
    const period = read('period', (_t, c) => {
      this.evidence?.date(c, row.row, this.header('period'));
      const p = parsePeriod(c, this.ctx.fiscalStartMonth, this.settings.dateOrder);
      if (!p) throw new FieldError('not a period (use e.g. 2026-03, Mar 2026, Q3 2026 or FY2026-Q3)');
      return p;
    });
    const value = read('value', (t) => {
      this.evidence?.number(t, row.row, this.header('value'));
      return parseNumberValue(t, this.settings.decimal);
    });
    if (!need('kpi', kpiId) || !need('period', period) || !need('value', value)) return [];
    return [
      {
        kind: 'kpis',
        row: row.row,
        kpiId,
        periodStart: period.start,
        periodEnd: period.end,
        value,
        initiative: this.text(row, 'initiative'),
        segment: this.text(row, 'segment'),
      },
    ];
  }

  private wideKpis(
    row: SourceRow,
    read: <T>(field: string, fn: (text: string, cell: Cell) => T) => T | null,
    need: <T>(field: string, value: T | null, what?: string) => value is T,
    problems: ImportProblem[],
  ): ImportRecord[] {
    const kpiId = read('kpi', (t) => this.kpiId(t));
    if (!need('kpi', kpiId)) return [];
    const out: ImportRecord[] = [];
    for (const w of this.wideColumns) {
      const t = this.texts[w.index] ?? null;
      if (t === null) continue;
      try {
        this.evidence?.number(t, row.row, w.header);
        const value = parseNumberValue(t, this.settings.decimal);
        out.push({
          kind: 'kpis',
          row: row.row,
          kpiId,
          periodStart: w.period.start,
          periodEnd: w.period.end,
          value,
          initiative: this.text(row, 'initiative'),
          segment: this.text(row, 'segment'),
        });
      } catch (err) {
        if (!(err instanceof NumberParseError)) throw err;
        problems.push(problem(row.row, w.header, t, err.message));
      }
    }
    return out;
  }

  private initiativeRecord(
    row: SourceRow,
    read: <T>(field: string, fn: (text: string, cell: Cell) => T) => T | null,
    need: <T>(field: string, value: T | null, what?: string) => value is T,
    problems: ImportProblem[],
  ): ImportRecord[] {
    const base = this.text(row, 'name');
    const qualifier = this.text(row, 'nameQualifier');
    const name = base === null ? qualifier : qualifier ? `${base} (${qualifier})` : base;
    if (base === null && qualifier !== null) {
      problems.push(
        problem(
          row.row,
          this.header('name'),
          null,
          `no name: stored under its ${this.header('nameQualifier')} "${qualifier}"`,
          'warning',
        ),
      );
    }
    const dateField = (field: string) => read(field, (_t, c) => this.date(row, field, c));
    const bool = (field: string) =>
      read(field, (t) => {
        const b = boolFromText(t);
        if (b === null) throw new FieldError('not yes/no');
        return b;
      });
    const stage = read('stage', (t) => {
      const s = stageFromText(t);
      if (!s) throw new FieldError('not a stage (idea, experiment, pilot, production, retired)');
      return s;
    });
    const tier =
      read('riskTier', (t) => {
        const r = riskTierFromText(t);
        if (!r) throw new FieldError('not a risk tier 1–4');
        return r;
      }) ??
      read('highImpact', (t) => {
        const r = riskTierFromHighImpact(t);
        if (!r) throw new FieldError('not a high-impact answer (yes/no, high-impact / not high-impact)');
        return r;
      });
    const record: Omit<InitiativeRecord, 'name'> = {
      kind: 'initiatives',
      row: row.row,
      owner: this.text(row, 'owner'),
      businessUnit: this.text(row, 'businessUnit'),
      stage: stage ?? 'idea',
      riskTier: tier ?? 1,
      approvalDate: dateField('approvalDate'),
      hasBaseline: bool('hasBaseline') ?? false,
      hasOutcomeInstrumentation: bool('hasOutcomeInstrumentation') ?? false,
      conceptApprovedDate: dateField('conceptApprovedDate'),
      productionDate: dateField('productionDate'),
      description: this.text(row, 'description'),
      extra: {},
    };
    if (!need('name', name)) return [];
    let unique = name;
    const first = this.seenNames.get(name.toLowerCase());
    if (first !== undefined) {
      if (this.mapping.duplicateNames === 'reject') {
        problems.push(
          problem(row.row, this.header('name'), name, `duplicate initiative name (first at row ${first})`),
        );
        return [];
      }
      unique = `${name} (row ${row.row})`;
      problems.push(
        problem(
          row.row,
          this.header('name'),
          name,
          `the name is also used at row ${first}; stored as "${unique}"`,
          'warning',
        ),
      );
    }
    this.seenNames.set(unique.toLowerCase(), row.row);
    const mappedIdx = new Set(this.col.values());
    this.headers.forEach((h, i) => {
      if (mappedIdx.has(i)) return;
      const t = this.texts[i] ?? null;
      if (t !== null) record.extra[h] = t;
    });
    return [{ ...record, name: unique }];
  }
}
