import { decimalToScaled, divRoundHalfAway, type Micro } from '../../shared/money';
import type { Month } from '../../shared/fiscal';
import type { Db } from '../store/db';

const RATE_SCALE = 12;
const RATE_ONE = 10n ** BigInt(RATE_SCALE);

export class MissingFxRateError extends Error {
  constructor(
    readonly currency: string,
    readonly month: Month,
    reportingCurrency: string,
  ) {
    super(
      `No FX rate for ${currency} in ${month}: amounts in ${currency} cannot be converted to ${reportingCurrency}. ` +
        `Import an FX rate for ${currency} for ${month} (units of ${reportingCurrency} per 1 ${currency}).`,
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
 * Converts monthly sums into the reporting currency with the fx_rates table (units of reporting currency
 * per 1 unit of the currency, one rate per month; the latest import wins). Exact: the decimal rate is
 * applied to the integer sum and rounded half away from zero to the micro-unit. A missing rate is an error.
 */
export class FxConverter {
  private readonly rates = new Map<string, { scaled: bigint; used: FxRateUsed }>();

  constructor(
    db: Db,
    readonly reportingCurrency: string,
  ) {
    const rows = db.prepare('SELECT month, currency, rate, batch_id FROM fx_rates ORDER BY id').all() as {
      month: string;
      currency: string;
      rate: string;
      batch_id: number | null;
    }[];
    for (const r of rows) {
      const scaled = decimalToScaled(r.rate, RATE_SCALE);
      if (scaled === null || scaled <= 0n) continue;
      const currency = r.currency.toUpperCase();
      this.rates.set(`${r.month}|${currency}`, {
        scaled,
        used: { month: r.month, currency, rate: r.rate, batchId: r.batch_id },
      });
    }
  }

  /** The amount in the reporting currency and the rate applied (none for the reporting currency); null without a rate. */
  tryConvert(micro: Micro, currency: string, month: Month): { micro: Micro; rate: FxRateUsed | null } | null {
    if (currency === this.reportingCurrency) return { micro, rate: null };
    const cur = currency.toUpperCase();
    if (cur === this.reportingCurrency) return { micro, rate: null };
    const rate = this.rates.get(`${month}|${cur}`);
    if (!rate) return null;
    return { micro: Number(divRoundHalfAway(BigInt(micro) * rate.scaled, RATE_ONE)), rate: rate.used };
  }
}

/**
 * The currencies and months of stored amounts (spend, budget, benefits) that have no rate into
 * `reportingCurrency`: empty when every report in that currency can be computed.
 */
export function fxGaps(db: Db, reportingCurrency: string): { currency: string; from: Month; to: Month }[] {
  return db
    .prepare(
      `WITH amounts AS (
         SELECT DISTINCT month, upper(currency) AS currency FROM spend_monthly
         UNION SELECT DISTINCT month, upper(currency) FROM budget
         UNION SELECT DISTINCT month, upper(currency) FROM benefits)
       SELECT a.currency AS currency, min(a.month) AS "from", max(a.month) AS "to" FROM amounts a
        WHERE a.currency <> ? AND NOT EXISTS (
          SELECT 1 FROM fx_rates r WHERE r.month = a.month AND upper(r.currency) = a.currency)
        GROUP BY a.currency ORDER BY a.currency`,
    )
    .all(reportingCurrency.toUpperCase()) as { currency: string; from: Month; to: Month }[];
}
