/** Messages between the Electron main process and the service host (a utility process). */
import type { ApiResponse } from '../../shared/api/contract';
import type { UploadedFileRef } from '../../shared/api/transport';

export type HostRequest =
  | { type: 'open'; file: string; create: boolean }
  | { type: 'open-default'; dataDir: string }
  | { type: 'call'; method: string; payload: unknown }
  | { type: 'register-file'; path: string }
  | { type: 'upload'; name: string; data: Uint8Array }
  /** Main process only: a pack printed by webContents.printToPDF, to be written where the user chose. */
  | { type: 'pack-export'; input: unknown; outDir: string; renderedDir: string };

export type HostReply =
  | { type: 'opened'; file: string; name: string }
  | { type: 'result'; response: ApiResponse<unknown> }
  | { type: 'file'; file: UploadedFileRef }
  | { type: 'error'; message: string };

export interface HostEnvelope<T> {
  id: number;
  body: T;
}
