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
}

export function problem(
  row: number | null,
  column: string | null,
  value: string | null,
  message: string,
  severity: ImportProblem['severity'] = 'error',
): ImportProblem {
  return { row, column, value, message, severity };
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
