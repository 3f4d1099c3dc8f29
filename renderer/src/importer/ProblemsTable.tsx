import type { ImportPreview } from '../../../shared/api';
import { formatNumber } from '../format';

/** Problems by row and column, errors first; the whole list is capped by the service (problemCount counts all). */
export function ProblemsTable({ preview }: { preview: ImportPreview }) {
  if (preview.problems.length === 0) return null;
  const sorted = [...preview.problems].sort((a, b) =>
    a.severity === b.severity ? (a.row ?? 0) - (b.row ?? 0) : a.severity === 'error' ? -1 : 1,
  );
  return (
    <div
      className="table-wrap problems"
      data-testid="problems"
      tabIndex={0}
      role="region"
      aria-label="Problems, scrollable"
    >
      <table className="table table-compact" aria-label="Problems found in the file">
        <caption className="table-caption">
          {formatNumber(preview.problemCount)} {preview.problemCount === 1 ? 'problem' : 'problems'}
          {preview.problemCount > preview.problems.length &&
            ` (first ${formatNumber(preview.problems.length)} shown)`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col" className="num">
              Row
            </th>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((p, i) => (
            <tr key={i} className={p.severity === 'error' ? 'row-problem' : undefined}>
              <td>
                <span className={`status ${p.severity === 'error' ? 'status-red' : 'status-amber'}`}>
                  {p.severity === 'error' ? '■ Error' : '▲ Warning'}
                </span>
              </td>
              <td className="num">{p.row ?? 'file'}</td>
              <td>{p.column ?? '—'}</td>
              <td className="cell-problem-value">{p.value === null ? '—' : <code>{p.value}</code>}</td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
