import { z } from 'zod';
import type { PackFile, PackSnapshot } from './packTypes';

/**
 * How a page names one exported file: the snapshot that recorded it and the file's kind, never a path, so a
 * page can only reach files an export wrote and the workspace recorded.
 */
export const PackFileRef = z
  .object({
    snapshot: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    kind: z.enum(['pdf', 'xlsx', 'pptx']),
  })
  .strict();
export type PackFileRef = z.infer<typeof PackFileRef>;

/** The recorded file a reference names, or null when no snapshot recorded such a file. */
export function findPackFile(snapshots: readonly PackSnapshot[], ref: PackFileRef): PackFile | null {
  const snapshot = snapshots.find((s) => s.id === ref.snapshot);
  return snapshot?.files.find((f) => f.kind === ref.kind) ?? null;
}

/** The download route of the local bridge: `GET /download?snapshot=…&kind=…` with the token header. */
export const DOWNLOAD_PATH = '/download';

export function downloadQuery(ref: PackFileRef): string {
  return `snapshot=${ref.snapshot}&kind=${ref.kind}`;
}
