import type ExcelJS from 'exceljs';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText } from '../../../shared/export/safeText';
import { BAND_NOTE } from './scorecardSheet';
import { addTableSheet, fitColumns, styleHeaderRow } from './sheet';
import { kpiFormat } from './styles';

export function definitionsSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const ws = addTableSheet(wb, 'Definitions', ['Metric', 'Definition'], data.settings);
  const defs = data.definitions;
  defs.forEach((d, i) => (ws.getRow(i + 2).values = [d.name, d.formula]));
  let n = defs.length + 3;
  styleHeaderRow(ws.getRow(n), [
    'KPI',
    'Definition',
    'Category',
    'Unit',
    'Direction',
    'Target',
    'Tolerance (±)',
    'Amber threshold',
    'Quarter value',
  ]);
  n++;
  const catalog = new Map(data.kpiDefinitions.map((k) => [k.id, k]));
  // Report order, as the PDF's appendix lists them.
  for (const k of data.report.kpis) {
    const row = ws.getRow(n++);
    const band = k.direction === 'band';
    row.values = [
      safeText(k.name),
      safeText(catalog.get(k.id)?.description ?? ''),
      k.category,
      k.unit,
      k.direction,
      k.target,
      band ? (k.tolerance ?? 0) : null,
      k.amber,
      k.derived ? 'derived from data' : `${k.aggregation} of the quarter's observations`,
    ];
    // Thresholds in the KPI's unit, as on the Scorecard.
    const fmt = kpiFormat(k, data.report.currency);
    for (const c of [6, 7, 8]) row.getCell(c).numFmt = fmt;
    if (band) row.getCell(7).note = BAND_NOTE;
  }
  fitColumns(ws, { wrap: [2], max: 70 });
  ws.getColumn(1).width = 36;
  return ws;
}
