import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlank } from '../../../shared/import/cells';

describe('isBlank', () => {
  it('names the null spellings blank, whatever their case and edge spaces', () => {
    for (const t of [
      '',
      ' ',
      '\t',
      'null',
      'NULL',
      ' Null ',
      'n/a',
      'N/A',
      '--',
      '-',
      ' - ',
      '—',
      '\u00a0-\u00a0',
    ])
      expect(isBlank(t), JSON.stringify(t)).toBe(true);
    for (const t of [
      '0',
      'USD',
      'no',
      'N/A2',
      'nul',
      '-1',
      '-5',
      'x',
      '€',
      '1.5',
      'a-',
      'none',
      'Null value',
    ])
      expect(isBlank(t), JSON.stringify(t)).toBe(false);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
  });

  it('agrees with trimming and looking the text up, for every text of up to four characters', () => {
    const tokens = new Set(['', 'null', 'n/a', '--', '-', '—']);
    const char = fc.constantFrom(
      'n',
      'N',
      'u',
      'l',
      'L',
      '/',
      'a',
      'A',
      '-',
      '—',
      ' ',
      '\t',
      '\u00a0',
      '0',
      'x',
      'é',
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 4 }), (chars) => {
        const t = chars.join('');
        expect(isBlank(t)).toBe(tokens.has(t.trim().toLowerCase()));
      }),
      { numRuns: 5000 },
    );
  });
});
