import type { ImportKind } from './mapping';

export type FieldType = 'date' | 'amount' | 'text' | 'period' | 'count' | 'number' | 'bool' | 'month';

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
}

const f = (name: string, label: string, type: FieldType, required: boolean): FieldSpec => ({
  name,
  label,
  type,
  required,
});

/**
 * A ledger's ways of writing an amount: two columns (amount = debit − credit), or an unsigned amount with a
 * debit/credit indicator (DATEV's S/H, "Dr/Cr"). Either stands in for the amount column.
 */
const LEDGER_FIELDS: FieldSpec[] = [
  f('debit', 'Debit (amount = debit − credit)', 'amount', false),
  f('credit', 'Credit (subtracted)', 'amount', false),
  f('sign', 'Debit/credit indicator (S/H, Dr/Cr)', 'text', false),
];

/** Fields that stand in for the required amount: debit and credit columns (either one is enough). */
export const AMOUNT_STAND_INS = ['debit', 'credit'] as const;

/** Whether a required field is provided by the mapping's columns (the amount also by debit/credit). */
export function fieldProvided(columns: Readonly<Record<string, string>>, field: string): boolean {
  if (columns[field]) return true;
  return field === 'amount' && AMOUNT_STAND_INS.some((s) => !!columns[s]);
}

/**
 * The fields each kind of data has; `required` ones must be mapped and filled on every row. The words
 * that propose them from a header are in vocabulary.ts.
 */
export const KIND_FIELDS: Record<ImportKind, FieldSpec[]> = {
  spend: [
    f('date', 'Date', 'date', true),
    f('amount', 'Amount', 'amount', true),
    // A row without a date is dated the first of its month when the file has year and month-number columns.
    f('year', 'Year (for rows without a date)', 'count', false),
    f('monthNumber', 'Month number (for rows without a date)', 'count', false),
    ...LEDGER_FIELDS,
    // Google Cloud's `credits` (negative: discounts, free tier, promotions): the line is booked net.
    f('credits', 'Credits (added to the amount; written negative)', 'amount', false),
    f('currency', 'Currency', 'text', false),
    f('initiative', 'Initiative', 'text', false),
    f('category', 'Category', 'text', false),
    f('vendor', 'Vendor', 'text', false),
    f('costCenter', 'Cost center', 'text', false),
    f('description', 'Description', 'text', false),
    f('tokensIn', 'Input tokens', 'count', false),
    f('tokensOut', 'Output tokens', 'count', false),
    f('requests', 'Requests', 'count', false),
    f('categoryHint', 'Service (for the category)', 'text', false),
    f('tags', 'Tags', 'text', false),
  ],
  budget: [
    f('month', 'Month', 'month', true),
    f('amount', 'Budget', 'amount', true),
    ...LEDGER_FIELDS,
    f('currency', 'Currency', 'text', false),
    f('initiative', 'Initiative', 'text', false),
    f('category', 'Category', 'text', false),
  ],
  benefits: [
    f('date', 'Date', 'date', true),
    f('initiative', 'Initiative', 'text', true),
    f('amount', 'Benefit', 'amount', true),
    ...LEDGER_FIELDS,
    f('currency', 'Currency', 'text', false),
    f('type', 'Benefit type', 'text', false),
    f('realized', 'Realized / projected', 'text', false),
    f('description', 'Description', 'text', false),
    f('low', 'Low case (same unit as the benefit)', 'amount', false),
    f('high', 'High case (same unit as the benefit)', 'amount', false),
    f('assumption', 'Assumption (what drives the figure)', 'text', false),
    f('owner', 'Assumption owner', 'text', false),
    f('source', 'Evidence source', 'text', false),
    f('confidence', 'Confidence (low, medium, high)', 'text', false),
    f('evidenceDate', 'Evidence date', 'date', false),
  ],
  kpis: [
    f('kpi', 'KPI', 'text', true),
    f('period', 'Period', 'period', true),
    f('value', 'Value', 'number', true),
    f('initiative', 'Initiative', 'text', false),
    f('segment', 'Segment', 'text', false),
  ],
  fx: [
    f('month', 'Month', 'month', true),
    f('currency', 'Currency', 'text', true),
    f('rate', 'Rate (reporting currency per unit)', 'number', true),
  ],
  commitments: [
    f('vendor', 'Vendor', 'text', true),
    f('amount', 'Commitment / prepaid amount', 'amount', true),
    f('start', 'Start date', 'date', true),
    f('end', 'End date', 'date', true),
    f('type', 'Type (prepaid or commitment)', 'text', true),
    f('currency', 'Currency', 'text', false),
    f('initiative', 'Initiative', 'text', false),
    f('description', 'Description', 'text', false),
  ],
  initiatives: [
    f('name', 'Name', 'text', true),
    f('nameQualifier', 'Name qualifier (kept unique with the name)', 'text', false),
    f('owner', 'Owner', 'text', false),
    f('businessUnit', 'Business unit', 'text', false),
    f('stage', 'Stage', 'text', false),
    f('riskTier', 'Risk tier (1–4)', 'text', false),
    f('highImpact', 'High-impact / high-risk flag', 'text', false),
    f('approvalDate', 'Formal approval date', 'date', false),
    f('hasBaseline', 'Has baseline', 'bool', false),
    f('hasOutcomeInstrumentation', 'Outcome instrumentation', 'bool', false),
    f('conceptApprovedDate', 'Concept approved', 'date', false),
    f('productionDate', 'In production since', 'date', false),
    f('description', 'Description', 'text', false),
  ],
};

export function fieldSpec(kind: ImportKind, name: string): FieldSpec | undefined {
  return KIND_FIELDS[kind].find((s) => s.name === name);
}

/**
 * The required fields a mapping leaves without a source, as field specs: the one rule the transform's
 * "unmapped-required" problem and the mapping editor's "Map this column" both follow, so the editor never
 * flags a field the import does not need (a wide KPI table's period and value come from its headers; a
 * spend row is dated by year and month-number columns; debit/credit stand in for the amount).
 */
export function missingRequiredFields(
  mapping: {
    kind: ImportKind;
    columns: Readonly<Record<string, string>>;
    layout?: 'long' | 'wide';
  },
  /** An annual budget whose header names its year ("Budget FY2026"): the month comes from the header. */
  options: { monthFromHeader?: boolean } = {},
): FieldSpec[] {
  const c = mapping.columns;
  if (mapping.kind === 'kpis' && mapping.layout === 'wide')
    return KIND_FIELDS.kpis.filter((s) => s.name === 'kpi' && !c.kpi);
  const datedByYearMonth = (name: string) =>
    mapping.kind === 'spend' && name === 'date' && Boolean(c.year && c.monthNumber);
  return KIND_FIELDS[mapping.kind].filter(
    (s) =>
      s.required &&
      !fieldProvided(c, s.name) &&
      !datedByYearMonth(s.name) &&
      !(s.name === 'month' && options.monthFromHeader),
  );
}
