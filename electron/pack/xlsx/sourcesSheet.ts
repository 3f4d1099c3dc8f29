import type ExcelJS from 'exceljs';
import type { PackData } from '../../../shared/export/packTypes';
import { KIND_LABEL } from '../../../shared/export/format';
import { safeText, safeTextOrEmpty } from '../../../shared/export/safeText';
import { formatCells } from './cells';
import { addTableSheet, fitColumns } from './sheet';
import { DATETIME, INT } from './styles';

/** Every import batch behind the figures: the auditor's trail from a number to a file. */
export function sourcesSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const ws = addTableSheet(
    wb,
    'Sources',
    [
      'Batch',
      'Kind',
      'Format',
      'File',
      'Sheet',
      'Rows stored',
      'Rows left out',
      'Imported (UTC)',
      'File SHA-256',
    ],
    data.settings,
  );
  data.batches.forEach((b, i) => {
    ws.getRow(i + 2).values = [
      b.id,
      KIND_LABEL[b.kind] ?? b.kind,
      safeText(b.format),
      safeText(b.fileName),
      safeTextOrEmpty(b.sheet),
      b.rows,
      b.excluded,
      new Date(b.importedAt),
      b.fileSha256,
    ];
  });
  const n = data.batches.length + 3;
  ws.getRow(n).values = ['Pack inputs SHA-256', '', '', data.inputsSha256];
  ws.getRow(n).font = { italic: true };
  formatCells(ws, { from: 2, to: data.batches.length + 1 }, { F: INT, G: INT, H: DATETIME });
  fitColumns(ws, { max: 66 });
  return ws;
}
