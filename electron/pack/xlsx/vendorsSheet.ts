import type ExcelJS from 'exceljs';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText } from '../../../shared/export/safeText';
import { formatCells, moneySum, moneyValue } from './cells';
import { addTableSheet, fitColumns } from './sheet';
import { INT, TOTAL_FONT, moneyFormat } from './styles';

/** The quarter's spend by vendor, largest first, with a total that equals the quarter's actual spend. */
export function vendorsSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const vendors = r.budget.byVendor;
  const ws = addTableSheet(wb, 'Vendors', ['Vendor', `Actual, ${r.period.label}`, 'Lines'], data.settings);
  let n = 2;
  for (const v of vendors)
    ws.getRow(n++).values = [safeText(v.label), moneyValue(v.actual.micro), v.lineCount];
  const last = n - 1;
  ws.getRow(n).values = [
    'Total',
    moneySum(
      `B2:B${last}`,
      vendors.map((v) => v.actual.micro),
    ),
    {
      formula: `SUM(C2:C${last})`,
      result: vendors.reduce((a, v) => a + v.lineCount, 0),
    },
  ];
  ws.getRow(n).font = TOTAL_FONT;
  formatCells(ws, { from: 2, to: n }, { B: moneyFormat(r.currency), C: INT });
  fitColumns(ws, { max: 44 });
  return ws;
}
