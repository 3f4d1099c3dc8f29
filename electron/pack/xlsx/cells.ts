import type ExcelJS from 'exceljs';
import { MICRO_PER_UNIT, type Micro } from '../../../shared/money';

/**
 * A money cell holds the figure at full precision (micro-units ÷ 10^6, e.g. 1234.564567) and the currency
 * format shows it to the cent, so a SUM over the cells is the exact total the PDF rounds, not a sum of
 * amounts already rounded to cents.
 */
export function moneyValue(micro: Micro | bigint): number {
  return Number(micro) / MICRO_PER_UNIT;
}

/** Exact sum of micro-units (BigInt: no intermediate can lose a unit). */
export function sumMicros(values: Iterable<Micro | bigint>): bigint {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  return total;
}

/** A formula over money cells whose cached result is an exact micro-unit amount. */
export function moneyFormula(formula: string, micro: Micro | bigint): ExcelJS.CellFormulaValue {
  return { formula, result: moneyValue(micro) };
}

/** `SUM(range)` over money cells, cached as the exact total of their micro-units. */
export function moneySum(range: string, micros: Iterable<Micro | bigint>): ExcelJS.CellFormulaValue {
  return moneyFormula(`SUM(${range})`, sumMicros(micros));
}

/** A reference to a cell of another sheet, quoted as Excel wants when the name has spaces. */
export function sheetRef(sheet: string, cell: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet)
    ? `${sheet}!${cell}`
    : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * Number formats for the cells of the given rows and columns, except cells holding text (a label such as
 * "n/m" keeps the General format, so no text cell carries a number format).
 */
export function formatCells(
  ws: ExcelJS.Worksheet,
  rows: { from: number; to: number },
  formats: Record<string, string>,
): void {
  for (let n = rows.from; n <= rows.to; n++) {
    const row = ws.getRow(n);
    for (const [col, fmt] of Object.entries(formats)) {
      const cell = row.getCell(col);
      if (typeof cell.value === 'string') continue;
      cell.numFmt = fmt;
    }
  }
}
