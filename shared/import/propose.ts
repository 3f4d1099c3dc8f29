import { headerKey } from './headers';
import { KIND_FIELDS } from './fields';
import type { DetectedFormat } from './formats';
import { IMPORT_KINDS, completeMapping, type ImportKind, type ImportMapping } from './mapping';
import { parsePeriod } from './periods';

/** Finds the header whose key is one of `keys` (first key wins), as written in the file. */
export function findHeader(headers: readonly string[], ...keys: string[]): string | undefined {
  const byKey = new Map<string, string>();
  for (const h of headers) if (!byKey.has(headerKey(h))) byKey.set(headerKey(h), h);
  for (const k of keys) {
    const h = byKey.get(k);
    if (h !== undefined) return h;
  }
  return undefined;
}

function columnsOf(headers: readonly string[], spec: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, keys] of Object.entries(spec)) {
    const h = findHeader(headers, ...keys);
    if (h !== undefined) out[field] = h;
  }
  return out;
}

export interface ProposeOptions {
  basis: 'effective' | 'billed';
  tagKey: string;
  fiscalStartMonth: number;
}

/** The built-in mapping of a recognised vendor format; the user can still change any of it. */
export function builtinMapping(
  detected: DetectedFormat,
  headers: readonly string[],
  o: ProposeOptions,
): ImportMapping | null {
  const cols = (spec: Record<string, string[]>) => columnsOf(headers, spec);
  switch (detected.format) {
    case 'focus':
      return completeMapping({
        kind: 'spend',
        format: 'focus',
        basis: o.basis,
        columns: cols({
          date: ['chargeperiodstart'],
          amount: [o.basis === 'billed' ? 'billedcost' : 'effectivecost'],
          currency: ['billingcurrency'],
          vendor: ['providername'],
          description: ['servicename', 'chargedescription'],
          costCenter: ['subaccountname'],
          categoryHint: ['servicecategory'],
          tags: ['tags'],
        }),
        decimal: '.',
        dateOrder: 'ymd',
        categoryRule: 'cloud-service',
        tagKey: o.tagKey,
      });
    case 'azure-ea':
    case 'azure-mca':
      return completeMapping({
        kind: 'spend',
        format: detected.format,
        columns: cols({
          date: ['date', 'usagedatetime'],
          amount: detected.format === 'azure-mca' ? ['costinbillingcurrency'] : ['cost'],
          currency: ['billingcurrency', 'billingcurrencycode'],
          description: ['metername', 'product'],
          costCenter: ['costcenter'],
          categoryHint: ['metercategory'],
          tags: ['tags'],
        }),
        vendor: 'Microsoft Azure',
        decimal: '.',
        dateOrder: 'mdy',
        categoryRule: 'cloud-service',
        tagKey: o.tagKey,
      });
    case 'aws-cur':
    case 'aws-cur2': {
      const tagHeader = headers.find((h) => headerKey(h) === headerKey(`resourceTags/user:${o.tagKey}`));
      return completeMapping({
        kind: 'spend',
        format: detected.format,
        columns: {
          ...cols({
            date: ['lineitemusagestartdate'],
            amount: ['lineitemunblendedcost'],
            currency: ['lineitemcurrencycode'],
            description: ['lineitemlineitemdescription', 'productproductname'],
            categoryHint: ['lineitemproductcode'],
            tags: ['resourcetags', 'tags'],
          }),
          ...(tagHeader ? { initiative: tagHeader } : {}),
        },
        vendor: 'Amazon Web Services',
        decimal: '.',
        dateOrder: 'ymd',
        categoryRule: 'cloud-service',
        tagKey: tagHeader ? null : o.tagKey,
      });
    }
    case 'anthropic':
      return completeMapping({
        kind: 'spend',
        format: 'anthropic',
        columns: cols({ date: ['usagedateutc'], amount: ['costusd'], description: ['model'] }),
        currency: 'USD',
        vendor: 'Anthropic',
        decimal: '.',
        dateOrder: 'ymd',
        categoryRule: 'constant',
        category: 'model_api',
      });
    case 'openai-cost':
      return completeMapping({
        kind: 'spend',
        format: 'openai-cost',
        columns: cols({
          date: ['starttime'],
          amount: ['amountvalue'],
          currency: ['amountcurrency'],
          description: ['lineitem'],
        }),
        vendor: 'OpenAI',
        decimal: '.',
        dateOrder: 'ymd',
        categoryRule: 'constant',
        category: 'model_api',
        emptyAmountIsZero: true,
      });
    case 'omb-inventory':
      return completeMapping({
        kind: 'initiatives',
        format: 'omb-inventory',
        columns: cols({
          name: ['usecasename'],
          nameQualifier: ['usecaseidagencyabbrev', 'usecaseid'],
          owner: ['agencyname', 'agency'],
          businessUnit: ['bureaucomponent', 'bureau'],
          stage: ['stageofdevelopment', 'developmentstage'],
          highImpact: ['istheaiusecasehighimpact', 'ishighimpact'],
          description: ['whatproblemistheaiintendedtosolve', 'problemsolved'],
        }),
        dateOrder: 'mdy',
        duplicateNames: 'qualify-with-row',
      });
    default:
      return null;
  }
}

/** Headers of a wide KPI table that are periods (one column per month or quarter). */
export function periodHeaders(headers: readonly string[], fiscalStartMonth: number): string[] {
  return headers.filter((h) => parsePeriod(h, fiscalStartMonth) !== null);
}

function synonymColumns(kind: ImportKind, headers: readonly string[]): Record<string, string> {
  const taken = new Set<string>();
  const out: Record<string, string> = {};
  for (const spec of KIND_FIELDS[kind]) {
    const h = findHeader(
      headers.filter((x) => !taken.has(x)),
      ...spec.synonyms,
    );
    if (h !== undefined) {
      out[spec.name] = h;
      taken.add(h);
    }
  }
  return out;
}

/** How well the headers fit a kind: required fields found count most. */
function kindScore(kind: ImportKind, headers: readonly string[], fiscalStartMonth: number): number {
  if (kind === 'kpis' && periodHeaders(headers, fiscalStartMonth).length >= 2) {
    return findHeader(headers, ...KIND_FIELDS.kpis[0]!.synonyms) ? 100 : 0;
  }
  const cols = synonymColumns(kind, headers);
  const specs = KIND_FIELDS[kind];
  const required = specs.filter((s) => s.required);
  const missing = required.filter((s) => !cols[s.name]).length;
  if (missing > 0) return -missing;
  return (
    10 +
    Object.keys(cols).length +
    (KIND_SIGNAL[kind].some((k) => headers.some((h) => headerKey(h).includes(k))) ? 5 : 0)
  );
}

/** Words in headers that point at one kind when several fit. */
const KIND_SIGNAL: Record<ImportKind, string[]> = {
  spend: ['spend', 'cost', 'invoice', 'vendor'],
  budget: ['budget', 'plan', 'forecast'],
  benefits: ['benefit', 'saving', 'realized', 'realised'],
  kpis: ['kpi', 'metric'],
  initiatives: ['stage', 'owner', 'risk'],
  fx: ['fx', 'rate', 'exchange'],
};

/** The kind a generic table most likely holds, or null when none has its required columns. */
export function detectKind(headers: readonly string[], fiscalStartMonth: number): ImportKind | null {
  let best: ImportKind | null = null;
  let bestScore = 0;
  for (const kind of IMPORT_KINDS) {
    const s = kindScore(kind, headers, fiscalStartMonth);
    if (s > bestScore) {
      best = kind;
      bestScore = s;
    }
  }
  return best;
}

/** A mapping proposed for a generic table of the given kind, from header synonyms. */
export function genericMapping(
  kind: ImportKind,
  headers: readonly string[],
  fiscalStartMonth: number,
): ImportMapping {
  if (kind === 'kpis' && periodHeaders(headers, fiscalStartMonth).length >= 2) {
    const kpi = findHeader(headers, ...KIND_FIELDS.kpis[0]!.synonyms) ?? headers[0] ?? '';
    const initiative = findHeader(headers, ...KIND_FIELDS.kpis[3]!.synonyms);
    return completeMapping({ kind, layout: 'wide', columns: { kpi, ...(initiative ? { initiative } : {}) } });
  }
  const columns = synonymColumns(kind, headers);
  return completeMapping({
    kind,
    columns,
    categoryRule: kind === 'spend' && !columns.category ? 'constant' : 'column',
    category: kind === 'spend' && !columns.category ? 'other' : null,
  });
}
