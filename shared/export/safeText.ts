/**
 * Spreadsheet formula-injection guard for text that came from imported data (OWASP "CSV injection"):
 * a cell whose text starts with = + - @ tab, CR or LF could be read as a formula by Excel, LibreOffice
 * or Google Sheets once the file is opened, re-saved or pasted. Such text is prefixed with an apostrophe,
 * which every spreadsheet shows as literal text and never evaluates. Everything else is returned as is.
 */
const DANGEROUS_START = /^[=+\-@\t\r\n]/;

export function isFormulaLike(text: string): boolean {
  return DANGEROUS_START.test(text);
}

export function safeText(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/** `safeText` for nullable values: null/undefined become the empty string. */
export function safeTextOrEmpty(text: string | null | undefined): string {
  return text === null || text === undefined ? '' : safeText(text);
}
