/**
 * What kind of failure an error is, for the code that decides what to do with it (a value that does not
 * read becomes a problem on its row; anything else stops the import); the message stays for people.
 */
export const ERROR_CODES = [
  /** An amount or sum beyond what a JS number holds exactly (±9,007,199,254 currency units). */
  'money-overflow',
  /** A cell's text is not a number in the file's format. */
  'unreadable-number',
  /** A cell's text is not a date in the file's format. */
  'unreadable-date',
  /** A mapped field's value is not one the field accepts (a category, a stage, a flag). */
  'invalid-field',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error with a code to branch on. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The codes of a value that does not read: the transform turns them into a problem on the row and column. */
export const VALUE_ERROR_CODES: readonly ErrorCode[] = [
  'money-overflow',
  'unreadable-number',
  'unreadable-date',
  'invalid-field',
];

export function hasErrorCode(err: unknown, codes: readonly ErrorCode[]): err is CodedError {
  return err instanceof CodedError && codes.includes(err.code);
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(code);
}
