import type { PackFileRef } from '../export/packFileRef';
import type { ApiResponse } from './contract';

export interface UploadedFileRef {
  id: string;
  name: string;
  size: number;
}

/** Menu actions the desktop shell sends to the renderer. */
export type ShellCommand =
  | { type: 'navigate'; screen: string }
  | { type: 'workspace-changed' }
  | { type: 'import-file'; file: UploadedFileRef };

/**
 * What the Electron preload exposes as `window.caio`. The renderer uses it when present and the
 * HTTP bridge otherwise; nothing else crosses from the page to Node.
 */
export interface CaioBridge {
  invoke(method: string, payload: unknown): Promise<ApiResponse<unknown>>;
  upload(name: string, data: ArrayBuffer): Promise<ApiResponse<UploadedFileRef>>;
  pickFile(): Promise<UploadedFileRef | null>;
  onShellCommand(listener: (command: ShellCommand) => void): () => void;
  /** Reveals an exported pack file in the system's file manager (the file by snapshot and kind, no path). */
  showInFolder(file: PackFileRef): Promise<ApiResponse<null>>;
  /** The native folder dialog: where the next packs go (null: not chosen, each export asks). */
  choosePackFolder(): Promise<ApiResponse<{ folder: string | null }>>;
}

/**
 * The HTTP bridge's per-run token: the header every API call and upload carries it in, and the launch URL's
 * fragment it reaches the page in (`#token=…`, optionally followed by a route: `#token=…#/pack`).
 */
export const TOKEN_HEADER = 'X-Caio-Token';
export const LAUNCH_FRAGMENT = /^#token=([A-Za-z0-9_-]{32,})(#.*)?$/;
