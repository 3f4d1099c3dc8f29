import { headerKey } from './headers';

/** Finds the header whose key is one of `keys` (first key wins), as written in the file. */
export function findHeader(headers: readonly string[], ...keys: string[]): string | undefined {
  const byKey = new Map<string, string>();
  for (const h of headers) if (!byKey.has(headerKey(h))) byKey.set(headerKey(h), h);
  for (const k of keys) {
    const h = byKey.get(k);
    if (h !== undefined) return h;
  }
  return undefined;
}

/** Field → the first header found among its keys; fields with none are left out. */
export function columnsOf(
  headers: readonly string[],
  spec: Record<string, string[]>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, keys] of Object.entries(spec)) {
    const h = findHeader(headers, ...keys);
    if (h !== undefined) out[field] = h;
  }
  return out;
}
