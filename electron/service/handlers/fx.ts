import { ApiError, type FxRateInfo, type fxMethods } from '../../../shared/api';
import type { ReadableDb } from '../../store/connection';
import { deleteFxRate, listFxRates, setFxRate, type StoredFxRate } from '../../store/fxRates';
import { getSettings } from '../../store/settings';
import { writableDb } from '../../store/workspace';
import type { HandlerMap } from './types';

function info(r: StoredFxRate): FxRateInfo {
  return {
    currency: r.currency,
    month: r.month,
    rate: r.rate,
    source: r.batchId === null ? 'settings' : 'import',
    batchId: r.batchId,
    fileName: r.fileName,
  };
}

function notReporting(db: ReadableDb, currency: string): void {
  const reporting = getSettings(db).currency;
  if (currency === reporting)
    throw new ApiError(
      'BAD_REQUEST',
      `${currency} is the reporting currency: its amounts are used as they are and need no rate.`,
    );
}

export const fxHandlers: HandlerMap<keyof typeof fxMethods> = {
  'fx.list': (_input, { ws }) => listFxRates(ws.db).map(info),
  'fx.set': ({ currency, month, rate }, { ws }) => {
    notReporting(ws.db, currency);
    return info(setFxRate(writableDb(ws), { currency, month, rate }));
  },
  'fx.delete': ({ currency, month }, { ws }) => {
    // A hand-entered rate goes (an imported one under it, if any, is in force again).
    if (deleteFxRate(writableDb(ws), { currency, month })) return { deleted: true };
    const imported = listFxRates(ws.db).find((r) => r.currency === currency && r.month === month);
    if (imported)
      throw new ApiError(
        'CONFLICT',
        `The ${currency} rate for ${month} came with import batch #${imported.batchId} (${imported.fileName}): ` +
          'undo that batch to remove it, or enter another rate over it.',
      );
    throw new ApiError('NOT_FOUND', `There is no ${currency} rate for ${month}.`);
  },
};
