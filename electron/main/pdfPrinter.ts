import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, dialog, shell } from 'electron';
import type { ApiResponse } from '../../shared/api/contract';
import type { WorkspaceSettings } from '../../shared/domain';
import { isSvgLogo } from '../../shared/export/logo';
import type { PackExportResult, Preflight } from '../../shared/export/packTypes';
import { localDate } from '../pack/files';
import {
  COLLECT_CHARTS_SCRIPT,
  ELECTRON_PDF_OPTIONS,
  PRINT_READY_TIMEOUT_MS,
  printPath,
  type CollectedChart,
} from '../pack/pdfOptions';
import { asResponse, type HostClient } from './hostClient';
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
 * Prints the print view with Chromium's print engine in a hidden window as hardened as the main one
 * (same preferences, same preload, app:// only), and leaves pack.pdf and the chart pictures in a
 * caio-pack-* folder in the temp directory for the service to pick up.
 */
export async function printPackToTempDir(period: string, packDate: string, pdf: boolean): Promise<string> {
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
    await win.loadURL(`${APP_ORIGIN}/${printPath(period, packDate)}`);
    await waitForReady(win);
    const charts = (await win.webContents.executeJavaScript(COLLECT_CHARTS_SCRIPT)) as CollectedChart[];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-pack-'));
    fs.mkdirSync(path.join(dir, 'charts'));
    const sizes: Record<string, { width: number; height: number }> = {};
    for (const c of charts) {
      const m = /^data:image\/png;base64,(.+)$/.exec(c.dataUrl);
      if (!m || !/^[A-Za-z0-9_-]{1,64}$/.test(c.id)) continue;
      fs.writeFileSync(path.join(dir, 'charts', `${c.id}.png`), Buffer.from(m[1]!, 'base64'));
      sizes[c.id] = { width: c.width, height: c.height };
    }
    fs.writeFileSync(path.join(dir, 'charts.json'), JSON.stringify(sizes));
    if (pdf)
      fs.writeFileSync(path.join(dir, 'pack.pdf'), await win.webContents.printToPDF(ELECTRON_PDF_OPTIONS));
    return dir;
  } finally {
    win.destroy();
  }
}

/**
 * `pack.export` in the desktop app: preflight, the native folder dialog, printToPDF here in main, then the
 * service writes the files (atomically), hashes them and records the snapshot; the folder is shown.
 */
export async function exportPackDesktop(
  host: HostClient,
  parent: BrowserWindow | null,
  input: ExportInput,
): Promise<ApiResponse<PackExportResult>> {
  const preflight = await host.call<Preflight>('pack.preflight', { period: input.period });
  if (!preflight.ok) return preflight;
  if (!preflight.result.ok && !input.allowUncommentedRed) return host.call('pack.export', input);
  // The folder always comes from the native dialog, never from the page.
  const options = {
    title: 'Choose the folder for the briefing pack',
    buttonLabel: 'Save pack here',
    properties: ['openDirectory' as const, 'createDirectory' as const],
  };
  const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  const outDir = r.filePaths[0];
  if (r.canceled || !outDir)
    return { ok: false, error: { code: 'BAD_REQUEST', message: 'Export cancelled: no folder was chosen.' } };
  const packDate = input.packDate ?? localDate();
  let dir: string | null = null;
  try {
    // The deck alone needs no printing (the service builds it from the figures), except to draw an SVG
    // logo as a PNG, which the print view does as it draws the charts.
    const settings = input.pptx ? await host.call<WorkspaceSettings>('settings.get', {}) : null;
    const svgLogo = settings?.ok === true && isSvgLogo(settings.result);
    dir =
      input.pdf || input.xlsx || svgLogo
        ? await printPackToTempDir(input.period, packDate, input.pdf)
        : fs.mkdtempSync(path.join(os.tmpdir(), 'caio-pack-'));
    const reply = await host.request({
      type: 'pack-export',
      input: { ...input, packDate },
      outDir,
      renderedDir: dir,
    });
    const response = asResponse<PackExportResult>(reply);
    if (response.ok && response.result.files[0]) shell.showItemInFolder(response.result.files[0].path);
    return response;
  } catch (err) {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) },
    };
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
