import type { UploadedFileRef } from '../../../shared/api/transport';

/**
 * A file handed over by the desktop shell ("Import file…" in the menu, a file opened with the app)
 * waits here until the import screen is mounted and takes it.
 */
let pending: UploadedFileRef | null = null;
const listeners = new Set<() => void>();

export const pendingImport = {
  offer(file: UploadedFileRef): void {
    pending = file;
    for (const l of listeners) l();
  },
  take(): UploadedFileRef | null {
    const f = pending;
    pending = null;
    return f;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
