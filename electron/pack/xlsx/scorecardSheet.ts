import type ExcelJS from 'exceljs';
import { KPI_CATEGORIES, type KpiCategory } from '../../../shared/domain';
import { STATUS_LABEL, TREND_LABEL } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText, safeTextOrEmpty } from '../../../shared/export/safeText';
import { addTableSheet, fitColumns } from './sheet';
import { kpiFormat, statusFormatting } from './styles';

const UNIT_LABEL: Record<string, string> = {
  ratio: '%',
  currency: 'currency',
  count: 'count',
  days: 'days',
  hours: 'hours',
  score: 'score',
};

/** The KPIs grouped by category in the PDF scorecard's order (KPI_CATEGORIES), report order within one. */
export function scorecardOrder<K extends { category: KpiCategory }>(kpis: readonly K[]): K[] {
  return KPI_CATEGORIES.flatMap((cat) => kpis.filter((k) => k.category === cat));
}

/** Column G holds the status words (the Summary counts them). */
export function scorecardSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const periods = r.kpis[0]?.history.map((h) => h.period) ?? [];
  const ws = addTableSheet(
    wb,
    'Scorecard',
    [
      'Category',
      'KPI',
      'Unit',
      'Value',
      'Target',
      'Amber threshold',
      'Status',
      'Trend',
      'Previous quarter',
      ...periods,
      'Commentary',
    ],
    data.settings,
  );
  const commentary = new Map(data.commentary.filter((c) => c.scope === 'kpi').map((c) => [c.ref, c.body]));
  scorecardOrder(r.kpis).forEach((k, i) => {
    const row = ws.getRow(i + 2);
    const fmt = kpiFormat(k, r.currency);
    const values: ExcelJS.CellValue[] = [
      k.category,
      safeText(k.name),
      UNIT_LABEL[k.unit] ?? k.unit,
      k.value,
      k.target,
      k.amber,
      STATUS_LABEL[k.status],
      TREND_LABEL[k.trend],
      k.previousValue,
      ...periods.map((p) => k.history.find((h) => h.period === p)?.value ?? null),
      safeTextOrEmpty(commentary.get(k.id)),
    ];
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (c === 3 || c === 4 || c === 5 || (c >= 8 && c < 9 + periods.length)) cell.numFmt = fmt;
    });
  });
  statusFormatting(ws, `G2:G${r.kpis.length + 1}`);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 10 + periods.length } };
  fitColumns(ws, { wrap: [10 + periods.length], max: 60 });
  return ws;
}
