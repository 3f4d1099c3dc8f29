import type { ImportPreview } from '../../../shared/api';
import { describeControlRow } from '../../../shared/import/controlRows';

/** One line of the "rows left out" list: a row (or, for the rest of a long group, a count) and why. */
export interface RowLeftOut {
  /** The row in the file; null for "n more rows" of a group listed by its first rows. */
  row: number | null;
  /** How many rows the line stands for (1 for a row). */
  rows: number;
  reason: string;
}

/**
 * Every row the import leaves out and why, in row order: the file's total and subtotal rows (checked against
 * the rows they cover), notes below the table, rows the row filter leaves out (each reason's first rows, then
 * a count), and, when the user leaves them out, the rows with errors (with their problems).
 */
export function rowsLeftOut(preview: ImportPreview, skipInvalid: boolean): RowLeftOut[] {
  const out: RowLeftOut[] = [];
  for (const c of preview.reconciliation.controlRows)
    out.push({
      row: c.row,
      rows: 1,
      reason: `${c.level === 'total' ? 'Total' : 'Subtotal'} row ${describeControlRow(c, false)}`,
    });
  for (const f of preview.reconciliation.footerRows)
    out.push({ row: f.row, rows: 1, reason: `Note below the table: “${f.text}”` });
  const tails: RowLeftOut[] = [];
  for (const f of preview.filtered.reasons) {
    for (const row of f.firstRows) out.push({ row, rows: 1, reason: `Row filter: ${f.reason}` });
    const rest = f.rows - f.firstRows.length;
    if (rest > 0) tails.push({ row: null, rows: rest, reason: `Row filter: ${f.reason}` });
  }
  if (skipInvalid) {
    const byRow = new Map<number, string[]>();
    for (const p of preview.problems) {
      if (p.row === null || p.severity !== 'error') continue;
      const list = byRow.get(p.row) ?? [];
      list.push(p.column ? `${p.column}: ${p.message}` : p.message);
      byRow.set(p.row, list);
    }
    for (const [row, messages] of byRow) out.push({ row, rows: 1, reason: `Error — ${messages.join('; ')}` });
    const unlisted = preview.counts.invalid - byRow.size;
    if (unlisted > 0)
      tails.push({ row: null, rows: unlisted, reason: 'Rows with errors beyond the problems listed' });
  }
  out.sort((a, b) => a.row! - b.row!);
  return [...out, ...tails];
}

/** How many rows the list stands for. */
export function rowsLeftOutCount(lines: readonly RowLeftOut[]): number {
  return lines.reduce((n, l) => n + l.rows, 0);
}
