import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDecoder } from '../../../electron/import/textEncoding';

/**
 * A UTF-8 file decoded chunk by chunk (ASCII chunks taken as they are, the others through the decoder) reads
 * as the whole file decoded at once: a BOM dropped only at the start, a character cut between two chunks
 * joined, a broken one replaced (U+FFFD) where it was, U+FEFF inside the file kept.
 */
const piece = fc.constantFrom(
  [0x61, 0x2c, 0x0a],
  [0x22, 0x62, 0x22],
  [0xc3, 0xa9], // é
  [0xe2, 0x82, 0xac], // €
  [0xf0, 0x9f, 0x98, 0x80], // an emoji (a surrogate pair)
  [0xef, 0xbb, 0xbf], // U+FEFF (a BOM at the start)
  [0xc3], // a lead byte without its continuation
  [0x80], // a continuation byte alone
  [0xff],
);

describe('UTF-8 decoding by chunks', () => {
  it('equals decoding the whole file at once, whatever the chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(piece, { maxLength: 6 }), { maxLength: 12 }),
        fc.array(fc.nat({ max: 12 }), { maxLength: 12 }),
        (parts, cuts) => {
          const bytes = Uint8Array.from(parts.flat(2));
          const whole = new TextDecoder('utf-8').decode(bytes);
          const decoder = createDecoder('utf-8');
          let text = '';
          let at = 0;
          for (const n of cuts) {
            text += decoder.decode(Buffer.from(bytes.subarray(at, at + n)), true);
            at = Math.min(bytes.length, at + n);
          }
          text += decoder.decode(Buffer.from(bytes.subarray(at)), true);
          text += decoder.decode(new Uint8Array(0), false);
          expect(text).toBe(whole);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
