import type ExcelJS from 'exceljs';
import type { CommentaryScope } from '../../../shared/api';
import { lines } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText } from '../../../shared/export/safeText';
import { addTableSheet } from './sheet';

/** The narrative the PDF prints, in its order: one row per paragraph or bullet. */
const SECTIONS: { scope: Exclude<CommentaryScope, 'kpi'>; title: string; none: string }[] = [
  {
    scope: 'summary',
    title: 'Executive summary',
    none: 'None written: the PDF prints the draft made from the figures.',
  },
  { scope: 'decisions', title: 'Decisions requested', none: 'None recorded.' },
  { scope: 'risks', title: 'Key risks', none: 'None recorded.' },
  { scope: 'priorities', title: 'Priorities for next quarter', none: 'None recorded.' },
];

/**
 * The quarter's written narrative (the Narrative screen's summary, decisions, risks and priorities) beside the
 * figures, so the workbook carries what the board is asked to decide as well as the numbers. KPI commentary
 * is on the Scorecard sheet.
 */
export function narrativeSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const ws = addTableSheet(wb, 'Narrative', ['Section', 'Text'], data.settings);
  const body = (scope: CommentaryScope) =>
    data.commentary.find((c) => c.scope === scope && c.period === data.period)?.body;
  let n = 2;
  for (const s of SECTIONS) {
    const paragraphs = lines(body(s.scope));
    (paragraphs.length ? paragraphs : [s.none]).forEach((text, i) => {
      const row = ws.getRow(n++);
      row.getCell(1).value = i === 0 ? s.title : null;
      row.getCell(1).font = { bold: true };
      row.getCell(2).value = paragraphs.length ? safeText(text) : text;
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      if (!paragraphs.length) row.getCell(2).font = { italic: true, color: { argb: 'FF6B7280' } };
    });
  }
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 110;
  return ws;
}
