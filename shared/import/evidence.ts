import type { Cell } from './cells';
import { dateOrderHint, type DateOrder } from './dates';
import { decimalHint, type DecimalSeparator } from './numbers';
import { problem, type ImportProblem } from './problems';

interface Example {
  row: number;
  column: string;
  text: string;
}

const POINT = 0x2e;
const COMMA = 0x2c;

/**
 * Whether decimalHint could read `sep` (a character code) as the decimal separator in `raw`: it holds `sep`,
 * or `other` twice. One pass over the characters (this runs for every number cell of a file).
 */
function mayShow(raw: string, sep: number, other: number): boolean {
  let others = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === sep || (c === other && ++others > 1)) return true;
  }
  return false;
}

/**
 * Collects what every row says about the decimal separator and the day/month order, so the
 * decision rests on all rows of the file, not on the first few.
 */
export class FormatEvidence {
  private readonly decimal = {
    '.': null as Example | null,
    ',': null as Example | null,
    ambiguous: null as Example | null,
  };
  private readonly order = {
    mdy: null as Example | null,
    dmy: null as Example | null,
    ambiguous: null as Example | null,
  };

  number(raw: string, row: number, column: string): void {
    // Once one separator was seen, only a cell showing the other can change the decision (to mixed), and the
    // rest of a million cells need not be read: a text shows a comma only through a comma or two points
    // (1.234.567), a point only through a point or two commas.
    const d = this.decimal;
    if (d['.'] !== null && (d[','] !== null || !mayShow(raw, COMMA, POINT))) return;
    if (d[','] !== null && !mayShow(raw, POINT, COMMA)) return;
    const h = decimalHint(raw);
    if (h !== 'none') this.decimal[h] ??= { row, column, text: raw };
  }

  date(cell: Cell, row: number, column: string): void {
    const h = dateOrderHint(cell);
    if (h !== 'none') this.order[h] ??= { row, column, text: String(cell) };
  }

  /** The separator the rows decide, or a problem asking the user to choose. */
  decideDecimal(): { value: DecimalSeparator | null; problem: ImportProblem | null } {
    const { '.': dot, ',': comma, ambiguous } = this.decimal;
    if (dot && comma) {
      return {
        value: null,
        problem: problem(
          comma.row,
          comma.column,
          comma.text,
          `mixed decimal separators: row ${dot.row} ("${dot.text}") reads with a decimal point, this row with a decimal comma; choose the separator in the mapping`,
          'error',
          'undecided-decimal',
        ),
      };
    }
    if (dot) return { value: '.', problem: null };
    if (comma) return { value: ',', problem: null };
    if (ambiguous) {
      return {
        value: null,
        problem: problem(
          ambiguous.row,
          ambiguous.column,
          ambiguous.text,
          'no row shows whether "," or "." is the decimal separator (e.g. 1,234 could be 1234 or 1.234); choose it in the mapping',
          'error',
          'undecided-decimal',
        ),
      };
    }
    return { value: '.', problem: null };
  }

  decideDateOrder(): { value: DateOrder | null; problem: ImportProblem | null } {
    const { mdy, dmy, ambiguous } = this.order;
    if (mdy && dmy) {
      return {
        value: null,
        problem: problem(
          dmy.row,
          dmy.column,
          dmy.text,
          `dates are written both month-first (row ${mdy.row}: "${mdy.text}") and day-first (this row); fix the file or choose the order`,
          'error',
          'undecided-date-order',
        ),
      };
    }
    if (mdy) return { value: 'mdy', problem: null };
    if (dmy) return { value: 'dmy', problem: null };
    if (ambiguous) {
      return {
        value: null,
        problem: problem(
          ambiguous.row,
          ambiguous.column,
          ambiguous.text,
          'no date in the file shows whether it is day-first or month-first (e.g. 01/02/2026); choose the order in the mapping',
          'error',
          'undecided-date-order',
        ),
      };
    }
    return { value: 'ymd', problem: null };
  }
}
