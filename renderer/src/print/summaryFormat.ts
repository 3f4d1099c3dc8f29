import {
  kpiTarget,
  kpiValue,
  money,
  pct,
  shortMonth,
  signedMoney,
  signedPct,
} from '../../../shared/export/format';
import type { SummaryFormat } from '../narrative/draftSummary';
import { exhaustionText } from '../report/exhaustion';

/** The Narrative screen's draft summary written in the pack's formats (fixed en-US, the KPI decimals rule). */
export const PACK_SUMMARY_FORMAT: SummaryFormat = {
  money: (m, c) => money(m, c),
  signedMoney: (m, c) => signedMoney(m, c),
  pct: (f) => pct(f),
  signedPct: (f) => signedPct(f),
  kpiValue: (k, v, c) => kpiValue(v, k, c),
  kpiTarget: (k, c) => kpiTarget(k, c),
  month: shortMonth,
  exhaustion: (line) => exhaustionText(line, shortMonth),
};
