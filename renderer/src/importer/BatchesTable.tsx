import { useState } from 'react';
import type { ImportBatch } from '../../../shared/domain';
import { ConfirmAction } from '../components/ConfirmAction';
import { ErrorNotice } from '../components/ErrorNotice';
import { FocusHeading } from '../components/FocusHeading';
import { formatDateTime, formatMoney, formatNumber } from '../format';
import { KIND_LABEL } from '../labels';

/** Every import batch with its file, SHA-256, rows and total; committed batches can be undone (after confirming). */
export function BatchesTable({
  batches,
  onUndo,
}: {
  batches: ImportBatch[];
  onUndo(id: number): Promise<void>;
}) {
  const [error, setError] = useState<Error | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [undone, setUndone] = useState<number | null>(null);
  if (batches.length === 0) return <p className="muted">Nothing imported yet.</p>;
  const undo = async (id: number) => {
    setError(null);
    setUndone(null);
    setBusy(id);
    try {
      await onUndo(id);
      setConfirming(null);
      setUndone(id);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {error && <ErrorNotice title="The batch was not undone" error={error} />}
      {undone !== null && (
        // Keyed by batch so a second undo mounts a new heading, which takes focus again.
        <div className="notice notice-ok undo-result" role="status" data-testid="undo-result" key={undone}>
          <FocusHeading level={3} className="result-heading">
            Batch #{undone} undone
          </FocusHeading>
          <p>
            Its rows are left out of every figure from now on; the batch stays in the list, marked Undone.
          </p>
        </div>
      )}
      <div className="table-wrap">
        <table className="table" aria-label="Import batches" data-testid="batches">
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">File</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col">Imported</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr
                key={b.id}
                id={`batch-${b.id}`}
                data-batch={b.id}
                className={b.status === 'undone' ? 'row-undone' : undefined}
              >
                <th scope="row">#{b.id}</th>
                <td className="batch-file">
                  <div className="batch-file-name">{b.fileName}</div>
                  <div className="muted small sha" title={`SHA-256 ${b.fileSha256}`}>
                    {b.format}
                    {b.sheet ? ` · ${b.sheet}` : ''} · SHA-256 {b.fileSha256.slice(0, 12)}…
                  </div>
                </td>
                <td>{KIND_LABEL[b.kind] ?? b.kind}</td>
                <td className="num">
                  {formatNumber(b.rows)}
                  {b.excluded > 0 && <div className="muted small">{formatNumber(b.excluded)} left out</div>}
                </td>
                <td className="num">{b.total === null ? '—' : formatMoney(b.total, b.currency ?? 'USD')}</td>
                <td className="nowrap">{formatDateTime(b.importedAt)}</td>
                <td>
                  {b.status === 'committed' ? (
                    <span className="badge badge-accent">Committed</span>
                  ) : (
                    <span
                      className="badge"
                      title={b.undoneAt ? `Undone ${formatDateTime(b.undoneAt)}` : undefined}
                    >
                      Undone
                    </span>
                  )}
                </td>
                <td className="num">
                  {b.status === 'committed' && (
                    <ConfirmAction
                      confirming={confirming === b.id}
                      busy={busy === b.id}
                      trigger="Undo"
                      triggerLabel={`Undo batch ${b.id}`}
                      confirm={busy === b.id ? 'Undoing…' : `Confirm undo #${b.id}`}
                      cancel="Keep"
                      className="small-button"
                      confirmClassName="danger"
                      onAsk={() => setConfirming(b.id)}
                      onConfirm={() => void undo(b.id)}
                      onCancel={() => setConfirming(null)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
