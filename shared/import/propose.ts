import { findHeader } from './columns';
import { headerKey } from './headers';
import { KIND_FIELDS } from './fields';
import type { DetectedFormat } from './formats';
import { IMPORT_KINDS, completeMapping, type ImportKind, type ImportMapping } from './mapping';
import { parsePeriod } from './periods';
import { sourceOf } from './sources';
import { headerView, type ProposeOptions } from './sources/source';

export type { ProposeOptions };

/** The built-in mapping of a recognised vendor format; the user can still change any of it. */
export function builtinMapping(
  detected: DetectedFormat,
  headers: readonly string[],
  o: ProposeOptions,
): ImportMapping | null {
  const mapping = sourceOf(detected.format)?.mapping?.(headerView(headers), o);
  return mapping ? completeMapping(mapping) : null;
}

/** A format's amount column for a cost basis (FOCUS); the mapping unchanged for formats with one cost. */
export function withBasis(
  mapping: ImportMapping,
  headers: readonly string[],
  basis: 'effective' | 'billed',
): ImportMapping {
  const column = sourceOf(mapping.format)?.amountForBasis?.(headerView(headers), basis);
  return column ? { ...mapping, basis, columns: { ...mapping.columns, amount: column } } : mapping;
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
