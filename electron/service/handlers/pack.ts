import { ApiError } from '../../../shared/api';
import type { packMethods } from '../../../shared/api/pack';
import { exportPack } from '../../pack/export';
import { loadPackData, slimPackData } from '../../pack/data';
import { readRenderedDir } from '../../pack/rendered';
import { listSnapshots } from '../../pack/snapshots';
import { MissingFxRateError } from '../../report/fx';
import type { HandlerMap } from './types';

function reportErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof MissingFxRateError)
      throw new ApiError('CONFLICT', err.message, { currency: err.currency, month: err.month });
    throw err;
  }
}

export const packHandlers: HandlerMap<keyof typeof packMethods> = {
  'pack.data': ({ period }, { ws }) => reportErrors(() => slimPackData(loadPackData(ws.db, period))),
  'pack.preflight': ({ period }, { ws }) => reportErrors(() => loadPackData(ws.db, period).preflight),
  'pack.snapshots': ({ period }, { ws }) => listSnapshots(ws.db, period),
  'pack.export': async (input, ctx) => {
    const { renderedDir, ...req } = input;
    // The desktop app prints with webContents.printToPDF in its main process and hands the result over;
    // everywhere else (CLI, browser, tests) headless Chromium prints the same print view.
    const render = renderedDir
      ? async () => readRenderedDir(renderedDir)
      : async (r: { period: string; packDate: string; pdf: boolean }) =>
          (await import('../../pack/chromium')).renderWithChromium(ctx, r);
    return exportPack(ctx, req, render);
  },
};
