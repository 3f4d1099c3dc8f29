import { addMonths, type Month } from '../../shared/fiscal';
import { MoneyOverflowError, type Micro } from '../../shared/money';
import { Tally } from '../../shared/metrics/tally';

/** Months as consecutive integers (year × 12 + month − 1), so a month range is an index range. */
export function monthNumber(m: Month): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}

const NO_BATCH = -1;

/**
 * Monthly tallies per key (an initiative, a category, a vendor…) over a fixed span of months, held in dense
 * typed arrays: filling is one pass over the rollup rows and a range sum touches at most one entry per month.
 * Sums stay exact integers (micro-units) and are checked against the safe-integer range.
 */
export class MonthlySeries<K> {
  private readonly index = new Map<K, number>();
  private readonly keyList: K[] = [];
  private readonly micro: Float64Array[] = [];
  private readonly lineCounts: Int32Array[] = [];
  private readonly unbatched: Int32Array[] = [];
  /** The first batch seen in each cell; further distinct batches go to `moreBatches`. */
  private readonly firstBatch: Int32Array[] = [];
  private readonly moreBatches = new Map<number, number[]>();
  private readonly base: number;

  constructor(
    readonly firstMonth: Month,
    readonly monthCount: number,
  ) {
    this.base = monthNumber(firstMonth);
  }

  private slot(key: K): number {
    let k = this.index.get(key);
    if (k === undefined) {
      k = this.keyList.length;
      this.index.set(key, k);
      this.keyList.push(key);
      this.micro.push(new Float64Array(this.monthCount));
      this.lineCounts.push(new Int32Array(this.monthCount));
      this.unbatched.push(new Int32Array(this.monthCount));
      this.firstBatch.push(new Int32Array(this.monthCount).fill(NO_BATCH));
    }
    return k;
  }

  /** Index of a month in the span (may fall outside it). */
  at(month: Month): number {
    return monthNumber(month) - this.base;
  }

  /** Adds to the cell at month index `i` (from `at`). */
  add(key: K, i: number, micro: Micro, lines: number, batchId: number): void {
    const k = this.slot(key);
    const sums = this.micro[k]!;
    const next = sums[i]! + micro;
    if (!Number.isSafeInteger(next)) throw new MoneyOverflowError('Sum');
    sums[i] = next;
    this.lineCounts[k]![i]! += lines;
    if (batchId === 0) this.unbatched[k]![i]! += lines;
    const batches = this.firstBatch[k]!;
    if (batches[i] === NO_BATCH) batches[i] = batchId;
    else if (batches[i] !== batchId) {
      const cell = k * this.monthCount + i;
      const more = this.moreBatches.get(cell);
      if (!more) this.moreBatches.set(cell, [batchId]);
      else if (!more.includes(batchId)) more.push(batchId);
    }
  }

  keys(): K[] {
    return this.keyList;
  }

  has(key: K): boolean {
    return this.index.has(key);
  }

  private range(from: Month | null, to: Month): [number, number] {
    return [from === null ? 0 : Math.max(0, this.at(from)), Math.min(this.monthCount - 1, this.at(to))];
  }

  private sumInto(out: Tally, key: K, from: Month | null, to: Month): Tally {
    const k = this.index.get(key);
    if (k === undefined) return out;
    const [lo, hi] = this.range(from, to);
    const sums = this.micro[k]!;
    const lines = this.lineCounts[k]!;
    const batches = this.firstBatch[k]!;
    const unbatched = this.unbatched[k]!;
    for (let i = lo; i <= hi; i++) {
      if (batches[i] === NO_BATCH) continue;
      out.addCell(sums[i]!, lines[i]!, unbatched[i]!);
      out.addBatch(batches[i]!);
      const more = this.moreBatches.get(k * this.monthCount + i);
      if (more) for (const b of more) out.addBatch(b);
    }
    return out;
  }

  /** The tally of one key over [from, to] (inclusive months; from null = since the beginning). */
  sum(key: K, from: Month | null, to: Month): Tally {
    return this.sumInto(new Tally(), key, from, to);
  }

  /** Several keys at once. */
  sumKeys(keys: readonly K[], from: Month | null, to: Month): Tally {
    const out = new Tally();
    for (const key of keys) this.sumInto(out, key, from, to);
    return out;
  }

  month(key: K, month: Month): Micro {
    const k = this.index.get(key);
    const i = this.at(month);
    return k === undefined || i < 0 || i >= this.monthCount ? 0 : this.micro[k]![i]!;
  }

  lines(key: K, month: Month): number {
    const k = this.index.get(key);
    const i = this.at(month);
    return k === undefined || i < 0 || i >= this.monthCount ? 0 : this.lineCounts[k]![i]!;
  }

  /** Amounts for consecutive months from `from` to `to` (months without lines, or outside the span, are 0). */
  amounts(key: K, from: Month, to: Month): Micro[] {
    return this.column(this.micro, key, from, to);
  }

  /** Line counts for consecutive months from `from` to `to`. */
  lineCountsFor(key: K, from: Month, to: Month): number[] {
    return this.column(this.lineCounts, key, from, to);
  }

  private column(data: (Float64Array | Int32Array)[], key: K, from: Month, to: Month): number[] {
    const lo = this.at(from);
    const n = this.at(to) - lo + 1;
    const out = new Array<number>(Math.max(0, n)).fill(0);
    const k = this.index.get(key);
    if (k === undefined) return out;
    const row = data[k]!;
    for (let j = 0; j < n; j++) {
      const i = lo + j;
      if (i >= 0 && i < this.monthCount) out[j] = row[i]!;
    }
    return out;
  }

  /** Earliest month with lines for the key on or before `to`, or null. */
  firstMonthWithLines(key: K, to: Month): Month | null {
    const k = this.index.get(key);
    if (k === undefined) return null;
    const [, hi] = this.range(null, to);
    const lines = this.lineCounts[k]!;
    for (let i = 0; i <= hi; i++) if (lines[i] !== 0) return addMonths(this.firstMonth, i);
    return null;
  }

  /** Latest month with lines for the key on or before `to`, or null. */
  lastMonthWithLines(key: K, to: Month): Month | null {
    const k = this.index.get(key);
    if (k === undefined) return null;
    const [, hi] = this.range(null, to);
    const lines = this.lineCounts[k]!;
    for (let i = hi; i >= 0; i--) if (lines[i] !== 0) return addMonths(this.firstMonth, i);
    return null;
  }
}
