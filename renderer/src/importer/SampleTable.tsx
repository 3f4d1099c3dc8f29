import type { ImportPreview, ImportRecord } from '../../../shared/api';
import { KIND_FIELDS } from '../../../shared/import/fields';
import type { SpendCategory } from '../../../shared/domain';
import { CATEGORY_LABEL } from '../../../shared/labels';
import { formatExactMoney } from '../format';

const AMOUNT_FIELDS = new Set(['amount']);

function cell(record: ImportRecord, key: string): string {
  const v = (record as unknown as Record<string, unknown>)[key];
  if (v === null || v === undefined) return '';
  if (AMOUNT_FIELDS.has(key) && typeof v === 'number') {
    // As stored: to the micro-unit, so sub-cent billing lines do not all read $0.00.
    const currency = (record as { currency?: string }).currency ?? 'USD';
    return formatExactMoney(v, currency);
  }
  if (key === 'category' && typeof v === 'string' && v in CATEGORY_LABEL)
    return CATEGORY_LABEL[v as SpendCategory];
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return String(v);
}

/**
 * The first records as they will be stored. Rows with problems are highlighted, and within them the
 * cells whose field is read from the column a problem names.
 */
export function SampleTable({ preview }: { preview: ImportPreview }) {
  if (preview.sample.length === 0) return <p className="muted">No rows to show.</p>;
  const keys = Object.keys(preview.sample[0]!).filter((k) => k !== 'kind' && k !== 'row');
  const specs = preview.kind ? KIND_FIELDS[preview.kind] : [];
  const labelOf = (k: string) =>
    specs.find((f) => f.name === k)?.label ?? k.replace(/([a-z])([A-Z])/g, '$1 $2');
  const fieldOfColumn = new Map(
    Object.entries(preview.mapping?.columns ?? {}).map(([field, col]) => [col, field]),
  );
  const problemsByRow = new Map<number, Set<string>>();
  for (const p of preview.problems) {
    if (p.row === null) continue;
    const set = problemsByRow.get(p.row) ?? new Set<string>();
    set.add(p.column ? (fieldOfColumn.get(p.column) ?? '*') : '*');
    problemsByRow.set(p.row, set);
  }
  return (
    <div
      className="table-wrap sample"
      data-testid="sample"
      tabIndex={0}
      role="region"
      aria-label="First rows, scrollable"
    >
      <table className="table table-compact" aria-label="First rows as they will be stored">
        <thead>
          <tr>
            <th scope="col" className="num">
              Row
            </th>
            {keys.map((k) => (
              <th scope="col" key={k} className={AMOUNT_FIELDS.has(k) ? 'num' : undefined}>
                {labelOf(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((r, i) => {
            const bad = problemsByRow.get(r.row);
            return (
              // A source row can make several records (a year's budget: twelve months; a wide KPI row).
              <tr key={`${r.row}:${i}`} className={bad ? 'row-problem' : undefined}>
                <th scope="row" className="num">
                  {r.row}
                </th>
                {keys.map((k) => (
                  <td
                    key={k}
                    title={cell(r, k)}
                    className={`${AMOUNT_FIELDS.has(k) ? 'num' : ''}${bad?.has(k) ? ' cell-problem' : ''}`}
                  >
                    {cell(r, k)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
