import { ApiError, type reportMethods } from '../../../shared/api';
import type { ReportModel } from '../../../shared/report';
import { buildInitiativeKpiReport, buildReport, type ReportOptions } from '../../report/buildReport';
import { reportPeriods } from '../../report/periods';
import { MissingFxRateError } from '../../report/fx';
import type { ReadableDb } from '../../store/connection';
import type { HandlerMap } from './types';

function report(db: ReadableDb, period: string, options: ReportOptions = {}): ReportModel {
  try {
    return buildReport(db, period, options);
  } catch (err) {
    if (err instanceof MissingFxRateError)
      throw new ApiError('CONFLICT', err.message, { currency: err.currency, month: err.month });
    throw err;
  }
}

export const reportHandlers: HandlerMap<keyof typeof reportMethods> = {
  'report.get': ({ period, explanations, initiativeKpis }, { ws }) => {
    const model = report(ws.db, period, { initiativeKpis });
    return explanations ? model : { ...model, explanations: {} };
  },
  'report.initiativeKpis': ({ period, initiative }, { ws }) => {
    const kpis = buildInitiativeKpiReport(ws.db, period, initiative);
    if (!kpis) throw new ApiError('NOT_FOUND', `No initiative ${initiative} in this workspace.`);
    return kpis;
  },
  'report.explanations': ({ period, keys }, { ws }) => {
    const all = report(ws.db, period).explanations;
    return keys ? explanationsWithRefs(all, keys) : all;
  },
  'report.periods': (_input, { ws }) => reportPeriods(ws.db),
};

/** The explanations named by `keys`, and those their inputs refer to (one step), in one small object. */
function explanationsWithRefs(
  all: ReportModel['explanations'],
  keys: readonly string[],
): ReportModel['explanations'] {
  const out: ReportModel['explanations'] = {};
  for (const key of keys) {
    const e = all[key];
    if (!e) continue;
    out[key] = e;
    for (const input of e.inputs) if (input.ref && all[input.ref]) out[input.ref] = all[input.ref]!;
  }
  return out;
}
