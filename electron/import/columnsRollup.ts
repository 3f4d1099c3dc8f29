import { monthOf } from '../../shared/fiscal';
import type { RollupSum } from '../store/spendRollupSum';
import { batchTexts, NUMBERS, TEXTS, type SpendColumns } from './scanProtocol';

/** A batch's lines of one rollup group, summed while the sum is a safe integer. */
interface Partial {
  month: number;
  initiative: number;
  category: number;
  vendor: number;
  currency: number;
  micro: number;
  lines: number;
}

/**
 * Above this many texts in a batch, three text indexes no longer fit one safe integer key (K³ < 2^53):
 * such a batch is summed line by line.
 */
const MAX_KEYED_TEXTS = 131_071;

/**
 * Sums a batch's spend lines into their rollup groups, as `RollupSum.add` line by line would, but keyed by the
 * batch's text indexes (numbers, no string built or hashed per line): a batch's thousand lines fall into a few
 * dozen groups, each added to `into` once. Months are numbered per batch (the dates of a month share one).
 */
export function sumSpendColumns(batch: SpendColumns, into: RollupSum<string | null>): void {
  const { numbers, texts } = batch;
  const text = batchTexts(batch);
  const n = numbers.length / NUMBERS;
  const k = batch.ends.length + 1; // text index + 1: 0 stands for none
  if (k > MAX_KEYED_TEXTS) {
    for (let line = 0, a = 0, b = 0; line < n; line++, a += NUMBERS, b += TEXTS) {
      into.add(
        text(texts[b]!)!,
        text(texts[b + 2]!),
        text(texts[b + 3]!)!,
        text(texts[b + 4]!),
        text(texts[b + 1]!)!,
        numbers[a + 1]!,
      );
    }
    return;
  }
  const monthOfDate = new Int32Array(k).fill(-1);
  const monthIds = new Map<string, number>();
  const months: string[] = [];
  const groups = new Map<number, Map<number, Partial>>();
  const add = (g: Partial) =>
    into.addTotal(
      months[g.month]!,
      text(g.initiative - 1),
      text(g.category - 1)!,
      text(g.vendor - 1),
      text(g.currency - 1)!,
      g.micro,
      g.lines,
    );
  for (let line = 0, a = 0, b = 0; line < n; line++, a += NUMBERS, b += TEXTS) {
    const d = texts[b]!;
    let month = monthOfDate[d]!;
    if (month < 0) {
      const name = monthOf(text(d)!);
      month = monthIds.get(name) ?? -1;
      if (month < 0) monthIds.set(name, (month = months.push(name) - 1));
      monthOfDate[d] = month;
    }
    const initiative = texts[b + 2]! + 1;
    const category = texts[b + 3]! + 1;
    const vendor = texts[b + 4]! + 1;
    const currency = texts[b + 1]! + 1;
    const outer = (month * k + initiative) * k + category;
    let inner = groups.get(outer);
    if (inner === undefined) groups.set(outer, (inner = new Map()));
    const key = vendor * k + currency;
    let g = inner.get(key);
    if (g === undefined) {
      g = { month, initiative, category, vendor, currency, micro: 0, lines: 0 };
      inner.set(key, g);
    }
    const amount = numbers[a + 1]!;
    if (Math.abs(g.micro) + Math.abs(amount) > Number.MAX_SAFE_INTEGER) {
      add(g);
      g.micro = 0;
      g.lines = 0;
    }
    g.micro += amount;
    g.lines++;
  }
  for (const inner of groups.values()) for (const g of inner.values()) if (g.lines > 0) add(g);
}
