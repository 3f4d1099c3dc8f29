import type { RunRateLine } from '../report';

/**
 * When a budget runs out, in words that match its status (a past month is "used up", not "runs out"); months
 * labelled by `label` (the screens' monthLabel, the pack's shortMonth).
 */
export function exhaustionText(line: RunRateLine, label: (month: string) => string): string {
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
