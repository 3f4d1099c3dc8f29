import type { ImportKind, ImportRecord } from '../../../shared/api';
import { KIND_FIELDS } from '../../../shared/import/fields';
import type { SpendCategory } from '../../../shared/domain';
import { CATEGORY_LABEL } from '../../../shared/labels';
import { formatExactMoney } from '../format';

/** One column of the sample: a record field, or one key of a nested one (a benefit's `assumptions.low`). */
export interface SampleColumn {
  /** The record path, e.g. `amount`, `assumptions.low`, `extra.Sponsor`. */
  key: string;
  /** The mapping field it comes from, for the problem highlight (`low` for `assumptions.low`). */
  field: string;
  label: string;
  money: boolean;
}

/** Money fields, at the top level or nested (a benefit's low and high cases). */
const MONEY_FIELDS = new Set(['amount', 'low', 'high']);
const HIDDEN = new Set(['kind', 'row']);

function valueAt(record: ImportRecord, key: string): unknown {
  let v: unknown = record;
  for (const part of key.split('.')) v = (v as Record<string, unknown> | null)?.[part];
  return v;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The sample's columns: record fields in order, nested objects spread into one column per key (never
 * "[object Object]"), and a nested key shown only when some sample row has a value for it.
 */
export function sampleColumns(kind: ImportKind | null, sample: readonly ImportRecord[]): SampleColumn[] {
  const specs = kind ? KIND_FIELDS[kind] : [];
  const labelOf = (k: string) =>
    specs.find((f) => f.name === k)?.label ?? k.replace(/([a-z])([A-Z])/g, '$1 $2');
  const columns: SampleColumn[] = [];
  const seen = new Set<string>();
  const add = (c: SampleColumn) => {
    if (seen.has(c.key)) return;
    seen.add(c.key);
    columns.push(c);
  };
  for (const record of sample) {
    for (const [key, value] of Object.entries(record)) {
      if (HIDDEN.has(key)) continue;
      if (!isPlainObject(value)) {
        add({ key, field: key, label: labelOf(key), money: MONEY_FIELDS.has(key) });
        continue;
      }
      // `extra` holds the file's own column names (kept with an initiative): shown under those names.
      const kept = key === 'extra';
      for (const [sub, v] of Object.entries(value)) {
        if (v === null || v === undefined || v === '') continue;
        add({
          key: `${key}.${sub}`,
          field: sub,
          label: kept ? `${sub} (kept)` : labelOf(sub),
          money: !kept && MONEY_FIELDS.has(sub),
        });
      }
    }
  }
  return columns;
}

/** A cell as text: money to the micro-unit as stored, labels for codes, Yes/No, lists joined. */
export function sampleCell(record: ImportRecord, column: SampleColumn): string {
  const v = valueAt(record, column.key);
  if (v === null || v === undefined) return '';
  if (column.money && typeof v === 'number') {
    // As stored: to the micro-unit, so sub-cent billing lines do not all read $0.00.
    const currency = (record as { currency?: string }).currency ?? 'USD';
    return formatExactMoney(v, currency);
  }
  if (column.key === 'category' && typeof v === 'string' && v in CATEGORY_LABEL)
    return CATEGORY_LABEL[v as SpendCategory];
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v)) return v.map(String).join(', ');
  if (isPlainObject(v))
    return Object.entries(v)
      .filter(([, x]) => x !== null && x !== undefined)
      .map(([k, x]) => `${k}: ${String(x)}`)
      .join('; ');
  return String(v);
}
