import { monthOf } from '../../shared/fiscal';

/**
 * One `spend_monthly` row being summed from lines, with the trigger's coalesces (no initiative = 0 or, by
 * name, null; no vendor = ''). `initiative` is the initiative's id on the thread that stores the lines and
 * its spelling in the file on the thread that reads them (which has no database).
 */
export interface RollupGroup<I> {
  month: string;
  initiative: I;
  category: string;
  vendor: string;
  currency: string;
  /** Exact in a number while that is safe, carried into `carried` beyond (the total is their sum). */
  micro: number;
  carried: bigint;
  lines: number;
}

/** Sums spend lines into their rollup groups, exact past 2^53. */
export class RollupSum<I extends string | number | null> {
  private readonly groups = new Map<string, RollupGroup<I>>();

  add(
    date: string,
    initiative: I,
    category: string,
    vendor: string | null,
    currency: string,
    amount: number,
  ): void {
    this.addTotal(monthOf(date), initiative, category, vendor, currency, amount, 1);
  }

  /** Lines already summed (`micro`, a safe integer, over `lines` lines) into one group. */
  addTotal(
    month: string,
    initiative: I,
    category: string,
    vendor: string | null,
    currency: string,
    micro: number,
    lines: number,
  ): void {
    const v = vendor ?? '';
    const key = `${month}\u0000${initiative ?? ''}\u0000${category}\u0000${v}\u0000${currency}`;
    let g = this.groups.get(key);
    if (g === undefined) {
      g = { month, initiative, category, vendor: v, currency, micro: 0, carried: 0n, lines: 0 };
      this.groups.set(key, g);
    }
    if (Math.abs(g.micro) + Math.abs(micro) > Number.MAX_SAFE_INTEGER) {
      g.carried += BigInt(g.micro);
      g.micro = 0;
    }
    g.micro += micro;
    g.lines += lines;
  }

  rows(): RollupGroup<I>[] {
    return [...this.groups.values()];
  }
}

/** A group's exact total: a number while safe, else a BigInt (better-sqlite3 binds either). */
export function groupTotal(g: RollupGroup<unknown>): number | bigint {
  return g.carried === 0n ? g.micro : g.carried + BigInt(g.micro);
}
