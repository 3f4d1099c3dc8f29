import {
  kpiTarget,
  kpiValue,
  money,
  pct,
  shortMonth,
  signedMoney,
  signedPct,
} from '../../../shared/export/format';
import type { RunRateLine } from '../../../shared/report';
import type { SummaryFormat } from '../narrative/draftSummary';

/** When a budget runs out, in the words of the Narrative screen's draft, with the pack's month labels. */
function exhaustion(line: RunRateLine): string {
  const month = line.exhaustionMonth ? shortMonth(line.exhaustionMonth) : null;
  switch (line.exhaustionStatus) {
    case 'exhausted':
      return month ? `Annual budget used up in ${month}` : 'Annual budget already used up';
    case 'within_year':
      return `Budget runs out ${month ?? 'this year'}`;
    case 'after_year_end':
      return month ? `Budget lasts past year end (to ${month})` : 'Budget lasts past year end';
    case 'no_budget':
      return 'No annual budget imported';
    case 'no_burn':
      return 'No spend in the last 3 months';
  }
}

/** The Narrative screen's draft summary written in the pack's formats (fixed en-US, the KPI decimals rule). */
export const PACK_SUMMARY_FORMAT: SummaryFormat = {
  money: (m, c) => money(m, c),
  signedMoney: (m, c) => signedMoney(m, c),
  pct: (f) => pct(f),
  signedPct: (f) => signedPct(f),
  kpiValue: (k, v, c) => kpiValue(v, k, c),
  kpiTarget: (k, c) => kpiTarget(k, c),
  month: shortMonth,
  exhaustion,
};
