/**
 * Reads one tag from a tags cell: JSON (`{"a": "b"}`, FOCUS), JSON without the outer braces
 * (`"a": "b","c": "d"`, Azure EA), a list of `{"key", "value"}` records (Google Cloud labels) or
 * AWS-style `key=value;key=value`. Keys match case-insensitively
 * and ignoring surrounding spaces, because exports carry near-duplicates such as `"org"` and `" org"`;
 * an exact key wins over a near one.
 */
export function readTag(cell: string | null, key: string): string | null {
  if (cell === null) return null;
  const text = cell.trim();
  if (text === '' || /^null$/i.test(text)) return null;
  const tags = parseTags(text);
  if (!tags) return null;
  if (typeof tags[key] === 'string' && tags[key].trim() !== '') return tags[key].trim();
  const wanted = key.trim().toLowerCase();
  for (const [k, v] of Object.entries(tags)) {
    if (k.trim().toLowerCase() === wanted && typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return null;
}

function parseTags(text: string): Record<string, unknown> | null {
  const attempts = text.startsWith('{') || text.startsWith('[') ? [text] : [`{${text}}`];
  for (const t of attempts) {
    try {
      const v: unknown = JSON.parse(t);
      if (Array.isArray(v)) return keyValueList(v);
      if (v && typeof v === 'object') {
        return Object.fromEntries(
          Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, x === null ? null : String(x)]),
        );
      }
    } catch {
      // not JSON: try key=value pairs below
    }
  }
  if (/[=]/.test(text)) {
    const out: Record<string, string> = {};
    for (const pair of text.split(/[;,]/)) {
      const i = pair.indexOf('=');
      if (i > 0) out[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
    }
    return out;
  }
  return null;
}

/** Google Cloud's labels: a list of `{"key": …, "value": …}` records. */
function keyValueList(list: unknown[]): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const item of list) {
    if (!item || typeof item !== 'object') return null;
    const { key, value } = item as { key?: unknown; value?: unknown };
    if (typeof key !== 'string') return null;
    out[key] = value === null || value === undefined ? null : String(value);
  }
  return out;
}
