/**
 * The common case of CSV text, split into records without papaparse: fields unquoted or quoted (a doubled
 * quote inside for a quote, delimiters and newlines inside kept), each quoted field closed right before a
 * delimiter, the newline or the end of the text. Anything else — a closing quote followed by other
 * characters or by spaces, a quote never closed in the file's last text — is left to papaparse (`null`),
 * which rules on it and reports its errors: for the text this accepts, the records are papaparse's own
 * (`test/electron/import/csvTokenize.property.test.ts` compares the two).
 */

const QUOTE = 0x22;

export interface Tokenized {
  /** The complete records, each a list of fields. */
  rows: string[][];
  /** Where the first record not returned starts (the text's length when all were). */
  cursor: number;
}

/**
 * Splits `text` with a one-character `delimiter` and `newline`. `last`: the text ends the file, so its last
 * record is complete without a newline; otherwise that record (or one whose quote is still open) is not
 * returned, `cursor` points at it and the caller prepends it to the next text.
 */
export function tokenizeCsv(
  text: string,
  delimiter: string,
  newline: string,
  last: boolean,
): Tokenized | null {
  const n = text.length;
  if (n === 0) return { rows: [], cursor: 0 };
  const delim = delimiter.charCodeAt(0);
  const nl0 = newline.charCodeAt(0);
  const nlLen = newline.length;
  const rows: string[][] = [];
  let pos = 0;
  // The next delimiter and newline at or after `pos` (-1: none left): searched again only once passed.
  let nextDelim = text.indexOf(delimiter);
  let nextNewline = text.indexOf(newline);
  for (;;) {
    const rowStart = pos;
    const cells: string[] = [];
    for (;;) {
      if (pos < n && text.charCodeAt(pos) === QUOTE) {
        let from = pos + 1;
        let value = '';
        let close: number;
        for (;;) {
          close = text.indexOf('"', from);
          if (close === -1) return last ? null : { rows, cursor: rowStart };
          if (close + 1 < n && text.charCodeAt(close + 1) === QUOTE) {
            // A doubled quote: one quote of the value.
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          break;
        }
        value = value === '' ? text.slice(from, close) : value + text.slice(from, close);
        const after = close + 1;
        if (after === n) {
          if (!last) return { rows, cursor: rowStart };
          cells.push(value);
          rows.push(cells);
          return { rows, cursor: n };
        }
        const c = text.charCodeAt(after);
        if (c === delim) {
          cells.push(value);
          pos = after + 1;
          if (nextDelim !== -1 && nextDelim < pos) nextDelim = text.indexOf(delimiter, pos);
          if (nextNewline !== -1 && nextNewline < pos) nextNewline = text.indexOf(newline, pos);
          continue;
        }
        if (c === nl0 && (nlLen === 1 || text.charCodeAt(after + 1) === newline.charCodeAt(1))) {
          cells.push(value);
          pos = after + nlLen;
          if (nextDelim !== -1 && nextDelim < pos) nextDelim = text.indexOf(delimiter, pos);
          if (nextNewline !== -1 && nextNewline < pos) nextNewline = text.indexOf(newline, pos);
          break;
        }
        // "\r" of a "\r\n" newline ending the text: the record continues in the next text.
        if (!last && c === nl0 && after + 1 === n) return { rows, cursor: rowStart };
        return null;
      }
      if (nextDelim !== -1 && (nextDelim < nextNewline || nextNewline === -1)) {
        cells.push(text.slice(pos, nextDelim));
        pos = nextDelim + 1;
        nextDelim = text.indexOf(delimiter, pos);
        continue;
      }
      if (nextNewline !== -1) {
        cells.push(text.slice(pos, nextNewline));
        pos = nextNewline + nlLen;
        nextNewline = text.indexOf(newline, pos);
        break;
      }
      // The text's last record, without a newline.
      if (!last) return { rows, cursor: rowStart };
      cells.push(text.slice(pos));
      rows.push(cells);
      return { rows, cursor: n };
    }
    rows.push(cells);
  }
}
