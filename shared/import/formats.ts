import { SOURCES, type FormatId } from './sources';
import { headerView } from './sources/source';
import type { ImportKind } from './mapping';

export interface DetectedFormat {
  format: FormatId;
  /** The data kind the format carries; null when it carries none we store. */
  kind: ImportKind | null;
  label: string;
  /** Why a recognised file cannot be imported as is (e.g. an OpenAI activity export has no cost). */
  unsupported: string | null;
}

/** Recognises vendor exports by their headers (vendors rename columns over time, file names mean nothing). */
export function detectFormat(headers: readonly string[]): DetectedFormat {
  const view = headerView(headers);
  for (const source of SOURCES) {
    const label = source.identify(view);
    if (label !== null) {
      return { format: source.id, kind: source.kind, label, unsupported: source.unsupported ?? null };
    }
  }
  return { format: 'generic', kind: null, label: 'Table', unsupported: null };
}
