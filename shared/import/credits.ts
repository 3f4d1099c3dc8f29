import { divRoundHalfAway, decimalToScaled, type Micro } from '../money';
import { exactAmount, groupedCents } from './controlRows';
import { parseNumberText, NumberParseError, type DecimalSeparator } from './numbers';

/**
 * Credits written beside a gross cost (Google Cloud's billing export: `cost` is before credits, the
 * `credits` field holds the sustained-use and committed-use discounts, free tier and promotions as negative
 * amounts). The net a line is booked at is cost + the credits.
 *
 * A credits cell is either one amount (a query's `SUM(c.amount)`, a spreadsheet's "Credits" column), or the
 * repeated record as JSON text — BigQuery's `TO_JSON_STRING(credits)`, a JSON export's list
 * (`[{"name":"Sustained Usage Discount","amount":-0.019,"full_name":null,"id":"…","type":"SUSTAINED_USAGE_DISCOUNT"}]`),
 * `[]` when the line has none. Every credit's `amount` is read from its text (never through a double).
 */

/** Scale the credits of one cell are summed at before the sum is rounded once to micro-units. */
const SUM_SCALE = 12;
const TO_MICRO = 10n ** BigInt(SUM_SCALE - 6);

/** A credit's amount in the JSON text: a number as written, or a quoted number (BigQuery's NUMERIC as text). */
const AMOUNT_RE = /"amount"\s*:\s*(?:"([^"]*)"|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?))/g;

export interface CellCredits {
  /** The credits of the cell, summed exactly and rounded once to micro-units (negative for a credit). */
  micro: Micro;
  /** How many credits the cell lists (1 for a plain amount; 0 for `[]`). */
  count: number;
  /** The currency sign or code a plain amount was written with, else null (JSON credits name none). */
  currency: string | null;
}

function scaled(text: string): bigint {
  const v = decimalToScaled(text, SUM_SCALE);
  if (v === null) throw new NumberParseError(`credit amount "${text}" is not a number`);
  return v;
}

function toMicro(sum: bigint): Micro {
  const micro = Number(divRoundHalfAway(sum, TO_MICRO));
  if (!Number.isSafeInteger(micro)) throw new NumberParseError('the credits are too large to hold exactly');
  return micro;
}

/** Reads a credits cell's text (the cell's text as the file writes it); throws NumberParseError naming what is wrong. */
export function readCredits(text: string, decimal: DecimalSeparator): CellCredits {
  const t = text.trim();
  if (!t.startsWith('[')) {
    const n = parseNumberText(t, decimal);
    if (n.percent) throw new NumberParseError('a percentage where credits (an amount) are expected');
    return { micro: toMicro(scaled(n.decimal)), count: 1, currency: n.currency };
  }
  let list: unknown;
  try {
    list = JSON.parse(t);
  } catch {
    throw new NumberParseError('not a list of credits (JSON text such as [{"name": …, "amount": -1.5}])');
  }
  if (!Array.isArray(list) || list.some((c) => typeof c !== 'object' || c === null || !('amount' in c))) {
    throw new NumberParseError('a list of credits whose entries are not all records with an "amount"');
  }
  const texts = [...t.matchAll(AMOUNT_RE)].map((m) => m[1] ?? m[2]!);
  // Every entry's amount is found as written (a nested "amount" elsewhere would make the counts differ).
  if (texts.length !== list.length)
    throw new NumberParseError('a list of credits whose amounts cannot all be read as written');
  let sum = 0n;
  for (const a of texts) sum += scaled(a);
  return { micro: toMicro(sum), count: texts.length, currency: null };
}

/** Gross costs and credits of the lines stored, per currency, for the preview's sentence. */
export class CreditsTally {
  private readonly byCurrency = new Map<
    string,
    { gross: bigint; credits: bigint; lines: number; withCredits: number }
  >();

  add(currency: string, gross: Micro, credits: CellCredits | null): void {
    let t = this.byCurrency.get(currency);
    if (!t) this.byCurrency.set(currency, (t = { gross: 0n, credits: 0n, lines: 0, withCredits: 0 }));
    t.gross += BigInt(gross);
    t.lines++;
    if (credits && credits.count > 0) {
      t.credits += BigInt(credits.micro);
      t.withCredits++;
    }
  }

  /**
   * `amounts are net of credits ("cost" + "credits"): cost 1,234.56 − credits 210.00 = 1,024.56 USD
   * (12 of 40 lines have credits)`, one per currency.
   */
  notes(costColumn: string, creditsColumn: string): string[] {
    return [...this.byCurrency].map(([currency, t]) => {
      const cents = (m: bigint) => groupedCents(exactAmount(m).cents);
      const credits = -t.credits;
      const sign = credits < 0n ? '+' : '−';
      const shown = credits < 0n ? -credits : credits;
      return (
        `amounts are net of credits ("${costColumn}" + "${creditsColumn}"): cost ${cents(t.gross)} ${sign} credits ` +
        `${cents(shown)} = ${cents(t.gross + t.credits)} ${currency} (${t.withCredits} of ${t.lines} line${t.lines === 1 ? '' : 's'} with credits)`
      );
    });
  }
}
