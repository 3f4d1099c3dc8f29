import { ApiError } from '../../../shared/api';
import type { packMethods } from '../../../shared/api/pack';
import { loadPackData, slimPackData } from '../../pack/data';
import { exportPack } from '../../pack/export';
import { listSnapshots } from '../../store/packSnapshots';
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
  // The one export path (electron/pack/export.ts), with this transport's printer and folder choice.
  'pack.export': (input, ctx) =>
    exportPack(ctx.ws, input, ctx.renderer, ctx.chooseOutDir ? { chooseOutDir: ctx.chooseOutDir } : {}),
};
