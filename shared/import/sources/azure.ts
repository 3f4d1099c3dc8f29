import { headerKey } from '../headers';
import type { ImportMapping, ImportMappingInput } from '../mapping';
import { defineSource, type HeaderView, type ProposeOptions } from './source';

/**
 * The key of an Azure column. The portal writes its exports in the user's language with the column's
 * own name in parentheses — "Ressourcengruppe (ResourceGroup)", "Kategorie der Verbrauchseinheit
 * (MeterCategory)" (a German EA usage export, kubecost/kubecost#1526) — so that name is the key when it is
 * there. Only a CamelCase identifier counts: "Cost (USD)" keeps its own key.
 */
export function azureKey(header: string): string {
  const m = /\(([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)\)\s*$/.exec(header.trim());
  return headerKey(m ? m[1]! : header);
}

function azureKeys(view: HeaderView): Set<string> {
  return new Set(view.headers.map(azureKey));
}

function has(keys: Set<string>, ...wanted: string[]): boolean {
  return wanted.every((w) => keys.has(w));
}

/** Field → the first header (as written) whose Azure key is one of `keys`. */
function azureColumns(headers: readonly string[], spec: Record<string, string[]>): Record<string, string> {
  const byKey = new Map<string, string>();
  for (const h of headers) if (!byKey.has(azureKey(h))) byKey.set(azureKey(h), h);
  const out: Record<string, string> = {};
  for (const [field, keys] of Object.entries(spec)) {
    const h = keys.map((k) => byKey.get(k)).find((x) => x !== undefined);
    if (h !== undefined) out[field] = h;
  }
  return out;
}

function azureMapping(
  format: 'azure-ea' | 'azure-mca' | 'azure-usage',
  amount: string[],
  view: HeaderView,
  o: ProposeOptions,
  values: Pick<ImportMappingInput, 'decimal' | 'dateOrder'>,
): ImportMappingInput {
  return {
    kind: 'spend',
    format,
    columns: azureColumns(view.headers, {
      date: ['date', 'usagedatetime'],
      amount,
      currency: ['billingcurrency', 'billingcurrencycode', 'currency'],
      description: ['metername', 'product', 'productname'],
      costCenter: ['costcenter'],
      categoryHint: ['metercategory', 'consumedservice'],
      tags: ['tags'],
    }),
    vendor: 'Microsoft Azure',
    ...values,
    categoryRule: 'cloud-service',
    tagKey: o.tagKey,
  };
}

const currencyNote = (mapping: ImportMapping, reporting: string): string[] =>
  mapping.columns.currency || mapping.currency
    ? []
    : [
        `the file has no currency column, so its amounts are taken to be in the workspace's reporting currency (${reporting}); if they are not, set the currency before importing`,
      ];

/**
 * Azure cost details for an Enterprise Agreement (or pay-as-you-go) account. Microsoft's field list
 * ("Understand cost details fields") marks `Cost`, `AccountName`, `AccountOwnerId` and `BillingPeriod` as
 * EA and pay-as-you-go only, while `CostInBillingCurrency` is EA and MCA: so an export with
 * `CostInBillingCurrency` is EA when it also names the enrollment account (as the 2024 EA schema, which
 * begins `InvoiceSectionName, AccountName, AccountOwnerId`), MCA otherwise. Tried before MCA. Dates are
 * month-first (MM/DD/YYYY).
 */
export const azureEa = defineSource({
  id: 'azure-ea',
  kind: 'spend',
  identify(view) {
    const k = azureKeys(view);
    if (!has(k, 'metercategory', 'date')) return null;
    if (!(k.has('billingcurrency') || k.has('billingcurrencycode'))) return null;
    const eaAccount = k.has('accountname') || k.has('accountownerid');
    return k.has('cost') || (k.has('costinbillingcurrency') && eaAccount)
      ? 'Azure Cost Management export (EA)'
      : null;
  },
  mapping: (view, o) =>
    azureMapping('azure-ea', ['cost', 'costinbillingcurrency'], view, o, { decimal: '.', dateOrder: 'mdy' }),
});

/**
 * Azure cost details for a Microsoft Customer Agreement: camelCase `costInBillingCurrency` without the EA
 * account columns (and MCA-only ones such as `invoiceId`, `costInPricingCurrency`).
 */
export const azureMca = defineSource({
  id: 'azure-mca',
  kind: 'spend',
  identify(view) {
    const k = azureKeys(view);
    return has(k, 'costinbillingcurrency', 'date') ||
      has(k, 'costinbillingcurrency', 'billingperiodstartdate')
      ? 'Azure Cost Management export (MCA)'
      : null;
  },
  mapping: (view, o) =>
    azureMapping('azure-mca', ['costinbillingcurrency'], view, o, { decimal: '.', dateOrder: 'mdy' }),
});

/**
 * The older Azure usage export (Cost Management "Usage" exports and EA downloads before the 2021 cost
 * details): `UsageDateTime`, `PreTaxCost`, `MeterCategory`, `ConsumedService`, `ResourceGroup`, and
 * `Currency` in the English layout; the localised portal writes each header as "Localised (ColumnName)".
 * The number and date style follow the portal's language, so both are read from the rows.
 */
export const azureUsage = defineSource({
  id: 'azure-usage',
  kind: 'spend',
  identify(view) {
    const k = azureKeys(view);
    if (!has(k, 'pretaxcost', 'usagedatetime')) return null;
    const localised = view.headers.some((h) => azureKey(h) !== headerKey(h));
    return `Azure usage export (legacy${localised ? ', localised headers' : ''})`;
  },
  mapping: (view, o) =>
    azureMapping('azure-usage', ['pretaxcost'], view, o, { decimal: null, dateOrder: null }),
  notes: (_view, { reportingCurrency, mapping }) => currencyNote(mapping, reportingCurrency),
});
