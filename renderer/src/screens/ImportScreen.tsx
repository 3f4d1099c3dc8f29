import { useState } from 'react';
import { api } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { Skeleton } from '../components/Skeleton';
import { formatMoney, formatNumber } from '../format';
import { useAsync } from '../useAsync';
import { useWorkspace } from '../WorkspaceContext';

export function ImportScreen() {
  const { refresh } = useWorkspace();
  const batches = useAsync(() => api.call('batches.list', {}), []);
  const [error, setError] = useState<Error | null>(null);
  const undo = async (id: number) => {
    setError(null);
    try {
      await api.call('batches.undo', { id });
      batches.reload();
      refresh();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">Import</h1>
      <h2>Import batches</h2>
      {error && <ErrorNotice title="Undo failed" error={error} />}
      {!batches.data ? (
        <Skeleton lines={4} />
      ) : (
        <table className="table" aria-label="Import batches">
          <thead>
            <tr>
              <th scope="col">#</th>
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
            {batches.data.map((b) => (
              <tr key={b.id}>
                <td>{b.id}</td>
                <td title={`SHA-256 ${b.fileSha256}`}>{b.fileName}</td>
                <td>{b.kind}</td>
                <td className="num">{formatNumber(b.rows)}</td>
                <td className="num">{b.total === null ? '—' : formatMoney(b.total, b.currency ?? 'USD')}</td>
                <td>{new Date(b.importedAt).toLocaleString()}</td>
                <td>{b.status}</td>
                <td>
                  {b.status === 'committed' && (
                    <button type="button" onClick={() => void undo(b.id)} aria-label={`Undo batch ${b.id}`}>
                      Undo
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
