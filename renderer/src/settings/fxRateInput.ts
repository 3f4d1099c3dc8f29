import { isIsoCurrency } from '../../../shared/money';

/** A rate as typed in Settings › Exchange rates. */
export interface FxRateDraft {
  currency: string;
  month: string;
  rate: string;
}

/** The rate's text as the API takes it: trimmed, a decimal comma read as a point ("1,0853" → "1.0853"). */
export function rateText(typed: string): string {
  const t = typed.trim();
  return /^\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
}

/** What is wrong with a draft, by field (the API checks the same again). */
export function fxRateProblems(
  d: FxRateDraft,
  reporting: string,
): Partial<Record<keyof FxRateDraft, string>> {
  const out: Partial<Record<keyof FxRateDraft, string>> = {};
  if (!/^[A-Z]{3}$/.test(d.currency)) out.currency = 'Three letters, e.g. EUR.';
  else if (!isIsoCurrency(d.currency)) out.currency = `${d.currency} is not an ISO 4217 currency code.`;
  else if (d.currency === reporting)
    out.currency = `${reporting} is the reporting currency: it needs no rate.`;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(d.month)) out.month = 'Choose a month.';
  const rate = rateText(d.rate);
  if (!/^\d{1,9}(\.\d{1,12})?$/.test(rate)) out.rate = 'A number such as 1.0853 (up to 12 decimals).';
  else if (!/[1-9]/.test(rate)) out.rate = 'A rate must be more than 0.';
  return out;
}
