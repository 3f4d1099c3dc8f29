import type { RunRateLine } from '../../../shared/report';
import { monthLabel } from '../kit/charts/axis';

/**
 * When a budget runs out, in words that match its status (a past month is "used up", not "runs out"); months
 * as the screens label them unless told otherwise (the pack's fixed labels).
 */
export function exhaustionText(line: RunRateLine, label: (month: string) => string = monthLabel): string {
  const month = line.exhaustionMonth ? label(line.exhaustionMonth) : null;
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

/** The same for a table cell: a month only within the fiscal year ("Not this year" beyond it). */
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
