import type ExcelJS from 'exceljs';
import type { WorkspaceSettings } from '../../../shared/domain';
import { HEADER_FILL, HEADER_FONT } from './styles';

/**
 * A sheet with a styled, frozen header row, repeated on printed pages, landscape and fit to width; on wide
 * sheets the first `frozenColumns` (the row's label) stay in view too.
 */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  headers: string[],
  settings: WorkspaceSettings,
  headerRow = 1,
  frozenColumns = 0,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: frozenColumns }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: (settings.pageSize === 'Letter' ? 1 : 9) as ExcelJS.PaperSize,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: `&L${settings.confidentiality.replace(/&/g, '&&')}&RPage &P of &N`,
    },
  });
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  styleHeaderRow(ws.getRow(headerRow), headers);
  return ws;
}

/** A table's header row: bold white on the header fill (also for a second table further down a sheet). */
export function styleHeaderRow(row: ExcelJS.Row, headers: string[]): void {
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}

/** Column widths fitted to the longest text or number shown, within bounds; long text columns wrap. */
export function fitColumns(ws: ExcelJS.Worksheet, options: { wrap?: number[]; max?: number } = {}): void {
  const max = options.max ?? 60;
  const wrap = new Set(options.wrap ?? []);
  ws.columns.forEach((col, i) => {
    let width = 8;
    col.eachCell?.({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      let len: number;
      if (v === null || v === undefined) len = 0;
      else if (typeof v === 'number') len = cell.numFmt && cell.numFmt.includes('#,##0.00') ? 16 : 10;
      else if (v instanceof Date) len = 12;
      else if (typeof v === 'object' && 'formula' in v) len = 14;
      else
        len = String(v)
          .split('\n')
          .reduce((m, l) => Math.max(m, l.length), 0);
      width = Math.max(width, Math.min(len + 2, max));
    });
    col.width = width;
    if (wrap.has(i + 1)) {
      col.width = Math.min(width, max);
      col.eachCell?.({ includeEmpty: false }, (cell) => {
        cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
      });
    }
  });
}

/** Excel date cells for an ISO date (YYYY-MM-DD) or month (YYYY-MM), at UTC midnight. */
export function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}
