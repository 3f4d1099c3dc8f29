import { useState } from 'react';
import { api } from '../../api/client';

/**
 * The desktop app's "where packs go": asked in the native dialog at each export until the user picks a
 * folder here (kept by the main process for this session, so the page never names a path).
 */
export function PackFolderChooser({ disabled }: { disabled: boolean }) {
  const [folder, setFolder] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!api.packFiles.capabilities.chooseFolder) return null;
  const choose = async () => {
    setError(null);
    try {
      setFolder((await api.packFiles.chooseFolder()).folder);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div className="panel-actions" data-testid="pack-folder">
      <span>
        Save to: {folder ? <code>{folder}</code> : <span className="muted">asked at each export</span>}
      </span>
      <button type="button" disabled={disabled} onClick={() => void choose()}>
        {folder ? 'Change folder…' : 'Choose folder…'}
      </button>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
