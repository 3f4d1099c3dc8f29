/**
 * A table with at most this many rows is kept on one page (moved whole to the next page rather than
 * split); a longer one may run over pages, its header repeated with "… (continued)".
 */
export const KEEP_WHOLE_MAX_ROWS = 20;

export function mayRunOver(rows: number): boolean {
  return rows > KEEP_WHOLE_MAX_ROWS;
}
