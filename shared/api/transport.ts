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
}
