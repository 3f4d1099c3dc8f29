import type ExcelJS from 'exceljs';
import type { PackData } from '../../../shared/export/packTypes';
import { microToMajor } from '../../../shared/money';
import { addTableSheet, fitColumns, isoToDate } from './sheet';
import { MONTH, PCT, moneyFormat } from './styles';

/** Budget vs actual for every month of the fiscal year; months after the quarter have no actual. */
export function monthlySheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const money = moneyFormat(r.currency);
  const ws = addTableSheet(
    wb,
    'Monthly spend',
    ['Month', 'Budget', 'Actual', 'Variance', 'Variance %', 'Cumulative budget', 'Cumulative actual'],
    data.settings,
  );
  r.budget.monthly.forEach((m, i) => {
    const n = i + 2;
    const reported = m.actual !== null;
    ws.getRow(n).values = [
      isoToDate(m.month),
      microToMajor(m.budget),
      reported ? microToMajor(m.actual!) : null,
      reported ? { formula: `C${n}-B${n}`, result: microToMajor(m.actual! - m.budget) } : null,
      reported
        ? {
            formula: `IF(B${n}=0,"",D${n}/B${n})`,
            result: m.budget === 0 ? '' : (m.actual! - m.budget) / m.budget,
          }
        : null,
      microToMajor(m.cumulativeBudget),
      m.cumulativeActual === null ? null : microToMajor(m.cumulativeActual),
    ];
  });
  ws.getColumn(1).numFmt = MONTH;
  for (const c of [2, 3, 4, 6, 7]) ws.getColumn(c).numFmt = money;
  ws.getColumn(5).numFmt = PCT;
  fitColumns(ws, { max: 24 });
  return ws;
}
