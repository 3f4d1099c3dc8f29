/**
 * Above this annual IRR (1,000% a year) the rate only says "paid back within a few months": it is not a
 * return a board can compare with a cost of capital, and shown as a percentage it reads as an error
 * (a 5-month payback annualises to 16,079%). Such rates are shown as "n/m" (not meaningful) with the
 * reason, and the rate itself stays in the figure's explanation and the report's JSON.
 */
export const IRR_MEANINGFUL_MAX = 10;

export const IRR_NOT_MEANINGFUL = 'n/m';

export const IRR_NOT_MEANINGFUL_NOTE =
  'n/m: IRR above 1,000% a year (the cost was paid back within months, so the rate is not a return to compare); ' +
  'the rate itself is in the app’s explanation of the figure and in the workbook’s cell note.';

/** True for a rate shown as n/m. */
export function irrNotMeaningful(annualIrr: number | null): boolean {
  return annualIrr !== null && Number.isFinite(annualIrr) && annualIrr > IRR_MEANINGFUL_MAX;
}
