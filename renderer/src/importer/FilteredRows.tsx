import type { ImportPreview } from '../../../shared/api';
import { formatNumber } from '../format';

/** The rows the mapping's filters left out, by reason with their first row numbers: not problems, not stored. */
export function FilteredRows({ filtered }: { filtered: ImportPreview['filtered'] }) {
  if (filtered.rows === 0) return null;
  return (
    <div className="notice" data-testid="filtered-rows">
      <strong>
        {formatNumber(filtered.rows)} {filtered.rows === 1 ? 'row' : 'rows'} left out by the row filter (not
        imported)
      </strong>
      <ul>
        {filtered.reasons.map((r) => (
          <li key={r.reason}>
            {formatNumber(r.rows)} × {r.reason}: row{r.firstRows.length === 1 ? '' : 's'}{' '}
            {r.firstRows.join(', ')}
            {r.rows > r.firstRows.length ? ', …' : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
