import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../shared/import/cells';
import { CSV_CHUNK_BYTES, CSV_DELIMITERS, csvRows } from '../../../electron/import/csvSource';
import { tokenizeCsv } from '../../../electron/import/csvTokenize';

/**
 * The tokenizer takes the common case from papaparse; for every text it accepts, its records and cursor must
 * be papaparse's own, with the file's last text and with a text the next one continues. Texts are drawn from
 * the characters that matter (quotes, every delimiter, CR, LF, spaces, letters, a non-Latin letter).
 */
function papa(text: string, delimiter: string, newline: '\n' | '\r\n' | '\r', last: boolean) {
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  const res = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>;
  return { rows: res.data, cursor: res.meta.cursor, errors: res.errors };
}

const piece = fc.constantFrom('a', 'bc', '"', '""', ',', ';', '\t', '|', '\n', '\r', '\r\n', ' ', 'é', 'x y');
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
/** Lines of well-formed fields (quoted when they hold a quote, delimiter or newline), as exports write them. */
const wellFormed = (delimiter: string, newline: string) =>
  fc
    .array(
      fc.array(
        fc.array(piece, { maxLength: 4 }).map((p) => p.join('')),
        { minLength: 1, maxLength: 5 },
      ),
      {
        minLength: 1,
        maxLength: 8,
      },
    )
    .map((rows) =>
      rows
        .map((cells) =>
          cells.map((c) => (/["\r\n,;\t|]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter),
        )
        .join(newline),
    );

describe('tokenizeCsv', () => {
  for (const newline of ['\n', '\r\n', '\r'] as const) {
    const label = JSON.stringify(newline);
    it(`gives papaparse's records and cursor for any text it accepts (newline ${label})`, () => {
      fc.assert(
        fc.property(text, fc.constantFrom(...CSV_DELIMITERS), fc.boolean(), (t, delimiter, last) => {
          const ours = tokenizeCsv(t, delimiter, newline, last);
          if (ours === null) return;
          const theirs = papa(t, delimiter, newline, last);
          // Papaparse's one error on a text ours accepts: a CRLF newline cut between its two characters at the
          // end of a text the next one continues, right after a closing quote (taken as a malformed quote).
          if (theirs.errors.length > 0) {
            expect(last).toBe(false);
            expect(t.endsWith('"\r') && newline === '\r\n').toBe(true);
            return;
          }
          expect(ours.rows).toEqual(theirs.rows);
          expect(ours.cursor).toBe(theirs.cursor);
        }),
        { numRuns: 3000 },
      );
    });

    it(`accepts every well-formed text and splits it as papaparse does, cut anywhere (newline ${label})`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...CSV_DELIMITERS).chain((d) => fc.tuple(fc.constant(d), wellFormed(d, newline))),
          fc.nat(),
          ([delimiter, t], cutAt) => {
            const whole = tokenizeCsv(t, delimiter, newline, true);
            expect(whole).not.toBeNull();
            expect(whole).toEqual({ rows: papa(t, delimiter, newline, true).rows, cursor: t.length });
            // Cut into two texts as chunks arrive: the first's complete records, then the rest from its cursor
            // (none when the first ended with a newline), as csvSource reads a file; papaparse read it so too.
            const cut = cutAt % (t.length + 1);
            const head = tokenizeCsv(t.slice(0, cut), delimiter, newline, false);
            expect(head).not.toBeNull();
            const rest = t.slice(head!.cursor);
            const tail = rest === '' ? [] : tokenizeCsv(rest, delimiter, newline, true)!.rows;
            const theirHead = papa(t.slice(0, cut), delimiter, newline, false);
            const theirRest = t.slice(theirHead.cursor);
            const theirTail = theirRest === '' ? [] : papa(theirRest, delimiter, newline, true).rows;
            expect([...head!.rows, ...tail]).toEqual([...theirHead.rows, ...theirTail]);
          },
        ),
        { numRuns: 2000 },
      );
    });
  }

  it('leaves to papaparse what it rules on: text after a closing quote, a quote never closed', () => {
    expect(tokenizeCsv('"a"b,c\n', ',', '\n', true)).toBeNull();
    expect(tokenizeCsv('"a" ,c\n', ',', '\n', true)).toBeNull();
    expect(tokenizeCsv('x,"open\n', ',', '\n', true)).toBeNull();
    // Not the file's end: the open record waits for the next text.
    expect(tokenizeCsv('a,b\nx,"open\n', ',', '\n', false)).toEqual({ rows: [['a', 'b']], cursor: 4 });
  });
});

describe('csvRows', () => {
  it('reads a CRLF file whose newline is cut between two chunks right after a closing quote', async () => {
    // The first chunk ends in `"\r`, its `\n` starts the second: papaparse alone took the quote
    // as malformed and refused the file.
    const chunk = CSV_CHUNK_BYTES;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-crlf-'));
    try {
      const lines = ['Date,Amount,Note'];
      let size = lines[0]!.length + 2;
      let i = 0;
      while (size < chunk - 200) {
        const line = `2026-01-${String((i % 28) + 1).padStart(2, '0')},${i}.5,"note ${i}, quoted"`;
        lines.push(line);
        size += line.length + 2;
        i++;
      }
      // The last line before the cut is padded so its closing quote is the chunk's second-last byte.
      const pad = chunk - size - '2026-02-01,1.25,""'.length - 1;
      lines.push(`2026-02-01,1.25,"${'x'.repeat(pad)}"`);
      lines.push('2026-02-02,2.5,"after the cut"');
      const text = `${lines.join('\r\n')}\r\n`;
      expect(text.slice(chunk - 2, chunk + 1)).toBe('"\r\n');
      const file = path.join(dir, 'crlf.csv');
      fs.writeFileSync(file, text);
      const rows: Cell[][] = [];
      for await (const batch of csvRows(file, 'crlf.csv', {
        encoding: 'utf-8',
        delimiter: ',',
        newline: '\r\n',
      }))
        rows.push(...batch.map((r) => r.cells));
      expect(rows).toHaveLength(lines.length);
      expect(rows[lines.length - 2]).toEqual(['2026-02-01', '1.25', 'x'.repeat(pad)]);
      expect(rows[lines.length - 1]).toEqual(['2026-02-02', '2.5', 'after the cut']);
      expect(rows[1]).toEqual(['2026-01-01', '0.5', 'note 0, quoted']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
