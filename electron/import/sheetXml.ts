/**
 * A worksheet part's XML (`xl/worksheets/sheetN.xml`) read as it streams in: the rows of its `<sheetData>`,
 * each cell with its column, style, type and the texts of its value and formula, exactly as written.
 *
 * Why not exceljs's worksheet reader: it builds a generic XML event, a Cell with merged styles and a
 * validated address for every cell, and the sheet is where an import spends its time (100,000 rows: about
 * two thirds of it). A sheet's data is a small grammar — `<row r>`, `<c r s t>`, `<v>`, `<f>`, `<is>` with
 * `<t>` runs — read here in one pass over each chunk's text, nothing else made per cell.
 */

import { attribute, XmlChunks, XmlSyntaxError } from './xmlChunks';

/** One cell as the sheet writes it. */
export interface RawCell {
  /** 0-based column. */
  column: number;
  /** The `s` attribute: an index into the workbook's cell formats (0 when absent). */
  style: number;
  /** The `t` attribute: s, str, inlineStr, b, e, n, d; null when absent (a number). */
  type: string | null;
  /** The `<v>` text, or an inline string's text; entities decoded. Null when the cell has none. */
  value: string | null;
  /** The `<f>` text ('' for a shared formula's followers, `<f t="shared" si="0"/>`); null when none. */
  formula: string | null;
}

export interface RawRow {
  /** The 1-based row number (its `r`, or the one after the previous row's). */
  row: number;
  cells: RawCell[];
}

/** A cell reference's column letters as a 0-based index ("A1" → 0, "AB12" → 27); -1 when it has none. */
export function referenceColumn(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
    // Beyond any sheet (XFD is 16,384): stop before the number loses meaning.
    if (n > 1_000_000) return Number.MAX_SAFE_INTEGER;
  }
  return i === 0 ? -1 : n - 1;
}

/** Which text of a cell is being read. */
type Capture = 'v' | 'f' | 'is';

/**
 * The worksheet scanner: `write` each chunk of the part's text in order, `take` the rows completed so far,
 * `end` once the part is read. Text outside `<sheetData>` (columns, merges, page setup) is passed over.
 */
export class SheetXmlScanner extends XmlChunks {
  private inSheetData = false;
  private row: RawRow | null = null;
  private cell: RawCell | null = null;
  private reading: Capture | null = null;
  /** Inside an inline string's phonetic run (`<rPh>`): its text is a reading aid, not the value. */
  private phonetic = false;
  private inInline = false;
  private inlineText = '';
  private lastRow = 0;
  private nextColumn = 0;
  private done: RawRow[] = [];

  constructor() {
    super('sheet');
  }

  /** The rows completed since the last call. */
  take(): RawRow[] {
    const rows = this.done;
    this.done = [];
    return rows;
  }

  protected open(name: string, s: string, from: number, to: number, selfClosing: boolean): void {
    if (!this.inSheetData) {
      if (name === 'sheetData' && !selfClosing) this.inSheetData = true;
      return;
    }
    switch (name) {
      case 'row': {
        const r = attribute(s, from, to, 'r');
        const number = r === null ? this.lastRow + 1 : Number(r);
        if (!Number.isInteger(number) || number < 1)
          throw new XmlSyntaxError(`a row is numbered "${r}", which is not a row number`);
        this.lastRow = number;
        this.nextColumn = 0;
        if (selfClosing) return;
        this.row = { row: number, cells: [] };
        return;
      }
      case 'c': {
        if (!this.row) return;
        const ref = attribute(s, from, to, 'r');
        const column = ref === null ? this.nextColumn : referenceColumn(ref);
        if (column < 0)
          throw new XmlSyntaxError(`row ${this.row.row} has a cell "${ref}", which is not a cell reference`);
        this.nextColumn = column + 1;
        if (selfClosing) return;
        const style = attribute(s, from, to, 's');
        this.cell = {
          column,
          style: style === null ? 0 : Number(style) || 0,
          type: attribute(s, from, to, 't'),
          value: null,
          formula: null,
        };
        return;
      }
      case 'v':
        if (!this.cell) return;
        if (selfClosing) this.cell.value = '';
        else this.read('v');
        return;
      case 'f':
        if (!this.cell) return;
        if (selfClosing) this.cell.formula = '';
        else this.read('f');
        return;
      case 'is':
        if (!this.cell || selfClosing) return;
        this.inInline = true;
        this.inlineText = '';
        return;
      case 'rPh':
        if (this.inInline && !selfClosing) this.phonetic = true;
        return;
      case 't':
        if (this.inInline && !this.phonetic && !selfClosing) this.read('is');
        return;
      default:
        return;
    }
  }

  protected close(name: string): void {
    if (!this.inSheetData) return;
    switch (name) {
      case 'sheetData':
        this.inSheetData = false;
        return;
      case 'row':
        if (this.row) this.done.push(this.row);
        this.row = null;
        return;
      case 'c':
        if (this.cell && this.row && (this.cell.value !== null || this.cell.formula !== null))
          this.row.cells.push(this.cell);
        this.cell = null;
        return;
      case 'v':
        if (this.reading === 'v') this.cell!.value = this.captured();
        return;
      case 'f':
        if (this.reading === 'f') this.cell!.formula = this.captured();
        return;
      case 't':
        if (this.reading === 'is') this.inlineText += this.captured();
        return;
      case 'rPh':
        this.phonetic = false;
        return;
      case 'is':
        if (this.inInline && this.cell) this.cell.value = this.inlineText;
        this.inInline = false;
        return;
      default:
        return;
    }
  }

  private read(what: Capture): void {
    this.reading = what;
    this.startText();
  }

  private captured(): string {
    this.reading = null;
    return this.endText();
  }
}
