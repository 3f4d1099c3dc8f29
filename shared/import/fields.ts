import type { ImportKind } from './mapping';

export type FieldType = 'date' | 'amount' | 'text' | 'period' | 'count' | 'number' | 'bool' | 'month';

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** Header keys (see headerKey) that propose this field in a generic file. */
  synonyms: string[];
}

const f = (
  name: string,
  label: string,
  type: FieldType,
  required: boolean,
  synonyms: string[],
): FieldSpec => ({
  name,
  label,
  type,
  required,
  synonyms,
});

const INITIATIVE = [
  'initiative',
  'initiativename',
  'project',
  'usecase',
  'usecasename',
  'program',
  'aiinitiative',
];
const CURRENCY = ['currency', 'currencycode', 'ccy', 'billingcurrency'];
const AMOUNT = ['amount', 'cost', 'spend', 'value', 'total', 'amountusd', 'costusd', 'actual', 'actuals'];

/** The fields each kind of data has; `required` ones must be mapped and filled on every row. */
export const KIND_FIELDS: Record<ImportKind, FieldSpec[]> = {
  spend: [
    f('date', 'Date', 'date', true, [
      'date',
      'usagedate',
      'invoicedate',
      'postingdate',
      'transactiondate',
      'chargedate',
      'timestamp',
      'datetime',
    ]),
    f('amount', 'Amount', 'amount', true, [...AMOUNT, 'netamount', 'extendedcost']),
    f('currency', 'Currency', 'text', false, CURRENCY),
    f('initiative', 'Initiative', 'text', false, INITIATIVE),
    f('category', 'Category', 'text', false, ['category', 'spendcategory', 'costcategory', 'type']),
    f('vendor', 'Vendor', 'text', false, ['vendor', 'supplier', 'provider', 'vendorname', 'payee']),
    f('costCenter', 'Cost center', 'text', false, ['costcenter', 'costcentre', 'cc', 'department']),
    f('description', 'Description', 'text', false, ['description', 'memo', 'details', 'item', 'lineitem']),
    f('tokensIn', 'Input tokens', 'count', false, ['tokensin', 'inputtokens']),
    f('tokensOut', 'Output tokens', 'count', false, ['tokensout', 'outputtokens']),
    f('requests', 'Requests', 'count', false, ['requests', 'nummodelrequests', 'calls']),
    f('categoryHint', 'Service (for the category)', 'text', false, []),
    f('tags', 'Tags', 'text', false, []),
  ],
  budget: [
    f('month', 'Month', 'month', true, ['month', 'period', 'budgetmonth', 'date']),
    f('amount', 'Budget', 'amount', true, ['budget', 'amount', 'budgetamount', 'plan', 'value']),
    f('currency', 'Currency', 'text', false, CURRENCY),
    f('initiative', 'Initiative', 'text', false, INITIATIVE),
    f('category', 'Category', 'text', false, ['category', 'spendcategory', 'costcategory']),
  ],
  benefits: [
    f('date', 'Date', 'date', true, ['date', 'benefitdate', 'month', 'period']),
    f('initiative', 'Initiative', 'text', true, INITIATIVE),
    f('amount', 'Benefit', 'amount', true, ['benefit', 'amount', 'value', 'benefitamount', 'savings']),
    f('currency', 'Currency', 'text', false, CURRENCY),
    f('type', 'Benefit type', 'text', false, ['type', 'benefittype', 'category']),
    f('realized', 'Realized / projected', 'text', false, [
      'realized',
      'realised',
      'status',
      'realizedprojected',
      'actualorprojected',
    ]),
    f('description', 'Description', 'text', false, ['description', 'notes', 'memo']),
  ],
  kpis: [
    f('kpi', 'KPI', 'text', true, ['kpi', 'kpiid', 'kpiname', 'metric', 'measure', 'indicator']),
    f('period', 'Period', 'period', true, ['period', 'month', 'quarter', 'date']),
    f('value', 'Value', 'number', true, ['value', 'actual', 'result', 'score']),
    f('initiative', 'Initiative', 'text', false, INITIATIVE),
    f('segment', 'Segment', 'text', false, ['segment', 'region', 'team', 'businessunit']),
  ],
  fx: [
    f('month', 'Month', 'month', true, ['month', 'period', 'date']),
    f('currency', 'Currency', 'text', true, ['currency', 'ccy', 'currencycode', 'fromcurrency', 'code']),
    f('rate', 'Rate (reporting currency per unit)', 'number', true, [
      'rate',
      'fxrate',
      'exchangerate',
      'value',
    ]),
  ],
  initiatives: [
    f('name', 'Name', 'text', true, [
      'name',
      'initiative',
      'initiativename',
      'usecasename',
      'project',
      'title',
    ]),
    f('nameQualifier', 'Name qualifier (kept unique with the name)', 'text', false, []),
    f('owner', 'Owner', 'text', false, ['owner', 'lead', 'sponsor', 'accountable']),
    f('businessUnit', 'Business unit', 'text', false, [
      'businessunit',
      'bu',
      'department',
      'division',
      'bureaucomponent',
    ]),
    f('stage', 'Stage', 'text', false, [
      'stage',
      'status',
      'phase',
      'stageofdevelopment',
      'developmentstage',
    ]),
    f('riskTier', 'Risk tier (1–4)', 'text', false, ['risktier', 'tier', 'risk', 'risklevel']),
    f('highImpact', 'High-impact / high-risk flag', 'text', false, [
      'highimpact',
      'ishighimpact',
      'highrisk',
    ]),
    f('approvalDate', 'Formal approval date', 'date', false, ['approvaldate', 'approved', 'approvedon']),
    f('hasBaseline', 'Has baseline', 'bool', false, ['hasbaseline', 'baseline', 'baselinedefined']),
    f('hasOutcomeInstrumentation', 'Outcome instrumentation', 'bool', false, [
      'instrumented',
      'hasoutcomeinstrumentation',
    ]),
    f('conceptApprovedDate', 'Concept approved', 'date', false, [
      'conceptapproved',
      'conceptapproveddate',
      'startdate',
    ]),
    f('productionDate', 'In production since', 'date', false, [
      'productiondate',
      'golive',
      'golivedate',
      'livedate',
    ]),
    f('description', 'Description', 'text', false, ['description', 'summary', 'purpose']),
  ],
};

export function fieldSpec(kind: ImportKind, name: string): FieldSpec | undefined {
  return KIND_FIELDS[kind].find((s) => s.name === name);
}
