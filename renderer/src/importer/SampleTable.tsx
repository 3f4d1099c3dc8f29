import type { ImportPreview } from '../../../shared/api';
import { sampleCell, sampleColumns } from './sampleColumns';

/**
 * The first records as they will be stored. Rows with problems are highlighted, and within them the
 * cells whose field is read from the column a problem names.
 */
export function SampleTable({ preview }: { preview: ImportPreview }) {
  if (preview.sample.length === 0) return <p className="muted">No rows to show.</p>;
  const columns = sampleColumns(preview.kind, preview.sample);
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
            {columns.map((c) => (
              <th scope="col" key={c.key} className={c.money ? 'num' : undefined}>
                {c.label}
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
                {columns.map((c) => (
                  <td
                    key={c.key}
                    title={sampleCell(r, c)}
                    className={`${c.money ? 'num' : ''}${bad?.has(c.field) ? ' cell-problem' : ''}`}
                  >
                    {sampleCell(r, c)}
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
