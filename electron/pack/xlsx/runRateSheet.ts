import type ExcelJS from 'exceljs';
import { shortMonth } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import type { RunRateLine } from '../../../shared/report';
import { formatCells, moneySum, moneyValue } from './cells';
import { addTableSheet, fitColumns, isoToDate } from './sheet';
import { MONTH, TOTAL_FONT, moneyFormat } from './styles';

/** In the PDF's words (its run-rate table). */
const STATUS: Record<RunRateLine['exhaustionStatus'], string> = {
  exhausted: 'Budget already used up',
  within_year: 'Runs out before year end',
  after_year_end: 'Lasts the year',
  no_budget: 'No budget',
  no_burn: 'No burn',
};

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
    STATUS[l.exhaustionStatus],
  ];
  let n = 2;
  for (const l of rr.byCategory) ws.getRow(n++).values = line(l);
  const last = n - 1;
  const cats = rr.byCategory;
  const sum = (col: string, micros: number[]) => moneySum(`${col}2:${col}${last}`, micros);
  const portfolio = line(rr.portfolio);
  portfolio[1] = sum(
    'B',
    cats.map((l) => l.monthlyBurn.micro),
  );
  portfolio[2] = sum(
    'C',
    cats.map((l) => l.annualBudget.micro),
  );
  portfolio[3] = sum(
    'D',
    cats.map((l) => l.ytdActual.micro),
  );
  ws.getRow(n).values = portfolio;
  ws.getRow(n).font = TOTAL_FONT;
  formatCells(ws, { from: 2, to: n }, { B: money, C: money, D: money, E: MONTH });
  const note = ws.getRow(n + 2).getCell(1);
  note.value = `Monthly burn = mean of ${rr.months.map(shortMonth).join(', ') || 'no complete months'}.`;
  note.font = { italic: true };
  fitColumns(ws, { max: 30 });
  return ws;
}
