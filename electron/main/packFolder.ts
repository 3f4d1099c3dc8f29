import { z } from 'zod';
import { describeIssues } from '../../shared/api';
import type { ApiResponse } from '../../shared/api/contract';
import { findPackFile, PackFileRef } from '../../shared/export/packFileRef';
import type { PackSnapshot } from '../../shared/export/packTypes';

/**
 * The desktop pack's folder and "Show in folder", as plain functions of what they need (no `electron` import),
 * so the validation is tested under Node and ipc.ts hands them the real dialog and shell.
 */

/** The folder the user picked for packs this session (null: the native dialog asks at each export). */
export interface PackFolderChoice {
  folder: string | null;
}

const ShowInFolderArgs = z.tuple([PackFileRef]);

function refused(message: string, code: 'BAD_REQUEST' | 'NOT_FOUND' = 'BAD_REQUEST'): ApiResponse<never> {
  return { ok: false, error: { code, message } };
}

/**
 * `caio:show-in-folder`: the page names a file by snapshot and kind; the path comes from the workspace's
 * own record of that export, so a page cannot make the shell reveal (or open) anything else.
 */
export function showInFolderHandler(deps: {
  snapshots: () => Promise<ApiResponse<PackSnapshot[]>>;
  exists: (file: string) => boolean;
  reveal: (file: string) => void;
}): (args: unknown[]) => Promise<ApiResponse<null>> {
  return async (args) => {
    const parsed = ShowInFolderArgs.safeParse(args);
    if (!parsed.success) return refused(describeIssues(parsed.error));
    const snapshots = await deps.snapshots();
    if (!snapshots.ok) return snapshots;
    const file = findPackFile(snapshots.result, parsed.data[0]);
    if (!file)
      return refused(
        `Snapshot ${parsed.data[0].snapshot} recorded no ${parsed.data[0].kind.toUpperCase()} file.`,
        'NOT_FOUND',
      );
    if (!deps.exists(file.path))
      return refused(`${file.name} is no longer at ${file.path}: export the pack again.`, 'NOT_FOUND');
    deps.reveal(file.path);
    return { ok: true, result: null };
  };
}

/** `caio:choose-pack-folder`: no arguments; the folder comes from the native dialog only and is kept in main. */
export function choosePackFolderHandler(deps: {
  choice: PackFolderChoice;
  ask: () => Promise<string | null>;
}): (args: unknown[]) => Promise<ApiResponse<{ folder: string | null }>> {
  return async (args) => {
    if (args.length > 0) return refused('Choosing the pack folder takes no arguments.');
    const chosen = await deps.ask();
    // Cancelling the dialog keeps the earlier choice.
    if (chosen) deps.choice.folder = chosen;
    return { ok: true, result: { folder: deps.choice.folder } };
  };
}
