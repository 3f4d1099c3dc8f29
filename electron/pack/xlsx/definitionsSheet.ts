import type ExcelJS from 'exceljs';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText } from '../../../shared/export/safeText';
import { addTableSheet, fitColumns } from './sheet';
import { HEADER_FILL, HEADER_FONT } from './styles';

export function definitionsSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const ws = addTableSheet(wb, 'Definitions', ['Metric', 'Definition'], data.settings);
  const defs = data.definitions;
  defs.forEach((d, i) => (ws.getRow(i + 2).values = [d.name, d.formula]));
  let n = defs.length + 3;
  [
    'KPI',
    'Definition',
    'Category',
    'Unit',
    'Direction',
    'Target',
    'Amber threshold',
    'Quarter value',
  ].forEach((h, i) => {
    const cell = ws.getRow(n).getCell(i + 1);
    cell.value = h;
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
  });
  n++;
  const catalog = new Map(data.kpiDefinitions.map((k) => [k.id, k]));
  for (const k of data.report.kpis) {
    ws.getRow(n++).values = [
      safeText(k.name),
      safeText(catalog.get(k.id)?.description ?? ''),
      k.category,
      k.unit,
      k.direction,
      k.target,
      k.amber,
      k.derived ? 'derived from data' : `${k.aggregation} of the quarter's observations`,
    ];
  }
  fitColumns(ws, { wrap: [2], max: 70 });
  ws.getColumn(1).width = 36;
  return ws;
}
