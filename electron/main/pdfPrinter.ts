import path from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import type { ApiResponse } from '../../shared/api/contract';
import { handOverScript } from '../../shared/export/handOver';
import type { PackExportResult } from '../../shared/export/packTypes';
import type { HostAnswer, HostAsk } from '../host/protocol';
import type { PrintJob } from '../pack/renderer';
import {
  chartsFromCollected,
  COLLECT_CHARTS_SCRIPT,
  ELECTRON_PDF_OPTIONS,
  PRINT_READY_TIMEOUT_MS,
  printPath,
  type CollectedChart,
} from '../pack/pdfOptions';
import type { HostClient } from './hostClient';
import type { PackFolderChoice } from './packFolder';
import { APP_ORIGIN, WEB_PREFERENCES } from './policy';

interface ExportInput {
  period: string;
  pdf: boolean;
  xlsx: boolean;
  pptx: boolean;
  allowUncommentedRed: boolean;
  packDate?: string;
}

async function waitForReady(win: BrowserWindow): Promise<void> {
  const deadline = Date.now() + PRINT_READY_TIMEOUT_MS;
  for (;;) {
    const state = (await win.webContents.executeJavaScript(
      '({ ready: document.body.dataset.ready, error: document.body.dataset.error })',
    )) as { ready?: string; error?: string };
    if (state.ready === 'true') return;
    if (state.ready === 'error') throw new Error(`The print view failed: ${state.error ?? 'unknown error'}`);
    if (Date.now() > deadline) throw new Error('The print view did not become ready in time.');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The desktop app's pack printer: Chromium's print engine in a hidden window as hardened as the main one
 * (same preferences, same preload, app:// only), handed the pack data the service host built for this
 * export (the page asks the service for nothing).
 */
async function printPack(job: PrintJob): Promise<HostAnswer> {
  const win = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      ...WEB_PREFERENCES,
      preload: path.join(__dirname, 'preload.cjs'),
      // A hidden window is throttled otherwise (timers and frames), which would slow the print view down.
      backgroundThrottling: false,
    },
  });
  try {
    await win.loadURL(`${APP_ORIGIN}/${printPath(job.data.period, job.packDate, { handedData: true })}`);
    await win.webContents.executeJavaScript(handOverScript(job.data));
    await waitForReady(win);
    const collected = (await win.webContents.executeJavaScript(COLLECT_CHARTS_SCRIPT)) as CollectedChart[];
    const pdf = job.pdf ? await win.webContents.printToPDF(ELECTRON_PDF_OPTIONS) : null;
    return { type: 'printed', pdf, charts: chartsFromCollected(collected) };
  } finally {
    win.destroy();
  }
}

/** The folder for a pack always comes from the native dialog, never from the page. */
export async function askPackFolder(parent: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: 'Choose the folder for the briefing pack',
    buttonLabel: 'Save pack here',
    properties: ['openDirectory' as const, 'createDirectory' as const],
  };
  const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const chosen = r.filePaths[0];
  return r.canceled || !chosen ? null : chosen;
}

/** Answers the service host's asks during a pack export (HostClient.onAsk). */
export function packAnswers(
  getWindow: () => BrowserWindow | null,
  choice: PackFolderChoice,
): (ask: HostAsk) => Promise<HostAnswer> {
  return async (ask) =>
    ask.type === 'print-pack'
      ? printPack(ask.job)
      : // The folder the user chose on the pack screen (in the native dialog), else the dialog asks now.
        { type: 'folder', path: choice.folder ?? (await askPackFolder(getWindow())) };
}

/**
 * `pack.export` in the desktop app: the service host runs the one export path (electron/pack/export.ts),
 * asking main for the folder once the preflight has passed and for the print. The pack screen then offers
 * "Show in folder" for each file (caio:show-in-folder).
 */
export async function exportPackDesktop(
  host: HostClient,
  input: ExportInput,
): Promise<ApiResponse<PackExportResult>> {
  return host.call<PackExportResult>('pack.export', input);
}
