import type { ImportPreview } from '../../../shared/api';
import { formatNumber } from '../format';
import { rowsLeftOut, rowsLeftOutCount } from './rowsLeftOut';

/** Every row the import leaves out, with its reason, behind one expandable line. */
export function RowsLeftOut({ preview, skipInvalid }: { preview: ImportPreview; skipInvalid: boolean }) {
  const lines = rowsLeftOut(preview, skipInvalid);
  if (lines.length === 0) return null;
  const count = rowsLeftOutCount(lines);
  return (
    <details className="rows-left-out" data-testid="rows-left-out">
      <summary>
        {formatNumber(count)} {count === 1 ? 'row' : 'rows'} of the file left out of the import — show which
        and why
      </summary>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Rows left out, scrollable">
        <table className="table table-compact" aria-label="Rows left out of the import">
          <thead>
            <tr>
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Why it is left out</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={i}>
                <td className="num">{l.row ?? `${formatNumber(l.rows)} more`}</td>
                <td>{l.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
