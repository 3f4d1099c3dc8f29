import type ExcelJS from 'exceljs';
import { signedMoney } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText } from '../../../shared/export/safeText';
import { formatCells, moneyFormula, moneyValue } from './cells';
import { addTableSheet, fitColumns } from './sheet';
import { PCT, moneyFormat } from './styles';

const DIMENSION = { vendor: 'Vendor', category: 'Category', initiative: 'Initiative' } as const;

/**
 * The quarter's spend anomalies as the PDF lists them, largest deviation first: the month's amount against
 * the median of the months before it, the deviation a formula over the two, and the main contributors.
 */
export function anomaliesSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const rule = r.assumptions.anomalies;
  const ws = addTableSheet(
    wb,
    'Anomalies',
    [
      'Month',
      'Dimension',
      'Where',
      'Amount',
      'Baseline median',
      'Deviation',
      'Deviation %',
      'Main contributors',
    ],
    data.settings,
  );
  let n = 2;
  for (const a of r.anomalies) {
    ws.getRow(n).values = [
      a.month,
      DIMENSION[a.dimension],
      safeText(a.label),
      moneyValue(a.amount),
      moneyValue(a.baselineMedian),
      moneyFormula(`D${n}-E${n}`, BigInt(a.amount) - BigInt(a.baselineMedian)),
      { formula: `IF(E${n}=0,"",F${n}/E${n})`, result: a.baselineMedian === 0 ? '' : (a.deviationPct ?? '') },
      safeText(
        a.contributors
          .slice(0, 3)
          .map((c) => `${c.label} ${signedMoney(c.change, r.currency)}`)
          .join('; '),
      ),
    ];
    n++;
  }
  if (n === 2) ws.getCell('A2').value = `No spend anomaly in ${r.period.label}.`;
  ws.getCell(`A${n + 1}`).value =
    `Flagged when a month is more than ${rule.madFactor} × the median absolute deviation away from the median of the ` +
    `${rule.baselineMonths} months before it, by at least ${Number((rule.minPct * 100).toFixed(4))}% of that median and the minimum amount (settings).`;
  ws.getCell(`A${n + 1}`).font = { italic: true };
  formatCells(
    ws,
    { from: 2, to: n - 1 },
    { D: moneyFormat(r.currency), E: moneyFormat(r.currency), F: moneyFormat(r.currency), G: PCT },
  );
  fitColumns(ws, { max: 60 });
  return ws;
}
