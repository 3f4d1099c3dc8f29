import fs from 'node:fs';
import Papa from 'papaparse';
import type { SourceRow } from '../../shared/import/cells';
import { rejectFile } from '../../shared/import/errors';
import { tokenizeCsv, type Tokenized } from './csvTokenize';
import { LIMITS } from './sniff';
import { createDecoder, type TextEncodingName } from './textEncoding';

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * Bytes read at a time: each chunk's records are one batch (one message from a worker, one batch stored).
 * 512 KB gained no measurable CPU and raised a 1M-line import's peak RSS from 195 to 265–275 MB (BENCHMARKS.md).
 */
export const CSV_CHUNK_BYTES = 128 * 1024;

export interface CsvOptions {
  encoding: TextEncodingName;
  delimiter: CsvDelimiter;
  newline: '\r\n' | '\n' | '\r';
  /** Called with each chunk of raw file bytes as it is read (progress and the SHA-256). */
  onChunk?: (chunk: Buffer) => void;
}

/** Decoded text from the start of the file (enough to detect delimiter, newline and header). */
export async function readTextHead(
  file: string,
  encoding: TextEncodingName,
  bytes = 256 * 1024,
): Promise<string> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fd.read(buf, 0, bytes, 0);
    return createDecoder(encoding).decode(buf.subarray(0, bytesRead), true);
  } finally {
    await fd.close();
  }
}

export function detectNewline(text: string): CsvOptions['newline'] {
  const crlf = text.indexOf('\r\n');
  const lf = text.indexOf('\n');
  if (crlf !== -1 && crlf < lf) return '\r\n';
  if (lf !== -1) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

/**
 * The delimiter that splits the first lines into the same number of fields (more than one),
 * quote-aware. Comma wins ties, as the most common.
 */
export function detectDelimiter(head: string, newline: CsvOptions['newline']): CsvDelimiter {
  const complete = head.lastIndexOf(newline) > 0 ? head.slice(0, head.lastIndexOf(newline)) : head;
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const delimiter of CSV_DELIMITERS) {
    const rows = Papa.parse<string[]>(complete, { delimiter, newline, preview: 50 }).data.filter(
      (r) => r.length > 1 || (r[0] ?? '') !== '',
    );
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let modeWidth = 1;
    let modeCount = 0;
    for (const [w, c] of counts)
      if (c > modeCount || (c === modeCount && w > modeWidth)) [modeWidth, modeCount] = [w, c];
    const score = modeWidth > 1 ? modeCount * 1000 + modeWidth : 0;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Streams a CSV file as batches of rows: bytes → text (in the detected encoding) → records, chunk by chunk,
 * carrying an incomplete last record over to the next chunk. The common case is split by `tokenizeCsv`; a
 * chunk it does not accept (a malformed or unclosed quote) goes to papaparse's core parser, which rules on
 * it. The whole file is never in memory; a quote left open cannot swallow more than LIMITS.csvFieldBytes.
 */
export async function* csvRows(file: string, name: string, o: CsvOptions): AsyncGenerator<SourceRow[]> {
  const parser = new Papa.Parser({ delimiter: o.delimiter, newline: o.newline, quoteChar: '"' });
  const decoder = createDecoder(o.encoding);
  const stream = fs.createReadStream(file, { highWaterMark: CSV_CHUNK_BYTES });
  let carry = '';
  let row = 0;
  // Rows go out a chunk at a time: one await per megabyte, not per row.
  // Papaparse's records for what the tokenizer leaves to it: its errors name the row.
  const papa = (text: string, last: boolean): Tokenized => {
    const res = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>;
    const quoteError = res.errors.find((e) => e.type === 'Quotes');
    if (quoteError) {
      throw rejectFile(
        name,
        `row ${row + (quoteError.row ?? 0) + 1}: a quoted field is never closed (missing ")`,
      );
    }
    return { rows: res.data, cursor: res.meta.cursor };
  };
  const emit = (text: string, last: boolean): SourceRow[] => {
    const out: SourceRow[] = [];
    const res = tokenizeCsv(text, o.delimiter, o.newline, last) ?? papa(text, last);
    for (const cells of res.rows) {
      row++;
      if (row > LIMITS.rows)
        throw rejectFile(
          name,
          `more than ${LIMITS.rows.toLocaleString('en-US')} rows, beyond the import limit`,
        );
      if (cells.length > LIMITS.columns) {
        throw rejectFile(
          name,
          `row ${row} has ${cells.length} columns, beyond the import limit of ${LIMITS.columns}`,
        );
      }
      out.push({ row, cells });
    }
    carry = text.slice(res.cursor);
    return out;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      o.onChunk?.(chunk);
      yield emit(carry + decoder.decode(chunk, true), false);
      if (carry.length > LIMITS.csvFieldBytes) {
        throw rejectFile(
          name,
          `row ${row + 1}: a record runs over ${LIMITS.csvFieldBytes / 1024 / 1024} MB (an unclosed quote?)`,
        );
      }
    }
    const rest = carry + decoder.decode(new Uint8Array(0), false);
    if (rest !== '') yield emit(rest, true);
  } finally {
    stream.destroy();
  }
}
