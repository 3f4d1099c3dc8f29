import { anthropicCost, anthropicTokens } from './anthropic';
import { awsCur2, awsCurLegacy } from './awsCur';
import { azureEa, azureMca, azureUsage } from './azure';
import { datevExtf } from './datev';
import { focus } from './focus';
import { gcpBilling, gcpFileExport } from './gcp';
import { ociCost } from './oci';
import { ombInventory } from './ombInventory';
import { openaiActivity, openaiCost } from './openai';
import type { ImportSource } from './source';
import { waveAccounting } from './wave';

/**
 * Every export format the importer recognises, in the order they are tried (the first whose `identify`
 * answers wins, so a format whose columns another's include comes before it).
 */
export const SOURCES = [
  focus,
  // EA before MCA: an EA export with CostInBillingCurrency has every column MCA is recognised by.
  azureEa,
  azureMca,
  azureUsage,
  awsCurLegacy,
  awsCur2,
  ociCost,
  gcpBilling,
  gcpFileExport,
  anthropicCost,
  anthropicTokens,
  openaiCost,
  openaiActivity,
  ombInventory,
  datevExtf,
  waveAccounting,
] as const;

/** A format id: one of the registered sources, or `generic` for a table of no known format. */
export type FormatId = (typeof SOURCES)[number]['id'] | 'generic';

export function isFormatId(id: string): id is FormatId {
  return id === 'generic' || SOURCES.some((s) => s.id === id);
}

export function sourceOf(id: string): ImportSource | undefined {
  return SOURCES.find((s) => s.id === id);
}
