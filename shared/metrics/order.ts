/** Orders text by code unit, the same on every machine and locale (report order feeds pack hashes). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
