/** Messages between the Electron main process and the service host (a utility process). */
import type { ApiResponse } from '../../shared/api/contract';
import type { UploadedFileRef } from '../../shared/api/transport';
import type { PrintJob } from '../pack/renderer';

export type HostRequest =
  | { type: 'open'; file: string; create: boolean }
  | { type: 'open-default'; dataDir: string }
  | { type: 'call'; method: string; payload: unknown }
  | { type: 'register-file'; path: string }
  | { type: 'upload'; name: string; data: Uint8Array };

export type HostReply =
  | { type: 'opened'; file: string; name: string }
  | { type: 'result'; response: ApiResponse<unknown> }
  | { type: 'file'; file: UploadedFileRef }
  | { type: 'error'; message: string };

/**
 * What the host asks of the main process during a pack export, which only main can do: the native
 * folder dialog, and printing the pack data the host built (webContents.printToPDF).
 */
export type HostAsk = { type: 'choose-pack-folder' } | { type: 'print-pack'; job: PrintJob };

export type HostAnswer =
  | { type: 'folder'; path: string | null }
  | {
      type: 'printed';
      pdf: Uint8Array | null;
      charts: Record<string, { png: Uint8Array; width: number; height: number }>;
    }
  | { type: 'error'; message: string };

export interface HostEnvelope<T> {
  id: number;
  body: T;
}

/** Main → host: a request, or the answer to one of the host's asks. */
export type ToHost = HostEnvelope<HostRequest> | { answer: number; body: HostAnswer };
/** Host → main: a reply to a request, or an ask. */
export type FromHost = HostEnvelope<HostReply> | { ask: number; body: HostAsk };
