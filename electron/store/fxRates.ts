import { decimalToScaled } from '../../shared/money';
import type { Month } from '../../shared/fiscal';
import { type ReadableDb, type WritableDb, cached } from './connection';

/** Rates are applied as integers scaled by 10^12 (exact for any rate written with up to 12 decimals). */
export const RATE_SCALE = 12;

/** A monthly rate: units of the reporting currency per 1 unit of `currency`, as the exact decimal text stored. */
export interface StoredFxRate {
  month: Month;
  currency: string;
  rate: string;
  /** The import batch it came from; null for a rate entered in Settings › Exchange rates. */
  batchId: number | null;
  fileName: string | null;
}

export interface FxRateInForce extends StoredFxRate {
  /** The rate × 10^12. */
  scaled: bigint;
}

export function fxKey(month: string, currency: string): string {
  return `${month}|${currency.toUpperCase()}`;
}

/** A rate's text × 10^12, or null when it is not a positive decimal (such a row is no rate at all). */
export function scaledRate(text: string): bigint | null {
  const scaled = decimalToScaled(text, RATE_SCALE);
  return scaled !== null && scaled > 0n ? scaled : null;
}

/**
 * The rates in force, by `fxKey`: for each currency and month the latest stored (imported or entered in
 * Settings; the later one wins) that reads as a positive decimal. The one place that decides whether a
 * rate exists: the report converts with these, and an import of amounts in another currency needs them.
 */
export function ratesInForce(db: ReadableDb): Map<string, FxRateInForce> {
  const rows = db
    .prepare(
      `SELECT r.month, upper(r.currency) AS currency, r.rate, r.batch_id AS batchId, b.file_name AS fileName
         FROM fx_rates r LEFT JOIN import_batches b ON b.id = r.batch_id ORDER BY r.id`,
    )
    .all() as StoredFxRate[];
  const out = new Map<string, FxRateInForce>();
  for (const r of rows) {
    const scaled = scaledRate(r.rate);
    if (scaled !== null) out.set(fxKey(r.month, r.currency), { ...r, scaled });
  }
  return out;
}

/** For each currency, the months (sorted) that have no rate in force; empty when every amount can be converted. */
export function missingFxRates(
  db: ReadableDb,
  needed: ReadonlyMap<string, Iterable<string>>,
): { currency: string; months: Month[] }[] {
  if (needed.size === 0) return [];
  const rates = ratesInForce(db);
  const out: { currency: string; months: Month[] }[] = [];
  for (const [currency, months] of needed) {
    const missing = [...new Set(months)].filter((m) => !rates.has(fxKey(m, currency))).sort();
    if (missing.length > 0) out.push({ currency, months: missing });
  }
  return out.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}

/** The rates in force, by currency then month (what Settings › Exchange rates lists). */
export function listFxRates(db: ReadableDb): StoredFxRate[] {
  return [...ratesInForce(db).values()]
    .map(({ scaled: _scaled, ...r }) => r)
    .sort((a, b) => (a.currency === b.currency ? cmp(a.month, b.month) : cmp(a.currency, b.currency)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Enters a rate by hand (Settings): it replaces any earlier hand-entered rate for that currency and month
 * and, stored last, is the one in force (over an imported one, until a later import brings another).
 * Imported rates stay with their batch (undoing the batch removes them).
 */
export function setFxRate(db: WritableDb, r: { currency: string; month: Month; rate: string }): StoredFxRate {
  const currency = r.currency.toUpperCase();
  db.transaction(() => {
    db.prepare('DELETE FROM fx_rates WHERE batch_id IS NULL AND month = ? AND upper(currency) = ?').run(
      r.month,
      currency,
    );
    db.prepare(
      'INSERT INTO fx_rates (month, currency, rate, batch_id, source_row) VALUES (?, ?, ?, NULL, NULL)',
    ).run(r.month, currency, r.rate);
  })();
  return ratesInForce(db).get(fxKey(r.month, currency))!;
}

/**
 * Deletes the hand-entered rate for that currency and month; an imported one (if any) is in force again.
 * False when there was none entered by hand.
 */
export function deleteFxRate(db: WritableDb, r: { currency: string; month: Month }): boolean {
  const res = db
    .prepare('DELETE FROM fx_rates WHERE batch_id IS NULL AND month = ? AND upper(currency) = ?')
    .run(r.month, r.currency.toUpperCase());
  return res.changes > 0;
}

/** How many rates are stored (imported and entered), whether or not they read as rates. */
export function fxRateCount(db: ReadableDb): number {
  return cached(db, 'SELECT count(*) FROM fx_rates', 'pluck').get() as number;
}
