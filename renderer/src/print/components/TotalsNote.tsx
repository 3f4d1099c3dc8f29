import { wholeUnitsNote } from '../../../../shared/export/format';

/**
 * The rounding note of a table with a total row: its caption, printed under the table. The pack's pages are
 * in whole currency units, each row and the total rounded on its own from the exact amounts.
 */
export function TotalsNote({ currency }: { currency: string }) {
  return <caption className="table-note">{wholeUnitsNote(currency)}</caption>;
}
