import type ExcelJS from 'exceljs';
import type { PackData } from '../../../shared/export/packTypes';
import type { BudgetMonth } from '../../../shared/report';
import { moneyFormula, moneyValue } from './cells';
import { addTableSheet, fitColumns, isoToDate } from './sheet';
import { MONTH, PCT, moneyFormat } from './styles';

/** Sheet row of a month of `report.budget.monthly` (header in row 1). */
export function monthlyRow(index: number): number {
  return index + 2;
}

/**
 * Budget vs actual for every month of the fiscal year; months after the quarter have no actual. The
 * cumulative columns are running sums (the previous row's total plus this month), cached as the exact
 * running totals of the micro-units.
 */
export function monthlySheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const money = moneyFormat(r.currency);
  const ws = addTableSheet(
    wb,
    'Monthly spend',
    ['Month', 'Budget', 'Actual', 'Variance', 'Variance %', 'Cumulative budget', 'Cumulative actual'],
    data.settings,
    1,
    1,
  );
  let cumBudget = 0n;
  let cumActual = 0n;
  // F = running sum of B, G = running sum of C.
  const running = (col: 'F' | 'G', of: 'B' | 'C', n: number, micro: bigint): ExcelJS.CellFormulaValue =>
    moneyFormula(n === monthlyRow(0) ? `${of}${n}` : `${col}${n - 1}+${of}${n}`, micro);
  r.budget.monthly.forEach((m: BudgetMonth, i) => {
    const n = monthlyRow(i);
    const reported = m.actual !== null;
    cumBudget += BigInt(m.budget);
    if (reported) cumActual += BigInt(m.actual!);
    ws.getRow(n).values = [
      isoToDate(m.month),
      moneyValue(m.budget),
      reported ? moneyValue(m.actual!) : null,
      reported ? moneyFormula(`C${n}-B${n}`, m.actual! - m.budget) : null,
      reported
        ? {
            formula: `IF(B${n}=0,"",D${n}/B${n})`,
            result: m.budget === 0 ? '' : (m.actual! - m.budget) / m.budget,
          }
        : null,
      running('F', 'B', n, cumBudget),
      reported ? running('G', 'C', n, cumActual) : null,
    ];
    for (const c of [2, 3, 4, 6, 7]) ws.getRow(n).getCell(c).numFmt = money;
    ws.getRow(n).getCell(1).numFmt = MONTH;
    ws.getRow(n).getCell(5).numFmt = PCT;
  });
  fitColumns(ws, { max: 24 });
  return ws;
}
