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

/** The column of the status words (the Summary counts them). */
export const SCORECARD_STATUS_COLUMN = 'H';

/** How a band KPI is scored, on its tolerance cell (the PDF prints its target as "target ± tolerance"). */
export const BAND_NOTE =
  'Band KPI: on track when |value − target| ≤ tolerance; at risk when ≤ the amber threshold; else off track.';

export function scorecardSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const periods = r.kpis[0]?.history.map((h) => h.period) ?? [];
  const headers = [
    'Category',
    'KPI',
    'Unit',
    'Value',
    'Target',
    'Tolerance (±)',
    'Amber threshold',
    'Status',
    'Trend',
    'Previous quarter',
    ...periods,
    'Commentary',
  ];
  // Category and KPI name stay in view (the KPI name is what identifies a row).
  const ws = addTableSheet(wb, 'Scorecard', headers, data.settings, 1, 2);
  // Columns (1-based) holding KPI values in the KPI's unit.
  const numeric = new Set([4, 5, 6, 7, 10, ...periods.map((_, i) => 11 + i)]);
  const commentary = new Map(data.commentary.filter((c) => c.scope === 'kpi').map((c) => [c.ref, c.body]));
  scorecardOrder(r.kpis).forEach((k, i) => {
    const row = ws.getRow(i + 2);
    const fmt = kpiFormat(k, r.currency);
    const band = k.direction === 'band';
    const values: ExcelJS.CellValue[] = [
      k.category,
      safeText(k.name),
      UNIT_LABEL[k.unit] ?? k.unit,
      k.value,
      k.target,
      band ? (k.tolerance ?? 0) : null,
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
      if (numeric.has(c + 1)) cell.numFmt = fmt;
    });
    if (band) row.getCell(6).note = BAND_NOTE;
    const t = k.targetChange;
    // Targets have history: the cells are this quarter's; a change this quarter says what it was before.
    if (t)
      row.getCell(5).note =
        `Target changed in ${t.effectiveFrom}: was ${t.from.target} (amber ${t.from.amber}` +
        `${t.from.tolerance === null ? '' : `, tolerance ${t.from.tolerance}`}) until ${r.period.previous}. ` +
        'Earlier quarters are scored with the target they had.';
  });
  const status = SCORECARD_STATUS_COLUMN;
  statusFormatting(ws, `${status}2:${status}${r.kpis.length + 1}`);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  fitColumns(ws, { wrap: [headers.length], max: 60 });
  return ws;
}
