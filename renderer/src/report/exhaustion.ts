import type { RunRateLine } from '../../../shared/report';
import { monthLabel } from '../kit/charts/axis';

/** When a budget runs out, for a table cell (exhaustionText in shared/format/exhaustion.ts for a sentence): a month only within the fiscal year ("Not this year" beyond it). */
export function exhaustionShort(rr: RunRateLine): string {
  switch (rr.exhaustionStatus) {
    case 'within_year':
      return rr.exhaustionMonth ? monthLabel(rr.exhaustionMonth, false) : 'This year';
    case 'exhausted':
      return rr.exhaustionMonth ? `Used up ${monthLabel(rr.exhaustionMonth, false)}` : 'Used up';
    case 'after_year_end':
      return 'Not this year';
    case 'no_budget':
      return 'No budget';
    case 'no_burn':
      return 'No burn';
  }
}
