import { TOTALS_NOTE } from '../../../../shared/export/format';

/** The rounding note of a table with a total row: its caption, printed under the table. */
export function TotalsNote() {
  return <caption className="table-note">{TOTALS_NOTE}</caption>;
}
