/**
 * One cell as a reader hands it over. CSV gives text; a spreadsheet also gives numbers
 * (which a date column reads as an Excel serial) and booleans. Date cells arrive as ISO text.
 */
export type Cell = string | number | boolean | null;

/** A source row: its 1-based row number in the file or sheet, and its cells by column position. */
export interface SourceRow {
  row: number;
  cells: Cell[];
  /**
   * Spreadsheets: the currency a number cell's format shows (`[$€-407] #,##0.00` → "€"), by column position,
   * as a sign or code the cell would carry had it been written in it; absent when no cell of the row has one.
   */
  formatCurrencies?: (string | null)[];
}

const NULL_TOKENS = new Set(['', 'null', 'n/a', '--', '-', '—']);

/** Empty, whitespace, or one of the null spellings exports use (`NULL`, `--`, `N/A`). */
export function isBlank(cell: Cell): boolean {
  if (cell === null) return true;
  if (typeof cell !== 'string') return false;
  // Hot path (every cell of every row): text longer than any null token, without edge spaces, is not blank;
  // nor is shorter ASCII text without edge spaces that starts as no null token does (not "-", "n" or "N").
  const n = cell.length;
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(n - 1);
  if (first > 32 && last > 32) {
    if (n > 4) return false;
    if (first < 127 && last < 127 && first !== 45 && (first | 0x20) !== 110) return false;
  }
  return NULL_TOKENS.has(cell.trim().toLowerCase());
}

/**
 * A number from a spreadsheet cell as decimal text. The shortest round-trip form is what Excel
 * wrote in the file in practice (it stores at most 17 significant digits).
 */
export function numberText(n: number): string {
  return String(n);
}

/** The cell as text, trimmed; null when blank. */
export function cellText(cell: Cell): string | null {
  if (isBlank(cell)) return null;
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return (cell as string).trim();
}

/** Column letters for a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
