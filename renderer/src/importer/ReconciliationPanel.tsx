import { describeControlRow, describeReconciliation } from '../../../shared/import/controlRows';
import type { ImportPreview } from '../../../shared/api';

/**
 * The file's own totals: each control row left out with what it was checked against, the file total
 * against the imported sum, the notes below the table. A mismatch must be accepted before importing.
 */
export function ReconciliationPanel({
  preview,
  accepted,
  busy,
  onAccept,
}: {
  preview: ImportPreview;
  accepted: boolean;
  busy: boolean;
  onAccept(v: boolean): void;
}) {
  const rec = preview.reconciliation;
  const line = describeReconciliation(rec);
  if (line === null && rec.footerRows.length === 0) return null;
  const mismatch = rec.mismatches > 0;
  return (
    <div
      className={`notice ${mismatch ? 'notice-error' : 'notice-ok'}`}
      data-testid="preview-reconciliation"
      role={mismatch ? 'alert' : undefined}
    >
      {line !== null && <strong data-testid="reconciliation-line">{line}</strong>}
      {rec.controlRows.length > 0 && (
        <>
          <p className="small">
            Total rows left out (they sum the rows above them; storing them would count the money twice):
          </p>
          <ul className="small" data-testid="control-rows">
            {rec.controlRows.slice(0, 50).map((c) => (
              <li key={c.row} className={c.reconciles === false ? 'flag' : undefined}>
                {describeControlRow(c)}
              </li>
            ))}
            {rec.controlRows.length > 50 && <li>… {rec.controlRows.length - 50} more</li>}
          </ul>
        </>
      )}
      {rec.footerRows.length > 0 && (
        <p className="small muted" data-testid="footer-rows">
          Below the table, left out:{' '}
          {rec.footerRows
            .slice(0, 5)
            .map((f) => `row ${f.row} “${f.text}”`)
            .join('; ')}
          {rec.footerRows.length > 5 ? ` and ${rec.footerRows.length - 5} more` : ''}
        </p>
      )}
      {mismatch && (
        <label className="check">
          <input
            type="checkbox"
            checked={accepted}
            disabled={busy}
            onChange={(e) => onAccept(e.target.checked)}
          />
          Import anyway: I have checked why the file’s total differs from its rows
        </label>
      )}
    </div>
  );
}
