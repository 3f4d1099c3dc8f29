import { ApiError, type benefitMethods } from '../../../shared/api';
import type { BenefitAssumptions } from '../../../shared/domain';
import { parseMicro } from '../../../shared/money';
import {
  AssumptionEditError,
  benefitLine,
  initiativeBenefitLines,
  updateBenefitAssumptions,
} from '../../store/benefitAssumptions';
import { writableDb } from '../../store/workspace';
import type { HandlerMap } from './types';

export const benefitHandlers: HandlerMap<keyof typeof benefitMethods> = {
  'benefits.lines': ({ initiativeId }, { ws }) => initiativeBenefitLines(ws.db, initiativeId),
  'benefits.setAssumptions': ({ id, patch }, { ws }) => {
    if (!benefitLine(ws.db, id)) throw new ApiError('NOT_FOUND', `No benefit line ${id}.`);
    const { low, high, ...rest } = patch;
    const p: Partial<BenefitAssumptions> = { ...rest };
    if (low !== undefined) p.low = low === null ? null : parseMicro(low);
    if (high !== undefined) p.high = high === null ? null : parseMicro(high);
    try {
      return updateBenefitAssumptions(writableDb(ws), id, p);
    } catch (err) {
      if (err instanceof AssumptionEditError)
        throw new ApiError('BAD_REQUEST', `Benefit line ${id}: ${err.message}.`);
      throw err;
    }
  },
};
