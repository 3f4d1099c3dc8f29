import fs from 'node:fs';
import { dialog, ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ApiError, describeIssues } from '../../shared/api';
import type { ApiResponse } from '../../shared/api/contract';
import type { UploadedFileRef } from '../../shared/api/transport';
import { parseInput } from '../../shared/api/validate';
import type { HostClient } from './hostClient';
import type { PackSnapshot } from '../../shared/export/packTypes';
import { choosePackFolderHandler, showInFolderHandler, type PackFolderChoice } from './packFolder';
import { askPackFolder, exportPackDesktop } from './pdfPrinter';
import { IPC, IPC_LIMITS, isTrustedSenderUrl } from './policy';
import { z } from 'zod';

const UploadArgs = z.tuple([z.string().min(1).max(IPC_LIMITS.fileName), z.instanceof(ArrayBuffer)]);

function rejectUntrusted(event: IpcMainInvokeEvent): ApiResponse<never> | null {
  if (isTrustedSenderUrl(event.senderFrame?.url)) return null;
  return { ok: false, error: { code: 'BAD_REQUEST', message: 'IPC from an untrusted frame was refused.' } };
}

/** The only IPC the renderer can reach: each handler checks the sender frame and validates the payload. */
export function registerIpc(
  host: HostClient,
  getWindow: () => BrowserWindow | null,
  packFolder: PackFolderChoice,
): void {
  ipcMain.handle(
    IPC.invoke,
    async (event, method: unknown, payload: unknown): Promise<ApiResponse<unknown>> => {
      const refused = rejectUntrusted(event);
      if (refused) return refused;
      if (typeof method !== 'string' || method.length > IPC_LIMITS.methodName) {
        return {
          ok: false,
          error: { code: 'BAD_REQUEST', message: 'The method name must be a short string.' },
        };
      }
      try {
        // Validated here, in main, before anything reaches the service process or SQL.
        const { name, input } = parseInput(method, payload);
        if (name === 'pack.export') return await exportPackDesktop(host, input as never);
        return await host.call(name, input);
      } catch (err) {
        const e = err instanceof ApiError ? err : new ApiError('INTERNAL', String(err));
        return { ok: false, error: e.toJSON() };
      }
    },
  );

  ipcMain.handle(IPC.upload, async (event, ...args: unknown[]): Promise<ApiResponse<UploadedFileRef>> => {
    const refused = rejectUntrusted(event);
    if (refused) return refused;
    const parsed = UploadArgs.safeParse(args);
    if (!parsed.success)
      return { ok: false, error: { code: 'BAD_REQUEST', message: describeIssues(parsed.error) } };
    const [name, data] = parsed.data;
    if (data.byteLength > IPC_LIMITS.uploadBytes) {
      return {
        ok: false,
        error: { code: 'BAD_REQUEST', message: `${name} is larger than the import limit.` },
      };
    }
    const reply = await host.request({ type: 'upload', name, data: new Uint8Array(data) });
    return reply.type === 'file'
      ? { ok: true, result: reply.file }
      : {
          ok: false,
          error: { code: 'INTERNAL', message: reply.type === 'error' ? reply.message : 'Upload failed' },
        };
  });

  const showInFolder = showInFolderHandler({
    snapshots: () => host.call<PackSnapshot[]>('pack.snapshots', {}),
    exists: (file) => fs.existsSync(file),
    reveal: (file) => shell.showItemInFolder(file),
  });
  ipcMain.handle(
    IPC.showInFolder,
    async (event, ...args: unknown[]) => rejectUntrusted(event) ?? showInFolder(args),
  );

  const choosePackFolder = choosePackFolderHandler({
    choice: packFolder,
    ask: () => askPackFolder(getWindow()),
  });
  ipcMain.handle(
    IPC.choosePackFolder,
    async (event, ...args: unknown[]) => rejectUntrusted(event) ?? choosePackFolder(args),
  );

  ipcMain.handle(IPC.pickFile, async (event): Promise<UploadedFileRef | null> => {
    if (rejectUntrusted(event)) return null;
    return pickImportFile(host, getWindow());
  });
}

export async function pickImportFile(
  host: HostClient,
  win: BrowserWindow | null,
): Promise<UploadedFileRef | null> {
  const options = {
    title: 'Import a spend, budget, benefit, KPI or initiative file',
    properties: ['openFile' as const],
    filters: [
      { name: 'Spreadsheets and exports', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'parquet'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const file = result.filePaths[0];
  if (result.canceled || !file) return null;
  const reply = await host.request({ type: 'register-file', path: file });
  return reply.type === 'file' ? reply.file : null;
}
