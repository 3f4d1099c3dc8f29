import { describeProblem, problem, type ImportProblem, type ProblemCode } from './problems';

/** The file cannot be imported as asked; nothing was written. Carries every problem found. */
export class ImportRejected extends Error {
  constructor(
    readonly fileName: string,
    readonly sheet: string | null,
    readonly problems: ImportProblem[],
    /** The message's first line when it is not the count of problems (kept to rebuild the error in another thread). */
    readonly headline?: string,
    /** What a program needs to choose and retry (the close column and kind candidates), for `--json`. */
    readonly choices?: Record<string, unknown>,
  ) {
    const errors = problems.filter((p) => p.severity === 'error');
    const shown = errors.slice(0, 20).map((p) => `  - ${describeProblem(p, sheet)}`);
    const more = errors.length > shown.length ? `\n  ... and ${errors.length - shown.length} more` : '';
    super(
      `${fileName}${sheet ? ` (sheet "${sheet}")` : ''}: ${headline ?? `rejected, nothing was imported (${errors.length} problem${errors.length === 1 ? '' : 's'})`}` +
        (shown.length ? `:\n${shown.join('\n')}${more}` : ''),
    );
    this.name = 'ImportRejected';
  }
}

/** The user cancelled; the transaction was rolled back and nothing was written. */
export class ImportCancelled extends Error {
  constructor(fileName: string) {
    super(`Import of ${fileName} was cancelled; nothing was written.`);
    this.name = 'ImportCancelled';
  }
}

/** A file-level rejection with one problem (empty file, corrupt xlsx, ...). */
export function rejectFile(
  fileName: string,
  message: string,
  sheet: string | null = null,
  code: ProblemCode = 'unreadable-file',
): ImportRejected {
  return new ImportRejected(fileName, sheet, [problem(null, null, null, message, 'error', code)], message);
}
