import { ApiError, type reportMethods } from '../../../shared/api';
import type { ReportModel } from '../../../shared/report';
import { buildReport } from '../../report/buildReport';
import { reportPeriods } from '../../report/periods';
import { MissingFxRateError } from '../../report/fx';
import type { Db } from '../../store/db';
import type { HandlerMap } from './types';

function report(db: Db, period: string): ReportModel {
  try {
    return buildReport(db, period);
  } catch (err) {
    if (err instanceof MissingFxRateError)
      throw new ApiError('CONFLICT', err.message, { currency: err.currency, month: err.month });
    throw err;
  }
}

export const reportHandlers: HandlerMap<keyof typeof reportMethods> = {
  'report.get': ({ period, explanations }, { ws }) => {
    const model = report(ws.db, period);
    return explanations ? model : { ...model, explanations: {} };
  },
  'report.explanations': ({ period }, { ws }) => report(ws.db, period).explanations,
  'report.periods': (_input, { ws }) => reportPeriods(ws.db),
};
