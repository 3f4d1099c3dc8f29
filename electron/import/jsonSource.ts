import fs from 'node:fs';
import type { Cell, SourceRow } from '../../shared/import/cells';
import { rejectFile } from '../../shared/import/errors';
import { LIMITS } from './sniff';

/**
 * JSON files that are a list of records — Google Cloud's retired billing "file export" is one:
 * `[{"lineItemId": …, "startTime": …, "cost": {"amount": "10.089547", "currency": "USD"}}, …]`. Each record
 * is a row; nested objects become dotted columns (`cost.amount`), lists become JSON text. Numbers keep
 * the text they were written with (JSON.parse would round them to a double). Row 1 is the column names
 * (every key, in the order first met), record n is row n + 1. The file is parsed whole, so it has its own
 * size limit; JSON billing files are daily or monthly and small.
 */

export const JSON_LIMITS = {
  bytes: 64 * 1024 * 1024,
  /** Nesting deeper than this is refused (a hostile file would otherwise exhaust the stack). */
  depth: 64,
};

export interface JsonOptions {
  onChunk?: (chunk: Buffer) => void;
}

/** A JSON number as written. */
class JsonNumber {
  constructor(readonly text: string) {}
}
type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

class JsonSyntaxError extends Error {}

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function parseJson(text: string): JsonValue {
  let i = 0;
  const fail = (what: string): never => {
    const line = text.slice(0, i).split('\n').length;
    throw new JsonSyntaxError(`${what} at line ${line}`);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t'))
      i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('a string is never closed');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('a string JSON does not allow (a bad escape or a control character)');
    }
  };
  const value = (depth: number): JsonValue => {
    if (depth > JSON_LIMITS.depth) fail(`nesting deeper than ${JSON_LIMITS.depth} levels`);
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const out: { [key: string]: JsonValue } = {};
      space();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('a key was expected');
        const key = string();
        space();
        if (text[i] !== ':') fail('":" was expected');
        i++;
        out[key] = value(depth + 1);
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return out;
        } else fail('"," or "}" was expected');
      }
    }
    if (c === '[') {
      i++;
      const out: JsonValue[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value(depth + 1));
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return out;
        } else fail('"," or "]" was expected');
      }
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) return ((i += 4), true);
    if (text.startsWith('false', i)) return ((i += 5), false);
    if (text.startsWith('null', i)) return ((i += 4), null);
    NUMBER_RE.lastIndex = i;
    const m = NUMBER_RE.exec(text);
    if (!m) return fail('a value was expected');
    i += m[0].length;
    return new JsonNumber(m[0]);
  };
  const v = value(0);
  space();
  if (i < text.length) fail('text after the end of the JSON value');
  return v;
}

/** JSON text of a value, numbers as written. */
function jsonText(v: JsonValue): string {
  if (v instanceof JsonNumber) return v.text;
  if (Array.isArray(v)) return `[${v.map(jsonText).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** A JSON number as cell text; three decimals get a fourth zero ("1.234" reads as a thousands group too). */
function numberCell(text: string): string {
  return /^-?[1-9]\d{0,2}\.\d{3}$/.test(text) ? `${text}0` : text;
}

function flatten(record: { [key: string]: JsonValue }, prefix: string, out: Map<string, Cell>): void {
  for (const [key, v] of Object.entries(record)) {
    const name = prefix + key;
    if (v instanceof JsonNumber) out.set(name, numberCell(v.text));
    else if (Array.isArray(v)) out.set(name, jsonText(v));
    else if (v !== null && typeof v === 'object') flatten(v, `${name}.`, out);
    else out.set(name, v);
  }
}

/** Reads, checks and flattens the file (once per pass: it is small by its limit). */
function readRecords(
  file: string,
  name: string,
  o: JsonOptions,
): { headers: string[]; rows: Map<string, Cell>[] } {
  const bytes = fs.statSync(file).size;
  if (bytes > JSON_LIMITS.bytes) {
    throw rejectFile(
      name,
      `the JSON file is ${Math.round(bytes / 1024 / 1024)} MB, beyond the import limit of ${JSON_LIMITS.bytes / 1024 / 1024} MB for JSON; export the data as CSV`,
    );
  }
  const buffer = fs.readFileSync(file);
  o.onChunk?.(buffer);
  let doc: JsonValue;
  try {
    doc = parseJson(new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, ''));
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw rejectFile(name, `this is not valid JSON: ${err.message}`);
    throw rejectFile(name, 'this JSON file is not UTF-8 text');
  }
  if (
    !Array.isArray(doc) ||
    doc.some((r) => r === null || typeof r !== 'object' || Array.isArray(r) || r instanceof JsonNumber)
  ) {
    throw rejectFile(name, 'this JSON file is not a list of records ([{…}, {…}]); export the data as CSV');
  }
  if (doc.length > LIMITS.rows)
    throw rejectFile(
      name,
      `more than ${LIMITS.rows.toLocaleString('en-US')} records, beyond the import limit`,
    );
  const headers = new Map<string, number>();
  const rows = (doc as { [key: string]: JsonValue }[]).map((record) => {
    const cells = new Map<string, Cell>();
    flatten(record, '', cells);
    for (const k of cells.keys()) if (!headers.has(k)) headers.set(k, headers.size);
    return cells;
  });
  if (headers.size > LIMITS.columns)
    throw rejectFile(name, `${headers.size} columns, beyond the import limit of ${LIMITS.columns}`);
  return { headers: [...headers.keys()], rows };
}

/** Checks a JSON file is a list of records this reader takes (before the header is read). */
export function checkJson(file: string, name: string): void {
  readRecords(file, name, {});
}

export async function* jsonRows(file: string, name: string, o: JsonOptions): AsyncGenerator<SourceRow[]> {
  const { headers, rows } = readRecords(file, name, o);
  yield [{ row: 1, cells: headers }];
  for (let start = 0; start < rows.length; start += 8192) {
    yield rows
      .slice(start, start + 8192)
      .map((cells, k) => ({ row: start + k + 2, cells: headers.map((h) => cells.get(h) ?? null) }));
  }
}
