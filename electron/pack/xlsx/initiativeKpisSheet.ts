import type ExcelJS from 'exceljs';
import { STATUS_LABEL, TREND_LABEL } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText } from '../../../shared/export/safeText';
import { BAND_NOTE } from './scorecardSheet';
import { addTableSheet, fitColumns } from './sheet';
import { kpiFormat, statusFormatting } from './styles';

const HEADERS = [
  'Initiative',
  'KPI',
  'Value',
  'Target',
  'Tolerance (±)',
  'Amber threshold',
  'Status',
  'Trend',
  'Previous quarter',
  'Observations',
  'Batches',
];

/**
 * The KPIs each initiative's owners report for it (observations carrying the initiative), scored like the
 * scorecard: one row per initiative and KPI, initiatives in the Initiatives sheet's order. The portfolio
 * scorecard counts these only in a quarter without workspace-level observations (see Definitions).
 */
export function initiativeKpisSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const ws = addTableSheet(wb, 'Initiative KPIs', HEADERS, data.settings, 1, 2);
  let n = 2;
  for (const i of r.initiatives) {
    for (const k of i.kpis) {
      const row = ws.getRow(n++);
      const band = k.direction === 'band';
      row.values = [
        safeText(i.name),
        safeText(k.name),
        k.value,
        k.target,
        band ? (k.tolerance ?? 0) : null,
        k.amber,
        STATUS_LABEL[k.status],
        TREND_LABEL[k.trend],
        k.previousValue,
        k.observationCount,
        k.batchIds.map((b) => `#${b}`).join(', '),
      ];
      const fmt = kpiFormat(k, r.currency);
      for (const c of [3, 4, 5, 6, 9]) if (row.getCell(c).value !== null) row.getCell(c).numFmt = fmt;
      if (band) row.getCell(5).note = BAND_NOTE;
    }
  }
  if (n === 2) {
    ws.getCell('A2').value = `No initiative has KPI observations of its own in ${r.period.label}.`;
  } else {
    statusFormatting(ws, `G2:G${n - 1}`);
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADERS.length } };
  }
  fitColumns(ws, { max: 48 });
  return ws;
}
