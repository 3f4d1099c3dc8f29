import { assertSafeMicro, type Micro } from '../money';

/**
 * An exact sum of stored lines with its provenance: how many lines and which import batches.
 * Batch id 0 stands for lines entered without a batch (the store's rollup key for NULL).
 */
export class Tally {
  micro: Micro = 0;
  lines = 0;
  /** Lines entered without an import batch. */
  unbatchedLines = 0;
  /** Distinct batch ids seen (a short list: a figure rarely spans more than a few dozen imports). */
  private readonly batchList: number[] = [];

  add(micro: Micro, lines: number, batchId: number): this {
    this.micro = assertSafeMicro(this.micro + micro, 'Sum');
    this.lines += lines;
    if (batchId === 0) this.unbatchedLines += lines;
    this.addBatch(batchId);
    return this;
  }

  /** Adds a pre-summed cell: its amount, lines and lines without a batch (batches added separately). */
  addCell(micro: Micro, lines: number, unbatchedLines: number): void {
    this.micro = assertSafeMicro(this.micro + micro, 'Sum');
    this.lines += lines;
    this.unbatchedLines += unbatchedLines;
  }

  addBatch(batchId: number): void {
    if (!this.batchList.includes(batchId)) this.batchList.push(batchId);
  }

  merge(other: Tally): this {
    this.micro = assertSafeMicro(this.micro + other.micro, 'Sum');
    this.lines += other.lines;
    this.unbatchedLines += other.unbatchedLines;
    for (const b of other.batchList) this.addBatch(b);
    return this;
  }

  /** Import batch ids, ascending, without the "no batch" marker. */
  batchIds(): number[] {
    return this.batchList.filter((b) => b !== 0).sort((a, b) => a - b);
  }

  static of(...parts: (Tally | undefined)[]): Tally {
    const t = new Tally();
    for (const p of parts) if (p) t.merge(p);
    return t;
  }
}
