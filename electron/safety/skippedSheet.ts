import type { Readable } from 'node:stream';

/**
 * exceljs's streaming reader buffers worksheets that come before xl/workbook.xml and the shared
 * strings to temp files, and hands each worksheet reader a ReadStream over its file (`ws.iterator`).
 * A sheet the caller skips is never iterated: its temp file is deleted as soon as the next sheet is
 * asked for, the stream's open then fails with ENOENT, and that 'error' has no listener — an uncaught
 * exception that takes the process down (and can leave the import waiting forever). Call this on every
 * worksheet you skip: it gives the stream a listener and closes it.
 */
export function releaseSkippedSheet(ws: unknown): void {
  const stream = (ws as { iterator?: unknown } | null)?.iterator as Partial<Readable> | undefined;
  if (!stream || typeof stream.on !== 'function') return;
  stream.on('error', () => {});
  if (typeof stream.destroy === 'function') stream.destroy();
}
