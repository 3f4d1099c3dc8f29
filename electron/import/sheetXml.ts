/**
 * A worksheet part's XML (`xl/worksheets/sheetN.xml`) read as it streams in: the rows of its `<sheetData>`,
 * each cell with its column, style, type and the texts of its value and formula, exactly as written.
 *
 * Why not exceljs's worksheet reader: it builds a generic XML event, a Cell with merged styles and a
 * validated address for every cell, and the sheet is where an import spends its time (100,000 rows: about
 * two thirds of it). A sheet's data is a small grammar — `<row r>`, `<c r s t>`, `<v>`, `<f>`, `<is>` with
 * `<t>` runs — read here in one pass over each chunk's text, nothing else made per cell. The workbook's other
 * parts (relationships, sheet names, shared strings, styles) are still read by exceljs: small, read once.
 */

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

/** Thrown for a cell reference or row number that cannot be one (the caller names the file and sheet). */
export class SheetXmlError extends Error {}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five entities and character references; anything else is left as written. */
export function decodeXmlText(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(
    ENTITY,
    (whole, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (named) return NAMED[named]!;
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
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

type Capture = 'v' | 'f' | 'is' | null;

/**
 * The scanner: `write` each chunk of the part's text in order, `take` the rows completed so far, `end` once
 * the part is read. Text outside `<sheetData>` (columns, merges, page setup) is passed over.
 */
export class SheetXmlScanner {
  private rest = '';
  private inSheetData = false;
  private row: RawRow | null = null;
  private cell: RawCell | null = null;
  private capture: Capture = null;
  private text = '';
  /** Inside an inline string's phonetic run (`<rPh>`): its text is a reading aid, not the value. */
  private phonetic = false;
  private inInline = false;
  private inlineText = '';
  private lastRow = 0;
  private nextColumn = 0;
  private done: RawRow[] = [];

  write(chunk: string): void {
    const s = this.rest.length > 0 ? this.rest + chunk : chunk;
    this.rest = '';
    let i = 0;
    const n = s.length;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (this.capture !== null) this.text += s.slice(i);
        return;
      }
      if (lt > i && this.capture !== null) this.text += s.slice(i, lt);
      const next = this.tag(s, lt);
      if (next < 0) {
        // The tag goes on in the next chunk.
        this.rest = s.slice(lt);
        return;
      }
      i = next;
    }
  }

  /** The rows completed since the last call. */
  take(): RawRow[] {
    const rows = this.done;
    this.done = [];
    return rows;
  }

  /** After the last chunk: a tag left open is a cut-off part (the zip's checks catch a short file first). */
  end(): void {
    if (this.rest.trim().length > 0) throw new SheetXmlError('the sheet ends inside a tag');
  }

  /** Reads the markup at `lt`; returns where the text after it starts, or -1 when it is not complete yet. */
  private tag(s: string, lt: number): number {
    const c1 = s.charCodeAt(lt + 1);
    if (Number.isNaN(c1)) return -1;
    if (c1 === 33 /* ! */) return this.declaration(s, lt);
    if (c1 === 63 /* ? */) {
      const end = s.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    const gt = tagEnd(s, lt + 1);
    if (gt < 0) return -1;
    if (c1 === 47 /* / */) {
      this.close(localName(s, lt + 2, gt));
      return gt + 1;
    }
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const end = selfClosing ? gt - 1 : gt;
    const nameEnd = nameEndOf(s, lt + 1, end);
    this.open(localName(s, lt + 1, nameEnd), s, nameEnd, end, selfClosing);
    return gt + 1;
  }

  /** Comments and CDATA sections (text); a DOCTYPE is not something a worksheet has. */
  private declaration(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      // Entities mean nothing inside CDATA: escaped so the decoding at the element's end leaves them.
      if (this.capture !== null) this.text += s.slice(lt + 9, end).replace(/&/g, '&amp;');
      return end + 3;
    }
    if (s.length - lt < 9) return -1;
    throw new SheetXmlError('the sheet holds a document type declaration, which a worksheet never has');
  }

  private open(name: string, s: string, from: number, to: number, selfClosing: boolean): void {
    if (!this.inSheetData) {
      if (name === 'sheetData' && !selfClosing) this.inSheetData = true;
      return;
    }
    switch (name) {
      case 'row': {
        const r = attribute(s, from, to, 'r');
        const number = r === null ? this.lastRow + 1 : Number(r);
        if (!Number.isInteger(number) || number < 1)
          throw new SheetXmlError(`a row is numbered "${r}", which is not a row number`);
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
          throw new SheetXmlError(`row ${this.row.row} has a cell "${ref}", which is not a cell reference`);
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
        else this.startText('v');
        return;
      case 'f':
        if (!this.cell) return;
        if (selfClosing) this.cell.formula = '';
        else this.startText('f');
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
        if (this.inInline && !this.phonetic && !selfClosing) this.startText('is');
        return;
      default:
        return;
    }
  }

  private close(name: string): void {
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
        if (this.capture === 'v') this.cell!.value = this.endText();
        return;
      case 'f':
        if (this.capture === 'f') this.cell!.formula = this.endText();
        return;
      case 't':
        if (this.capture === 'is') this.inlineText += this.endText();
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

  private startText(capture: Capture): void {
    this.capture = capture;
    this.text = '';
  }

  private endText(): string {
    const t = decodeXmlText(this.text);
    this.capture = null;
    this.text = '';
    return t;
  }
}

/** The `>` ending the tag whose name starts at `from`, past quoted attribute values; -1 if not in `s` yet. */
function tagEnd(s: string, from: number): number {
  const n = s.length;
  let quote = 0;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62 /* > */) return i;
    else if (c === 34 /* " */ || c === 39 /* ' */) quote = c;
  }
  return -1;
}

function nameEndOf(s: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    i++;
  }
  return i;
}

/** The element's name without its namespace prefix (`x:row` → row). */
function localName(s: string, from: number, to: number): string {
  let end = to;
  while (end > from && s.charCodeAt(end - 1) <= 32) end--;
  let start = from;
  for (let i = from; i < end; i++) if (s.charCodeAt(i) === 58 /* : */) start = i + 1;
  return s.slice(start, end);
}

/** An attribute's value in the tag text between `from` and `to` (entities decoded); null when absent. */
function attribute(s: string, from: number, to: number, name: string): string | null {
  let i = from;
  while (i < to) {
    const eq = s.indexOf('=', i);
    if (eq < 0 || eq >= to) return null;
    let q = eq + 1;
    while (q < to && s.charCodeAt(q) <= 32) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") return null;
    const close = s.indexOf(quote, q + 1);
    if (close < 0 || close > to) return null;
    let nameEnd = eq;
    while (nameEnd > i && s.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    let nameStart = nameEnd;
    while (nameStart > i && s.charCodeAt(nameStart - 1) > 32) nameStart--;
    if (nameEnd - nameStart === name.length && s.startsWith(name, nameStart))
      return decodeXmlText(s.slice(q + 1, close));
    i = close + 1;
  }
  return null;
}
