import type { Cell } from '../cells';
import type { IsoDate } from '../../fiscal';
import { headerKey, tidyHeader } from '../headers';
import type { ImportKind, ImportMapping, ImportMappingInput } from '../mapping';

/** What every source is told about the workspace when it proposes a mapping. */
export interface ProposeOptions {
  basis: 'effective' | 'billed';
  tagKey: string;
  fiscalStartMonth: number;
}

/** The header row as the sources look at it. */
export interface HeaderView {
  headers: readonly string[];
  /** Header keys (lowercase letters and digits: "Cost (USD)" → "costusd"). */
  keys: ReadonlySet<string>;
  /** Headers as written, tidied (for prefixes such as AWS's "lineItem/"). */
  raw: readonly string[];
}

export function headerView(headers: readonly string[]): HeaderView {
  return { headers, keys: new Set(headers.map(headerKey)), raw: headers.map(tidyHeader) };
}

export function hasAll(view: HeaderView, ...wanted: string[]): boolean {
  return wanted.every((w) => view.keys.has(w));
}

/**
 * One vendor's or tool's export format: how it is recognised, what it holds and how it maps. Adding a
 * format is one module like this, registered in `sources/index.ts`, with its sample and its test.
 */
export interface ImportSource<Id extends string = string> {
  id: Id;
  /** The data kind it carries; null when it carries none we store. */
  kind: ImportKind | null;
  /** The format name reported for a batch (`--json`'s `format`); the id when absent. */
  reported?: string;
  /** The label shown for the file (with its version) when the headers are this format's, else null. */
  identify(view: HeaderView): string | null;
  /** Why a recognised file cannot be imported as is (e.g. an export that counts tokens but has no cost). */
  unsupported?: string;
  /** The built-in mapping; the user can still change any of it. */
  mapping?(view: HeaderView, options: ProposeOptions): ImportMappingInput;
  /** Formats with two cost columns (FOCUS): the amount column for a basis, the other never added on top. */
  amountForBasis?(view: HeaderView, basis: 'effective' | 'billed'): string | undefined;
  /**
   * What the preview must say about how this format's mapping (built-in, or saved from it) reads the file —
   * an assumed currency, a column deliberately not added: shown as warnings, never blocking.
   */
  notes?(view: HeaderView, context: { reportingCurrency: string; mapping: ImportMapping }): string[];
  /** What the rows above the header (a metadata record, title lines) say about this file. */
  fileContext?(preamble: readonly (readonly Cell[])[]): SourceFileContext | null;
}

/** What a format's lines above its header say about the file (read again for every file, never saved). */
export interface SourceFileContext {
  /** The currency of amounts that name none (over the mapping's; the user's --currency still wins). */
  currency?: string;
  /** The file's period, whose year dates written as DDMM take (DATEV's Belegdatum). */
  dayMonthPeriod?: { from: IsoDate; to: IsoDate };
  /** Field → what was read for it, in a sentence, added to the preview's evidence for that field. */
  evidence: Partial<Record<string, string>>;
}

/** Keeps a source's id literal, so the registry's ids form the FormatId type. */
export function defineSource<const Id extends string>(source: ImportSource<Id>): ImportSource<Id> {
  return source;
}
