import crypto from 'node:crypto';
import fs from 'node:fs';
import { ApiError } from '../../shared/api';
import { findPackFile, type PackFileRef } from '../../shared/export/packFileRef';
import type { PackFile } from '../../shared/export/packTypes';
import { listSnapshots } from '../store/packSnapshots';
import type { Workspace } from '../store/workspace';

/**
 * An exported pack file the workspace recorded, still on disk with the bytes the snapshot fingerprinted.
 * A file moved or edited since the export is refused in words rather than handed over as if it were the pack.
 */
export function recordedPackFile(ws: Workspace, ref: PackFileRef): PackFile & { data: Buffer } {
  const file = findPackFile(listSnapshots(ws.db), ref);
  if (!file)
    throw new ApiError('NOT_FOUND', `Snapshot ${ref.snapshot} recorded no ${ref.kind.toUpperCase()} file.`);
  let data: Buffer;
  try {
    data = fs.readFileSync(file.path);
  } catch {
    throw new ApiError('NOT_FOUND', `${file.name} is no longer at ${file.path}: export the pack again.`);
  }
  if (crypto.createHash('sha256').update(data).digest('hex') !== file.sha256)
    throw new ApiError(
      'CONFLICT',
      `${file.name} at ${file.path} has changed since it was exported (its SHA-256 differs): export the pack again.`,
    );
  return { ...file, data };
}
