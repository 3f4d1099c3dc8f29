import type { ImportMapping } from '../../../shared/api';

type RowFilter = ImportMapping['filters'][number];

/** Values as typed: separated by commas (a value ending in * matches as a prefix: 4* is every 4xxx account). */
function valuesOf(text: string): string[] {
  return text.split(',').map((v) => v.trim());
}

/**
 * "Keep only rows where <column> is / is not <values>": a general ledger or an expense tool's export imported
 * without editing it (Type = Expense). Saved with the mapping, so the next file of this layout is filtered
 * the same way.
 */
export function RowFilterEditor({
  headers,
  filters,
  onChange,
}: {
  headers: readonly string[];
  filters: readonly RowFilter[];
  onChange(filters: RowFilter[]): void;
}) {
  const set = (i: number, patch: Partial<RowFilter>) =>
    onChange(filters.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <fieldset className="row-filters" data-testid="row-filters">
      <legend>Keep only rows where</legend>
      {filters.length === 0 && <p className="muted small">Every row is imported.</p>}
      {filters.map((f, i) => (
        <div className="form-grid row-filter" key={i}>
          <label className="field">
            Column
            <select value={f.column} onChange={(e) => set(i, { column: e.target.value })}>
              {!headers.includes(f.column) && <option value={f.column}>{f.column} (not in this file)</option>}
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Condition
            <select value={f.op} onChange={(e) => set(i, { op: e.target.value as RowFilter['op'] })}>
              <option value="is">is one of</option>
              <option value="is-not">is none of</option>
            </select>
          </label>
          <label className="field">
            Values (separated by commas)
            <input
              value={f.values.join(', ')}
              onChange={(e) => set(i, { values: valuesOf(e.target.value) })}
              placeholder="e.g. Expense"
            />
          </label>
          <button
            type="button"
            className="link-button"
            onClick={() => onChange(filters.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={headers.length === 0}
        onClick={() => onChange([...filters, { column: headers[0]!, op: 'is', values: [''] }])}
      >
        Add a row filter
      </button>
    </fieldset>
  );
}
