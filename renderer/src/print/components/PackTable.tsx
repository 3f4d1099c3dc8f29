import type { ReactNode } from 'react';
import { mayRunOver } from './tableFlow';

/**
 * A pack table. Short (see tableFlow) it stays on one page. Long it may run over pages: Chromium repeats
 * its header on each, and the header's first row says "<title> (continued)". That row is on the first
 * page too (a repeated header is the same header), so a white mask laid over it there hides it: the
 * words show only on the pages after the first.
 */
export function PackTable({
  rows,
  title,
  columns,
  className,
  caption,
  colgroup,
  head,
  children,
}: {
  /** Body rows, to decide whether the table may run over pages. */
  rows: number;
  /** What the table is, for its "(continued)" header on later pages. */
  title: string;
  columns: number;
  className?: string;
  /** A note printed under the table (a bottom caption). */
  caption?: ReactNode;
  colgroup?: ReactNode;
  /** The column header row. */
  head: ReactNode;
  children: ReactNode;
}) {
  const long = mayRunOver(rows);
  return (
    <>
      {long ? <div className="continued-mask" aria-hidden="true" /> : null}
      <table className={`table ${long ? 'runs-over' : 'keep-whole'}${className ? ` ${className}` : ''}`}>
        {caption}
        {colgroup}
        <thead>
          {long ? (
            <tr className="continued" aria-hidden="true">
              <th colSpan={columns}>{title} (continued)</th>
            </tr>
          ) : null}
          {head}
        </thead>
        {children}
      </table>
    </>
  );
}
