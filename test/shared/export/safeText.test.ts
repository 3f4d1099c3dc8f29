import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFormulaLike, safeText, safeTextOrEmpty } from '../../../shared/export/safeText';

describe('safeText (spreadsheet formula-injection guard)', () => {
  it('prefixes text starting with = + - @ tab CR LF with an apostrophe', () => {
    for (const s of ["=cmd|' /C calc'!A0", '+SUM(A1)', '-2+3', '@SUM(1)', '\t=1', '\r=1', '\n=1'])
      expect(safeText(s)).toBe(`'${s}`);
  });
  it('leaves every other text alone', () => {
    for (const s of ['OpenAI', 'Claims Triage', '', ' =not at start', "'already quoted", '1+1', 'a=b'])
      expect(safeText(s)).toBe(s);
    expect(safeTextOrEmpty(null)).toBe('');
    expect(safeTextOrEmpty(undefined)).toBe('');
  });
  it('never returns text that a spreadsheet would read as a formula, and keeps the original after the prefix', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = safeText(s);
        expect(isFormulaLike(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });
});
