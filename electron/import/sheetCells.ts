import { columnLetter, type Cell, type SourceRow } from '../../shared/import/cells';
import { rejectFile } from '../../shared/import/errors';
import { excelSerialIso, isDateFormat, numberFormatCurrency } from '../../shared/import/numberFormat';
import type { RawCell, RawRow } from './sheetXml';
import { EXCEL_MAX_ROWS, LIMITS } from './sniff';

/** The parts of the workbook a sheet's cells refer to. */
export interface WorkbookContext {
  sharedStrings: readonly string[];
  /** Per cell format (a cell's `s`), its number format's code (xlsxWorkbook). */
  formats: readonly (string | null)[];
  date1904: boolean;
}

/** What a cell format says about a number: shown as a date, and in which currency. */
interface NumberShape {
  date: boolean;
  currency: string | null;
}

const PLAIN: NumberShape = { date: false, currency: null };

/**
 * Turns a sheet's rows as written (sheetXml) into the importer's rows: shared strings looked up, numbers
 * formatted as dates as ISO text, cached formula results, booleans and error codes; a number's currency
 * from its format. A formula with no cached result cannot be read without recalculating, which we do not
 * do: that is an error naming the cell.
 */
export class SheetCells {
  private readonly shapes = new Map<number, NumberShape>();

  constructor(
    private readonly workbook: WorkbookContext,
    private readonly file: string,
    private readonly sheet: string,
  ) {}

  row(raw: RawRow): SourceRow {
    if (raw.row > EXCEL_MAX_ROWS) {
      // No real workbook has such a row: Excel's own sheet limit says the file is forged or broken.
      throw rejectFile(
        this.file,
        `row ${raw.row.toLocaleString('en-US')} is beyond Excel's sheet limit of ${EXCEL_MAX_ROWS.toLocaleString('en-US')} rows`,
        this.sheet,
      );
    }
    const cells: Cell[] = [];
    let formatCurrencies: (string | null)[] | undefined;
    for (const c of raw.cells) {
      if (c.column >= LIMITS.columns) {
        throw rejectFile(
          this.file,
          `row ${raw.row} has ${c.column + 1 > 1e6 ? 'more than a million' : c.column + 1} columns, beyond the import limit of ${LIMITS.columns}`,
          this.sheet,
        );
      }
      const shape = this.shape(c.style);
      const value = this.value(c, raw.row, shape);
      if (value === null) continue;
      while (cells.length < c.column) cells.push(null);
      cells[c.column] = value;
      // A number's currency may be in its format only (a formula's cached result too).
      if (typeof value === 'number' && shape.currency !== null)
        (formatCurrencies ??= [])[c.column] = shape.currency;
    }
    return formatCurrencies ? { row: raw.row, cells, formatCurrencies } : { row: raw.row, cells };
  }

  private value(c: RawCell, row: number, shape: NumberShape): Cell {
    const v = c.value;
    if (c.formula !== null) {
      if (v === null) {
        throw rejectFile(
          this.file,
          `cell ${columnLetter(c.column)}${row} holds a formula (=${c.formula || 'shared formula'}) with no saved result; ` +
            'open the file in Excel, let it calculate, save, and import again',
          this.sheet,
        );
      }
      if (c.type === 'str' || c.type === 'e') return v;
      if (c.type === 'b') return v.trim() !== '0';
      return this.number(v, shape);
    }
    if (v === null) return null;
    switch (c.type) {
      case 's':
        return this.shared(v);
      // Text; an error code (#N/A); an ISO 8601 date or time written as such.
      case 'inlineStr':
      case 'str':
      case 'e':
      case 'd':
        return v;
      case 'b':
        return parseInt(v, 10) !== 0;
      default:
        return this.number(v, shape);
    }
  }

  private number(v: string, shape: NumberShape): Cell {
    if (v.trim() === '') return null;
    const n = parseFloat(v);
    return shape.date ? excelSerialIso(n, this.workbook.date1904) : n;
  }

  private shared(v: string): Cell {
    return this.workbook.sharedStrings[parseInt(v, 10)] ?? null;
  }

  private shape(style: number): NumberShape {
    // A style the workbook does not have (a forged index) has no format, and is not remembered.
    if (!(style < this.workbook.formats.length)) return PLAIN;
    let shape = this.shapes.get(style);
    if (shape === undefined) {
      const format = this.workbook.formats[style];
      shape = format ? { date: isDateFormat(format), currency: numberFormatCurrency(format) } : PLAIN;
      this.shapes.set(style, shape);
    }
    return shape;
  }
}
