import type ExcelJS from 'exceljs';
import { STATUS_LABEL } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText } from '../../../shared/export/safeText';
import { microToMajor } from '../../../shared/money';
import { addTableSheet, fitColumns } from './sheet';
import { HEADER_FILL, HEADER_FONT, INT, PCT, TOTAL_FONT, moneyFormat, statusFormatting } from './styles';

function variance(row: number, result: number): ExcelJS.CellFormulaValue {
  return { formula: `C${row}-B${row}`, result };
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
      microToMajor(c.budget.micro),
      microToMajor(c.actual.micro),
      variance(n, microToMajor(c.variance.micro)),
      variancePct(n, c.variancePct.value),
      STATUS_LABEL[c.status],
    ];
    n++;
  }
  const totalRow = n;
  ws.getRow(n).values = [
    'Total',
    microToMajor(b.budget.micro),
    microToMajor(b.actual.micro),
    variance(n, microToMajor(b.variance.micro)),
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
    microToMajor(b.annualBudget.micro),
    microToMajor(b.forecastYearEnd.micro),
    variance(n, microToMajor(b.forecastVariance.micro)),
    variancePct(n, b.forecastVariancePct.value),
    STATUS_LABEL[b.forecastStatus],
  ];
  statusFormatting(ws, `F${n}:F${n}`);
  n++;
  ws.getRow(n).values = ['Year to date', microToMajor(b.ytdBudget.micro), microToMajor(b.ytdActual.micro)];
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
  for (const l of [...r.runRate.byCategory, r.runRate.portfolio]) {
    ws.getRow(n).values = [
      l.label,
      microToMajor(l.annualBudget.micro),
      microToMajor(l.monthlyBurn.micro),
      microToMajor(l.ytdActual.micro),
      l.exhaustionMonth
        ? `${l.exhaustionMonth} (${l.exhaustionStatus.replace(/_/g, ' ')})`
        : l.exhaustionStatus.replace(/_/g, ' '),
    ];
    n++;
  }
  const runRateEnd = n - 1;

  n += 1;
  subHeader(ws, n, [`Vendor (${r.period.label})`, '', 'Actual', '', 'Lines']);
  n++;
  const vendorStart = n;
  for (const v of b.byVendor) {
    ws.getRow(n).values = [safeText(v.label), null, microToMajor(v.actual.micro), null, v.lineCount];
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
