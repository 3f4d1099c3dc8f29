/** A one-line progress display on a terminal's stderr, rewritten in place; nothing when not a terminal. */
export interface Progress {
  update(text: string): void;
  /** Clears the line (the command's own output follows). */
  done(): void;
}

interface TtyStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Writes at most ~10 updates a second, so a fast import is not slowed by its own display. */
export function terminalProgress(stream: TtyStream, now: () => number = Date.now): Progress | undefined {
  if (!stream.isTTY) return undefined;
  let last = -Infinity;
  let shown = false;
  return {
    update(text) {
      const t = now();
      if (t - last < 100) return;
      last = t;
      // A terminal that reports no width (0: some pseudo-terminals) gets 80 columns.
      const width = Math.max(20, (stream.columns || 80) - 1);
      stream.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** "reading big.csv: 412,000 rows, 38.2 of 91.7 MB (42%)" */
export function importProgressText(
  name: string,
  p: { rows: number; bytes: number; totalBytes: number },
): string {
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const pct = p.totalBytes > 0 ? Math.min(100, Math.floor((p.bytes / p.totalBytes) * 100)) : 0;
  return `importing ${name}: ${p.rows.toLocaleString('en-US')} rows, ${mb(p.bytes)} of ${mb(p.totalBytes)} MB (${pct}%)`;
}
