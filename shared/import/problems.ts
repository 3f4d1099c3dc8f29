/**
 * What kind of problem it is, for programs (the CLI's `--json`, the API); the message stays for people.
 * File-level: the file cannot be read (`unreadable-file`), is a known export we do not import
 * (`unsupported-format`), holds nothing we can tell (`unknown-kind`), has no data (`no-rows`), was
 * imported already (`duplicate-file`); the mapping reads a column the file lacks (`missing-column`) or
 * leaves a required field unmapped (`unmapped-required`), a wide KPI table has no period columns
 * (`no-period-columns`), the amount is read two ways at once (`mapping-conflict`); the rows do not decide
 * the decimal separator or date order (`undecided-decimal`, `undecided-date-order`); amounts in a
 * currency without an exchange rate for their month (`missing-fx-rate`). Row-level: an empty required value (`required-empty`), a value that
 * does not read (`invalid-value`), a currency that is not one (`unknown-currency`), a sign standing for
 * several currencies (`ambiguous-currency`), a row naming two currencies (`currency-conflict`), an
 * initiative named twice or already in the workspace (`duplicate-name`, `initiative-exists`), a name matched to
 * an initiative the workspace does not have (`unknown-initiative`).
 * Warnings: a Total row left out (`total-row`), a total that does not equal the rows it covers
 * (`total-mismatch`), a note below the table left out (`footer-row`), a row left out on request (`excluded`), a name kept
 * unique with its qualifier (`name-qualified`). Outside the file: the workspace is busy (`busy`), the
 * import was cancelled (`cancelled`), the command line is wrong (`usage`), the workspace cannot be used
 * (`workspace`), anything else (`internal`).
 */
export const PROBLEM_CODES = [
  'unreadable-file',
  'unsupported-format',
  'format-note',
  'unknown-kind',
  'undecided-kind',
  'undecided-column',
  'no-rows',
  'duplicate-file',
  'missing-column',
  'unmapped-required',
  'no-period-columns',
  'mapping-conflict',
  'undecided-decimal',
  'undecided-date-order',
  'missing-fx-rate',
  'required-empty',
  'invalid-value',
  'unknown-currency',
  'ambiguous-currency',
  'currency-conflict',
  'duplicate-name',
  'initiative-exists',
  'unknown-initiative',
  'close-initiative-name',
  'total-row',
  'total-mismatch',
  'footer-row',
  'excluded',
  'name-qualified',
  'partial-month',
  'busy',
  'cancelled',
  'usage',
  'workspace',
  'internal',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** A problem found while reading or checking a file, located as precisely as the file allows. */
export interface ImportProblem {
  /** 1-based row in the file or sheet; null for a problem with the file or a whole column. */
  row: number | null;
  /** The column's header as written in the file; null when the problem is not tied to one column. */
  column: string | null;
  /** The offending text, when there is one. */
  value: string | null;
  message: string;
  /** `error` rows block the import (or are left out with skip-invalid); `warning` rows are imported. */
  severity: 'error' | 'warning';
  code: ProblemCode;
}

/** A problem; without a code, one on a row is a value that does not read and one without a row a file's. */
export function problem(
  row: number | null,
  column: string | null,
  value: string | null,
  message: string,
  severity: ImportProblem['severity'] = 'error',
  code: ProblemCode = row === null ? 'unreadable-file' : 'invalid-value',
): ImportProblem {
  return { row, column, value, message, severity, code };
}

/** "row 12, column Cost ("abc"): not a number" */
export function describeProblem(p: ImportProblem, sheet?: string | null): string {
  const where = [
    sheet ? `sheet "${sheet}"` : null,
    p.row === null ? null : `row ${p.row}`,
    p.column === null ? null : `column "${p.column}"`,
  ]
    .filter(Boolean)
    .join(', ');
  const value =
    p.value === null ? '' : ` ("${p.value.length > 60 ? `${p.value.slice(0, 57)}...` : p.value}")`;
  return `${where ? `${where}` : 'file'}${value}: ${p.message}`;
}
