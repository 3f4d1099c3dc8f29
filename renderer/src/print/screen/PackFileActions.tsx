import { useState } from 'react';
import type { PackFile } from '../../../../shared/export/packTypes';
import { api } from '../../api/client';

/**
 * What the user can do with one exported file here: download it (browser) or show it in the file manager
 * (desktop). The file is named by its snapshot and kind; the page never hands a path back.
 */
export function PackFileActions({ snapshot, file }: { snapshot: number; file: PackFile }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const { capabilities } = api.packFiles;
  const ref = { snapshot, kind: file.kind };
  const act = async (action: () => Promise<unknown>) => {
    setState({ busy: true, error: null });
    try {
      await action();
      setState({ busy: false, error: null });
    } catch (err) {
      setState({ busy: false, error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <span className="pack-file-actions">
      {capabilities.download && (
        <button
          type="button"
          disabled={state.busy}
          aria-label={`Download ${file.name}`}
          onClick={() => void act(() => api.packFiles.download(ref, file.name))}
        >
          Download
        </button>
      )}
      {capabilities.showInFolder && (
        <button
          type="button"
          disabled={state.busy}
          aria-label={`Show ${file.name} in folder`}
          onClick={() => void act(() => api.packFiles.showInFolder(ref))}
        >
          Show in folder
        </button>
      )}
      {state.error && (
        <span role="alert" className="pack-file-error">
          {state.error}
        </span>
      )}
    </span>
  );
}
