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
 * The fields each kind of data has; `required` ones must be mapped and filled on every row. The words
 * that propose them from a header are in vocabulary.ts.
 */
export const KIND_FIELDS: Record<ImportKind, FieldSpec[]> = {
  spend: [
    f('date', 'Date', 'date', true),
    f('amount', 'Amount', 'amount', true),
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
    f('currency', 'Currency', 'text', false),
    f('initiative', 'Initiative', 'text', false),
    f('category', 'Category', 'text', false),
  ],
  benefits: [
    f('date', 'Date', 'date', true),
    f('initiative', 'Initiative', 'text', true),
    f('amount', 'Benefit', 'amount', true),
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
