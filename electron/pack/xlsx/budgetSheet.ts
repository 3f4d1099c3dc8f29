import type ExcelJS from 'exceljs';
import { STATUS_LABEL } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import { formatCells, moneyFormula, moneySum, moneyValue } from './cells';
import { addTableSheet, fitColumns, styleHeaderRow } from './sheet';
import { PCT, TOTAL_FONT, moneyFormat, statusFormatting } from './styles';
import { budgetTotalRow, budgetTotals } from './totals';

function variance(row: number, micro: number | bigint): ExcelJS.CellFormulaValue {
  return moneyFormula(`C${row}-B${row}`, micro);
}
function variancePct(row: number, result: number | null): ExcelJS.CellFormulaValue {
  return { formula: `IF(B${row}=0,"",D${row}/B${row})`, result: result ?? '' };
}

/**
 * The quarter's budget vs actual by category (variance and variance % as formulas, the total as sums),
 * then the year-end forecast under its own header row: both tables have the same columns (label, budget,
 * actual or forecast, variance, variance %, status), so the frozen header fits what it heads.
 */
export function budgetSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const b = r.budget;
  const money = moneyFormat(r.currency);
  const ws = addTableSheet(
    wb,
    'Budget vs Actual',
    [`Category (${r.period.label})`, 'Budget', 'Actual', 'Variance', 'Variance %', 'Status'],
    data.settings,
  );
  const formats = { B: money, C: money, D: money, E: PCT };
  let n = 2;
  for (const c of b.byCategory) {
    ws.getRow(n).values = [
      c.label,
      moneyValue(c.budget.micro),
      moneyValue(c.actual.micro),
      variance(n, c.variance.micro),
      variancePct(n, c.variancePct.value),
      STATUS_LABEL[c.status],
    ];
    n++;
  }
  const totalRow = n;
  if (totalRow !== budgetTotalRow(r)) throw new Error('Budget sheet layout changed');
  const sums = budgetTotals(r);
  ws.getRow(n).values = [
    'Total',
    moneySum(`B2:B${n - 1}`, [sums.budget]),
    moneySum(`C2:C${n - 1}`, [sums.actual]),
    variance(n, sums.actual - sums.budget),
    variancePct(n, b.variancePct.value),
    STATUS_LABEL[b.status],
  ];
  ws.getRow(n).font = TOTAL_FONT;
  statusFormatting(ws, `F2:F${totalRow}`);
  formatCells(ws, { from: 2, to: totalRow }, formats);

  n += 2;
  styleHeaderRow(ws.getRow(n), [
    `Year-end forecast FY${r.period.fiscalYear}`,
    'Budget',
    'Forecast',
    'Variance',
    'Variance %',
    'Status',
  ]);
  const forecastRow = ++n;
  ws.getRow(n).values = [
    'Full fiscal year',
    moneyValue(b.annualBudget.micro),
    moneyValue(b.forecastYearEnd.micro),
    variance(n, b.forecastVariance.micro),
    variancePct(n, b.forecastVariancePct.value),
    STATUS_LABEL[b.forecastStatus],
  ];
  statusFormatting(ws, `F${n}:F${n}`);
  n++;
  ws.getRow(n).values = [
    'Year to date',
    moneyValue(b.ytdBudget.micro),
    moneyValue(b.ytdActual.micro),
    variance(n, b.ytdActual.micro - b.ytdBudget.micro),
  ];
  formatCells(ws, { from: forecastRow, to: n }, formats);
  fitColumns(ws, { max: 44 });
  return ws;
}
