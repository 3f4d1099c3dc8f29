import type ExcelJS from 'exceljs';
import {
  IRR_NOT_MEANINGFUL,
  IRR_NOT_MEANINGFUL_NOTE,
  irrNotMeaningful,
} from '../../../shared/export/irrShown';
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

/** An annual IRR as a percentage with 1 decimal and grouping, as a note states it: "7,354,856.7%". */
export function irrPercent(annualIrr: number): string {
  return `${(annualIrr * 100).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** The note on an IRR shown as n/m: the rate itself and why it is not shown. */
export function irrNote(annualIrr: number): string {
  return `IRR ${irrPercent(annualIrr)} a year. ${IRR_NOT_MEANINGFUL_NOTE}`;
}

/**
 * An annual IRR cell: the rate under a percent format, or, above 1,000% a year, the text "n/m" (no number
 * format) with a note giving the rate, as the screens and the PDF show it.
 */
export function setIrrCell(cell: ExcelJS.Cell, annualIrr: number | null, format: string): void {
  if (annualIrr !== null && irrNotMeaningful(annualIrr)) {
    cell.value = IRR_NOT_MEANINGFUL;
    cell.note = irrNote(annualIrr);
    cell.alignment = { ...cell.alignment, horizontal: 'right' };
  } else {
    cell.value = annualIrr;
    cell.numFmt = format;
  }
}
