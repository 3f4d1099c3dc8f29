import { useState } from 'react';
import type { BackupInfo } from '../../../shared/api';
import { api } from '../api/client';
import { ConfirmAction } from '../components/ConfirmAction';
import { ErrorNotice } from '../components/ErrorNotice';
import { Panel } from '../components/Panel';
import { Skeleton } from '../components/Skeleton';
import { formatDateTime, formatNumber } from '../format';
import { useAsync } from '../useAsync';

const REASON: Record<BackupInfo['reason'], string> = {
  manual: 'Made by hand',
  'before-undo': 'Before an undo',
  'before-replace': 'Before an import replaced data',
  'before-migration': 'Before an app update changed the file',
  'before-restore': 'Before a restore',
  unknown: 'Other',
};

/**
 * The workspace's backups (taken before every undo, replace, restore and upgrade, or by hand) and the way
 * back to one of them: the only way to take back an undo or a replace. A restore keeps a backup of the
 * state it replaces, so it can itself be taken back.
 */
export function BackupsPanel({ onRestored }: { onRestored(): void }) {
  const list = useAsync(() => api.call('workspace.backups', {}), []);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      list.reload();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const restore = (b: BackupInfo) =>
    run(
      async () => {
        await api.call('workspace.restore', { file: b.file });
        setConfirming(null);
        onRestored();
      },
      `Restored the workspace as it was on ${formatDateTime(b.createdAt)}. The state it replaced was backed up first.`,
    );

  return (
    <Panel
      title="Backups"
      className="backups-panel"
      actions={
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => api.call('workspace.backup', {}), 'Backup made.')}
        >
          Back up now
        </button>
      }
    >
      <p className="muted small">
        Taken before every undo, every import that replaces data, every restore and every app update that
        changes the file. Restoring one brings the whole workspace back to that moment.
      </p>
      {list.status === 'error' && (
        <ErrorNotice title="Backups could not be listed" error={list.error} onRetry={list.reload} />
      )}
      {error && <ErrorNotice title="That did not work" error={error} />}
      <p role="status" className="muted">
        {done ?? ''}
      </p>
      {!list.data ? (
        <Skeleton lines={3} label="Loading backups" />
      ) : list.data.length === 0 ? (
        <p className="muted">No backups yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact" aria-label="Backups of this workspace" data-testid="backups">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Why</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((b) => (
                <tr key={b.file}>
                  <td className="nowrap">{b.createdAt ? formatDateTime(b.createdAt) : '—'}</td>
                  <td>{REASON[b.reason]}</td>
                  <td className="num">{formatNumber(Math.ceil(b.size / 1024))} KB</td>
                  <td className="nowrap">
                    <ConfirmAction
                      confirming={confirming?.file === b.file}
                      busy={busy}
                      trigger="Restore…"
                      question="Replace the whole workspace with this backup?"
                      confirm="Restore"
                      onAsk={() => setConfirming(b)}
                      onConfirm={() => void restore(b)}
                      onCancel={() => setConfirming(null)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
