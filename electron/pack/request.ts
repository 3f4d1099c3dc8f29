import type { z } from 'zod';
import type { PackExportInput } from '../../shared/api/pack';
import type { PackExportResult } from '../../shared/export/packTypes';
import type { ServiceContext } from '../service/context';
import { exportPack } from './export';
import { readRenderedDir } from './rendered';

/** Where the desktop app's main process put the pack: the folder the user chose and its printToPDF output. */
export interface DesktopDelivery {
  outDir: string;
  renderedDir: string;
}

/**
 * Serves a pack export request. The desktop app prints with webContents.printToPDF in its main process
 * and hands the result over (never through the renderer-facing API); everywhere else (CLI, browser,
 * tests) headless Chromium prints the same print view.
 */
export function exportPackRequest(
  ctx: ServiceContext,
  input: z.output<typeof PackExportInput>,
  desktop?: DesktopDelivery,
): Promise<PackExportResult> {
  if (desktop) {
    return exportPack(ctx, { ...input, outDir: desktop.outDir }, async () =>
      readRenderedDir(desktop.renderedDir),
    );
  }
  return exportPack(ctx, input, async (r) => (await import('./chromium')).renderWithChromium(ctx, r));
}
