import { cellText, columnLetter, type Cell } from './cells';

/** Header text as written, tidied: BOM removed, newlines and runs of spaces collapsed. */
export function tidyHeader(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The key headers are compared by: lowercase letters and digits only ("Cost (USD)" → "costusd"). */
export function headerKey(text: string): string {
  return tidyHeader(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Identifies a header layout across files: the same columns in the same order give the same
 * signature next quarter, whatever the file is called.
 */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(headerKey).join('|');
}

const MAX_HEADER_SCAN = 30;

function isTexty(cell: Cell): boolean {
  const t = cellText(cell);
  return t !== null && typeof cell === 'string' && !/^[-+($€£]?[\d.,\s%)]+$/.test(t);
}

/**
 * Finds the header row among the first rows: title rows above the table have one or two filled
 * cells, the header is the first row that is mostly filled with text and about as wide as the data.
 * Returns an index into `rows`.
 */
export function detectHeaderRow(rows: readonly Cell[][]): number {
  const scan = rows.slice(0, MAX_HEADER_SCAN);
  const filled = scan.map((r) => r.filter((c) => cellText(c) !== null).length);
  const widest = Math.max(0, ...filled);
  if (widest === 0) return 0;
  for (let i = 0; i < scan.length; i++) {
    const texty = scan[i]!.filter(isTexty).length;
    if (filled[i]! >= Math.max(2, Math.ceil(widest * 0.5)) && texty >= filled[i]! * 0.8) return i;
  }
  return filled.findIndex((f) => f === widest);
}

/**
 * Header names for the columns. Empty header cells under a merged (or simply spanning) title take
 * the title on their left; a second header row of text below (e.g. months under a merged "Actuals")
 * is joined on. Duplicate names get their column letter so every column stays addressable.
 * Returns the names and how many rows the header occupies.
 */
export function buildHeaders(
  rows: readonly Cell[][],
  headerIndex: number,
): { headers: string[]; depth: number } {
  const top = rows[headerIndex] ?? [];
  const below = rows[headerIndex + 1] ?? [];
  const width = Math.max(top.length, 0);
  const topText = Array.from({ length: width }, (_, i) => tidyHeader(cellText(top[i] ?? null) ?? ''));
  const gaps = topText.filter((t) => t === '').length;
  const belowAllText =
    below.length > 0 &&
    below.some((c) => cellText(c) !== null) &&
    below.every((c) => cellText(c) === null || isTexty(c)) &&
    // The second header row fills the gaps a merged title left (that is what makes it a header).
    topText.some((t, i) => t === '' && i > 0 && cellText(below[i] ?? null) !== null);
  const depth = gaps > 0 && belowAllText ? 2 : 1;
  const names: string[] = [];
  let span = '';
  for (let i = 0; i < Math.max(width, depth === 2 ? below.length : 0); i++) {
    const t = topText[i] ?? '';
    if (t !== '') span = t;
    let name = t;
    if (depth === 2) {
      const sub = tidyHeader(cellText(below[i] ?? null) ?? '');
      name = sub === '' ? t || span : t === '' && span ? `${span} ${sub}` : t ? `${t} ${sub}` : sub;
    }
    names.push(name === '' ? `Column ${columnLetter(i)}` : name);
  }
  const seen = new Map<string, number>();
  for (const n of names) seen.set(n.toLowerCase(), (seen.get(n.toLowerCase()) ?? 0) + 1);
  return {
    headers: names.map((n, i) => ((seen.get(n.toLowerCase()) ?? 0) > 1 ? `${n} (${columnLetter(i)})` : n)),
    depth,
  };
}
