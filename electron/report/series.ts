import { addMonths, type Month } from '../../shared/fiscal';
import { Tally } from '../../shared/metrics/tally';
import type { Micro } from '../../shared/money';

/** Monthly tallies per key (an initiative, a category, a vendor…), filled once from the rollup rows. */
export class MonthlySeries<K> {
  private readonly byKey = new Map<K, Map<Month, Tally>>();

  add(key: K, month: Month, micro: Micro, lines: number, batchId: number): void {
    let months = this.byKey.get(key);
    if (!months) this.byKey.set(key, (months = new Map()));
    let t = months.get(month);
    if (!t) months.set(month, (t = new Tally()));
    t.add(micro, lines, batchId);
  }

  keys(): K[] {
    return [...this.byKey.keys()];
  }

  has(key: K): boolean {
    return this.byKey.has(key);
  }

  /** The tally of one key over [from, to] (inclusive months; from null = since the beginning). */
  sum(key: K, from: Month | null, to: Month): Tally {
    const out = new Tally();
    const months = this.byKey.get(key);
    if (!months) return out;
    for (const [m, t] of months) if ((from === null || m >= from) && m <= to) out.merge(t);
    return out;
  }

  /** Several keys at once. */
  sumKeys(keys: readonly K[], from: Month | null, to: Month): Tally {
    return Tally.of(...keys.map((k) => this.sum(k, from, to)));
  }

  month(key: K, month: Month): Micro {
    return this.byKey.get(key)?.get(month)?.micro ?? 0;
  }

  lines(key: K, month: Month): number {
    return this.byKey.get(key)?.get(month)?.lines ?? 0;
  }

  /** Amounts for consecutive months from `from` to `to` (months without lines are 0). */
  amounts(key: K, from: Month, to: Month): Micro[] {
    const out: Micro[] = [];
    for (let m = from; m <= to; m = addMonths(m, 1)) out.push(this.month(key, m));
    return out;
  }

  /** Earliest month with lines for the key, or null. */
  firstMonth(key: K): Month | null {
    const months = this.byKey.get(key);
    if (!months) return null;
    let first: Month | null = null;
    for (const [m, t] of months) if (t.lines > 0 && (first === null || m < first)) first = m;
    return first;
  }
}
