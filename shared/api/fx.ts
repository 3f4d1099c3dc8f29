import { z } from 'zod';
import { isIsoCurrency } from '../money';
import { Empty, method } from './contract';

/** A monthly exchange rate in force (Settings › Exchange rates): units of the reporting currency per 1 unit. */
export interface FxRateInfo {
  currency: string;
  /** YYYY-MM */
  month: string;
  /** Exact decimal text, as stored and applied. */
  rate: string;
  /** `settings`: entered by hand (can be edited and deleted); `import`: from a batch (undo the batch to remove it). */
  source: 'settings' | 'import';
  batchId: number | null;
  fileName: string | null;
}

export const FxCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 code such as EUR')
  .refine(isIsoCurrency, 'not an ISO 4217 currency code (EUR, GBP, JPY, …)');
export const FxMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month such as 2026-03');
/** A positive decimal with a point, up to 12 decimals (applied exactly). */
export const FxRateText = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,12})?$/, 'expected a number such as 1.0853 (a point, at most 12 decimals)')
  .refine((t) => /[1-9]/.test(t), 'a rate must be more than 0');

export const fxMethods = {
  /** The rates in force, by currency then month. */
  'fx.list': method<FxRateInfo[]>()(Empty),
  /** Enters (or changes) the rate for a currency and month; it is the one in force from now on. */
  'fx.set': method<FxRateInfo>()(
    z.object({ currency: FxCurrency, month: FxMonth, rate: FxRateText }).strict(),
  ),
  /** Deletes a rate entered in Settings (an imported one goes with its batch). */
  'fx.delete': method<{ deleted: boolean }>()(z.object({ currency: FxCurrency, month: FxMonth }).strict()),
};
