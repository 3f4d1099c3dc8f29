import { divRoundHalfAway, type Micro } from '../../shared/money';
import type { Month } from '../../shared/fiscal';
import type { ReadableDb } from '../store/connection';
import { fxKey, RATE_SCALE, ratesInForce } from '../store/fxRates';
import { amountCurrencyMonths } from '../store/reportFacts';

const RATE_ONE = 10n ** BigInt(RATE_SCALE);

export class MissingFxRateError extends Error {
  constructor(
    readonly currency: string,
    readonly month: Month,
    reportingCurrency: string,
  ) {
    super(
      `No FX rate for ${currency} in ${month}: amounts in ${currency} cannot be converted to ${reportingCurrency}. ` +
        `Add the rate in Settings › Exchange rates or import a rates file (units of ${reportingCurrency} per 1 ${currency}).`,
    );
    this.name = 'MissingFxRateError';
  }
}

export interface FxRateUsed {
  month: Month;
  currency: string;
  rate: string;
  batchId: number | null;
}

/**
 * Converts monthly sums into the reporting currency with the rates in force (store/fxRates: units of
 * reporting currency per 1 unit of the currency, one rate per month; the latest stored wins). Exact: the
 * decimal rate is applied to the integer sum and rounded half away from zero to the micro-unit. A missing
 * rate is an error.
 */
export class FxConverter {
  private readonly rates = new Map<string, { scaled: bigint; used: FxRateUsed }>();

  constructor(
    db: ReadableDb,
    readonly reportingCurrency: string,
  ) {
    for (const [key, r] of ratesInForce(db)) {
      this.rates.set(key, {
        scaled: r.scaled,
        used: { month: r.month, currency: r.currency, rate: r.rate, batchId: r.batchId },
      });
    }
  }

  /** The amount in the reporting currency and the rate applied (none for the reporting currency); null without a rate. */
  tryConvert(micro: Micro, currency: string, month: Month): { micro: Micro; rate: FxRateUsed | null } | null {
    if (currency === this.reportingCurrency) return { micro, rate: null };
    const cur = currency.toUpperCase();
    if (cur === this.reportingCurrency) return { micro, rate: null };
    const rate = this.rates.get(fxKey(month, cur));
    if (!rate) return null;
    return { micro: Number(divRoundHalfAway(BigInt(micro) * rate.scaled, RATE_ONE)), rate: rate.used };
  }
}

/**
 * The currencies and months of stored amounts (spend, budget, benefits, commitments) that have no rate into
 * `reportingCurrency`: empty when every report in that currency can be computed.
 */
export function fxGaps(
  db: ReadableDb,
  reportingCurrency: string,
): { currency: string; from: Month; to: Month }[] {
  const amounts = amountCurrencyMonths(db);
  const rates = ratesInForce(db);
  const gaps = new Map<string, { currency: string; from: Month; to: Month }>();
  for (const a of amounts) {
    if (a.currency === reportingCurrency.toUpperCase() || rates.has(fxKey(a.month, a.currency))) continue;
    const g = gaps.get(a.currency);
    if (!g) gaps.set(a.currency, { currency: a.currency, from: a.month, to: a.month });
    else {
      if (a.month < g.from) g.from = a.month;
      if (a.month > g.to) g.to = a.month;
    }
  }
  return [...gaps.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}
