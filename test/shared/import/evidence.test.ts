import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatEvidence } from '../../../shared/import/evidence';
import { decimalHint } from '../../../shared/import/numbers';

/**
 * The decimal separator decided from every number cell: FormatEvidence stops reading cells that can no longer
 * change the decision; the decision and the rows its problem names must be those of reading every cell.
 */
function everyCell(texts: readonly string[]) {
  const first: Record<string, number | undefined> = {};
  texts.forEach((t, i) => {
    const h = decimalHint(t);
    if (h !== 'none') first[h] ??= i + 2;
  });
  const dot = first['.'];
  const comma = first[','];
  if (dot !== undefined && comma !== undefined) return { value: null, row: comma };
  if (dot !== undefined) return { value: '.', row: null };
  if (comma !== undefined) return { value: ',', row: null };
  if (first.ambiguous !== undefined) return { value: null, row: first.ambiguous };
  return { value: '.', row: null };
}

describe('FormatEvidence: the decimal separator', () => {
  it('decides as reading every cell would, naming the same row', () => {
    const text = fc
      .array(fc.constantFrom('1', '2', '0', '12', '123', '.', ',', '-', ' ', 'e5', '(', ')', '€'), {
        minLength: 1,
        maxLength: 7,
      })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
        const evidence = new FormatEvidence();
        texts.forEach((t, i) => evidence.number(t, i + 2, 'Amount'));
        const decided = evidence.decideDecimal();
        const expected = everyCell(texts);
        expect(decided.value).toBe(expected.value);
        expect(decided.problem?.row ?? null).toBe(expected.row);
      }),
      { numRuns: 5000 },
    );
  });

  it('a point seen, then thousands grouped by points, is mixed (the comma shown by two points)', () => {
    const evidence = new FormatEvidence();
    evidence.number('12.50', 2, 'Amount');
    evidence.number('1.234.567', 3, 'Amount');
    expect(evidence.decideDecimal().problem?.row).toBe(3);
  });
});
