import type { Stage } from '../domain';
import { IRR_MEANINGFUL_MAX, IRR_NOT_MEANINGFUL, irrNotMeaningful } from '../export/irrShown';
import { num, pct } from './number';

/**
 * Payback months: "5 mo" in tables, "5 months" in prose and tiles; "Not yet" until it is reached, "n/a"
 * for a retired initiative (which never will).
 */
export function payback(
  months: number | null,
  stage: Stage | null = null,
  style: 'short' | 'long' = 'short',
): string {
  if (months === null) return stage === 'retired' ? 'n/a' : 'Not yet';
  return `${num(months)} ${style === 'short' ? 'mo' : 'months'}`;
}

/** An annual IRR as a figure: "206.3%", or "n/m" above 1,000% a year (see irrShown); "—" when undefined. */
export function irrPct(annual: number | null): string {
  return irrNotMeaningful(annual) ? IRR_NOT_MEANINGFUL : pct(annual);
}

/**
 * An annual IRR as a phrase: "45.7% a year"; "n/m (over 1,000% a year)" above the meaningful limit (the
 * rate is in its explanation); "not defined" when no single rate exists.
 */
export function irrPhrase(annual: number | null): string {
  if (annual === null || !Number.isFinite(annual)) return 'not defined';
  if (irrNotMeaningful(annual)) return `${IRR_NOT_MEANINGFUL} (over ${pct(IRR_MEANINGFUL_MAX, 0)} a year)`;
  return `${irrPct(annual)} a year`;
}
