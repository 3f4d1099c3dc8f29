import type ExcelJS from 'exceljs';
import { STATUS_LABEL } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText } from '../../../shared/export/safeText';
import { moneyFormula, moneySum, moneyValue } from './cells';
import { addTableSheet, fitColumns } from './sheet';
import { HEADER_FILL, HEADER_FONT, INT, PCT, TOTAL_FONT, moneyFormat, statusFormatting } from './styles';
import { budgetTotalRow, budgetTotals } from './totals';

function variance(row: number, micro: number | bigint): ExcelJS.CellFormulaValue {
  return moneyFormula(`C${row}-B${row}`, micro);
}
function variancePct(row: number, result: number | null): ExcelJS.CellFormulaValue {
  return { formula: `IF(B${row}=0,"",D${row}/B${row})`, result: result ?? '' };
}

function subHeader(ws: ExcelJS.Worksheet, row: number, headers: string[]): void {
  headers.forEach((h, i) => {
    const cell = ws.getRow(row).getCell(i + 1);
    cell.value = h;
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
  });
}

/** Quarter budget vs actual by category (variance and variance % as formulas), the forecast, vendors. */
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

  n += 2;
  subHeader(ws, n, [
    `Year-end forecast FY${r.period.fiscalYear}`,
    'Budget',
    'Forecast',
    'Variance',
    'Variance %',
    'Status',
  ]);
  n++;
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
  ws.getRow(n).values = ['Year to date', moneyValue(b.ytdBudget.micro), moneyValue(b.ytdActual.micro)];
  const lastMoneyRow = n;

  n += 2;
  subHeader(ws, n, [
    'Run-rate by category',
    'Annual budget',
    'Monthly burn',
    'Year to date',
    'Budget runs out',
  ]);
  n++;
  const runRateStart = n;
  const exhaustion = (l: (typeof r.runRate.byCategory)[number]) =>
    l.exhaustionMonth
      ? `${l.exhaustionMonth} (${l.exhaustionStatus.replace(/_/g, ' ')})`
      : l.exhaustionStatus.replace(/_/g, ' ');
  for (const l of r.runRate.byCategory) {
    ws.getRow(n).values = [
      l.label,
      moneyValue(l.annualBudget.micro),
      moneyValue(l.monthlyBurn.micro),
      moneyValue(l.ytdActual.micro),
      exhaustion(l),
    ];
    n++;
  }
  const cats = r.runRate.byCategory;
  const rrSum = (col: string, micros: number[]) => moneySum(`${col}${runRateStart}:${col}${n - 1}`, micros);
  ws.getRow(n).values = [
    r.runRate.portfolio.label,
    rrSum(
      'B',
      cats.map((l) => l.annualBudget.micro),
    ),
    rrSum(
      'C',
      cats.map((l) => l.monthlyBurn.micro),
    ),
    rrSum(
      'D',
      cats.map((l) => l.ytdActual.micro),
    ),
    exhaustion(r.runRate.portfolio),
  ];
  n++;
  const runRateEnd = n - 1;

  n += 1;
  subHeader(ws, n, [`Vendor (${r.period.label})`, '', 'Actual', '', 'Lines']);
  n++;
  const vendorStart = n;
  for (const v of b.byVendor) {
    ws.getRow(n).values = [safeText(v.label), null, moneyValue(v.actual.micro), null, v.lineCount];
    n++;
  }
  for (let row = 2; row < n; row++) {
    const inMoney = row <= lastMoneyRow || (row >= runRateStart && row <= runRateEnd);
    if (inMoney) {
      for (const col of [2, 3, 4]) ws.getRow(row).getCell(col).numFmt = money;
      ws.getRow(row).getCell(5).numFmt = PCT;
    } else if (row >= vendorStart) {
      ws.getRow(row).getCell(3).numFmt = money;
      ws.getRow(row).getCell(5).numFmt = INT;
    }
  }
  fitColumns(ws, { max: 44 });
  return ws;
}
