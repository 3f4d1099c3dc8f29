import type ExcelJS from 'exceljs';
import { shortMonth } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import type { RunRateLine } from '../../../shared/report';
import { formatCells, moneyValue } from './cells';
import { addTableSheet, fitColumns, isoToDate } from './sheet';
import { MONTH, TOTAL_FONT, moneyFormat } from './styles';
import { EXHAUSTION_LABEL } from '../../../shared/labels';

/** Run-rate by category, columns as in the PDF; the portfolio row sums the categories. */
export function runRateSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const rr = r.runRate;
  const money = moneyFormat(r.currency);
  const ws = addTableSheet(
    wb,
    'Run-rate',
    ['Category', 'Monthly burn', 'Annual budget', 'Year to date', 'Budget runs out', 'Status'],
    data.settings,
  );
  const line = (l: RunRateLine): ExcelJS.CellValue[] => [
    l.label,
    moneyValue(l.monthlyBurn.micro),
    moneyValue(l.annualBudget.micro),
    moneyValue(l.ytdActual.micro),
    l.exhaustionMonth ? isoToDate(l.exhaustionMonth) : null,
    EXHAUSTION_LABEL[l.exhaustionStatus],
  ];
  let n = 2;
  for (const l of rr.byCategory) ws.getRow(n++).values = line(l);
  // The portfolio row is the model's own, not a SUM of the rows above: its annual budget also counts budget
  // lines with no category (not a run-rate row), and its burn is the mean of the total, not a sum of
  // separately rounded means.
  const portfolio = line(rr.portfolio);
  ws.getRow(n).values = portfolio;
  ws.getRow(n).font = TOTAL_FONT;
  ws.getRow(n).getCell(3).note =
    'All budget lines of the fiscal year, those without a category included: not a sum of the rows above.';
  formatCells(ws, { from: 2, to: n }, { B: money, C: money, D: money, E: MONTH });
  const note = ws.getRow(n + 2).getCell(1);
  note.value = `Monthly burn = mean of ${rr.months.map(shortMonth).join(', ') || 'no complete months'}.`;
  note.font = { italic: true };
  fitColumns(ws, { max: 30 });
  return ws;
}
