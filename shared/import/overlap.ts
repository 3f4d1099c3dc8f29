import { shortMonth } from '../export/format';
import type { ImportOverlap } from './summary';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * An overlapping batch in words, with what replacing it would take away: replacing undoes the whole batch,
 * so rows it holds outside this file's months go too, and the sentence says how many.
 */
export function describeOverlap(o: ImportOverlap): string {
  const span = o.from === o.to ? shortMonth(o.from) : `${shortMonth(o.from)} – ${shortMonth(o.to)}`;
  const outside = o.batchRows - o.rows;
  return (
    `batch #${o.batch} “${o.fileName}” has ${plural(o.rows, 'row')} in these months` +
    (outside > 0
      ? `, and ${plural(outside, 'more row')} outside them (all ${plural(o.batchRows, 'row')}: ${span})`
      : ` (${span})`)
  );
}

/** True when replacing would also remove rows dated outside this file's months. */
export function replaceRemovesMore(overlaps: readonly ImportOverlap[]): boolean {
  return overlaps.some((o) => o.batchRows > o.rows);
}
