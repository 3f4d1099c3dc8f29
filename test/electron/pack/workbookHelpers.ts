import ExcelJS from 'exceljs';
import { decimalToScaled, microToCents, type Micro } from '../../../shared/money';

/** A number as the workbook shows it under a 2-decimal format: cents, half away from zero. */
export function shownCents(value: number): bigint {
  const c = decimalToScaled(String(value), 2);
  if (c === null) throw new Error(`not a number: ${value}`);
  return c;
}

/** What the PDF prints for a model amount: its cents, half away from zero. */
export function modelCents(micro: Micro | bigint): bigint {
  return BigInt(microToCents(Number(micro)));
}

/** A money cell's value back in micro-units (cells hold micro ÷ 10^6). */
export function cellMicro(value: unknown): bigint {
  if (value === null || value === undefined || value === '') return 0n;
  if (typeof value !== 'number') throw new Error(`not a money cell: ${JSON.stringify(value)}`);
  return BigInt(Math.round(value * 1e6));
}

/** A formula cell, its own or shared (formulaOf refuses a shared one: the pack writes none). */
export function isFormula(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Formula;
}

export function formulaOf(cell: ExcelJS.Cell): { formula: string; result: unknown } {
  const v = cell.value as ExcelJS.CellFormulaValue | null;
  if (!v || typeof v !== 'object' || !('formula' in v)) throw new Error(`${cell.address} holds no formula`);
  return { formula: v.formula, result: v.result };
}

/** The value a cell holds, or its cached result when it holds a formula. */
export function shownOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v && typeof v === 'object' && 'formula' in v) return (v as ExcelJS.CellFormulaValue).result;
  return v;
}

const REF = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!)?([A-Z]+)(\d+)$/;

function refMicro(wb: ExcelJS.Workbook, sheet: string, ref: string): bigint {
  const m = REF.exec(ref.trim());
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  const name = m[1]?.replace(/''/g, "'") ?? m[2] ?? sheet;
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return cellValueMicro(wb, name, ws.getCell(`${m[3]}${m[4]}`));
}

/** A money cell in micro-units: its constant, or its own formula recomputed (never its cached result). */
function cellValueMicro(wb: ExcelJS.Workbook, sheet: string, cell: ExcelJS.Cell): bigint {
  return isFormula(cell) ? evalMoney(wb, sheet, formulaOf(cell).formula) : cellMicro(cell.value);
}

function colNumber(col: string): number {
  return [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/**
 * Recomputes a money formula of the kinds the pack writes (SUM of a range, a reference, references added
 * and subtracted, on this sheet or another) from the cells it names, in exact micro-units: what a
 * spreadsheet computes from the cells the reader sees. A named cell holding a formula is recomputed in
 * turn, down to the typed-in amounts. (Ratios and other formulas: formulaEval.ts.)
 */
export function evalMoney(wb: ExcelJS.Workbook, sheet: string, formula: string): bigint {
  const sum = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula);
  if (sum) {
    const ws = wb.getWorksheet(sheet)!;
    let total = 0n;
    for (let r = Number(sum[2]); r <= Number(sum[4]); r++)
      for (let c = colNumber(sum[1]!); c <= colNumber(sum[3]!); c++)
        total += cellValueMicro(wb, sheet, ws.getRow(r).getCell(c));
    return total;
  }
  const terms = formula.split(/(?=[+-])/);
  return terms.reduce((acc, t) => {
    const neg = t.startsWith('-');
    const micro = refMicro(wb, sheet, t.replace(/^[+-]/, ''));
    return neg ? acc - micro : acc + micro;
  }, 0n);
}

/** Row number of the first row whose column A reads `label`. */
export function rowOf(ws: ExcelJS.Worksheet, label: string, from = 1): number {
  for (let n = from; n <= ws.rowCount; n++) if (ws.getRow(n).getCell(1).value === label) return n;
  throw new Error(`${ws.name}: no row "${label}"`);
}
