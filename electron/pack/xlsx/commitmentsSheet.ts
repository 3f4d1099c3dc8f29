import type ExcelJS from 'exceljs';
import { COMMITMENT_TYPE_LABEL, commitmentOutlookText } from '../../../shared/format/commitment';
import { shortMonth } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText } from '../../../shared/export/safeText';
import { formatCells, moneyFormula, moneyValue } from './cells';
import { addTableSheet, fitColumns, isoToDate } from './sheet';
import { DATE, PCT, moneyFormat } from './styles';

/**
 * Commitments and prepaid credits, columns as in the PDF plus the stated amount: remaining and the unused
 * share are live formulas over the row (amount − used; unused ÷ amount), cached with the model's figures.
 */
export function commitmentsSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const c = r.currency;
  const money = moneyFormat(c);
  const ws = addTableSheet(
    wb,
    'Commitments',
    [
      'Vendor',
      'Type',
      'Start',
      'End',
      'Stated amount',
      'Stated currency',
      `Amount (${c})`,
      'Used',
      'Remaining',
      'Run rate / month',
      'Runs out',
      'Unused at end',
      'Unused share',
      'Outlook',
      'Warning',
      'Initiative',
    ],
    data.settings,
  );
  let n = 2;
  for (const x of r.commitments) {
    ws.getRow(n).values = [
      safeText(x.vendor),
      COMMITMENT_TYPE_LABEL[x.type],
      isoToDate(x.start),
      isoToDate(x.end),
      moneyValue(x.statedAmount),
      x.statedCurrency,
      moneyValue(x.amount.micro),
      moneyValue(x.used.micro),
      moneyFormula(`G${n}-H${n}`, x.remaining.micro),
      moneyValue(x.monthlyRate.micro),
      x.runOutDate ? isoToDate(x.runOutDate) : null,
      moneyValue(x.projectedUnused.micro),
      { formula: `IF(G${n}=0,"",L${n}/G${n})`, result: x.projectedUnusedShare },
      commitmentOutlookText(x, c),
      x.warning ?? '',
      x.initiative ? safeText(x.initiative) : '',
    ];
    ws.getRow(n).getCell(5).numFmt = moneyFormat(x.statedCurrency);
    n++;
  }
  formatCells(
    ws,
    { from: 2, to: n - 1 },
    { C: DATE, D: DATE, G: money, H: money, I: money, J: money, K: DATE, L: money, M: PCT },
  );
  const note = ws.getRow(n + 1).getCell(1);
  note.value =
    r.commitments.length === 0
      ? 'No commitments or prepaid credits in force this fiscal year.'
      : `Used = spend with the vendor in the commitment's months to ${r.period.end}; run rate = mean of ${r.runRate.months.map(shortMonth).join(', ')}; a negative remaining amount is an overrun.`;
  note.font = { italic: true };
  fitColumns(ws, { max: 48 });
  return ws;
}
