import { ApiError, type reportMethods } from '../../../shared/api';
import { buildReport } from '../../report/buildReport';
import { reportPeriods } from '../../report/periods';
import { MissingFxRateError } from '../../report/fx';
import type { HandlerMap } from './types';

export const reportHandlers: HandlerMap<keyof typeof reportMethods> = {
  'report.get': ({ period }, { ws }) => {
    try {
      return buildReport(ws.db, period);
    } catch (err) {
      if (err instanceof MissingFxRateError)
        throw new ApiError('CONFLICT', err.message, { currency: err.currency, month: err.month });
      throw err;
    }
  },
  'report.periods': (_input, { ws }) => reportPeriods(ws.db),
};
