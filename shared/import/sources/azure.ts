import { columnsOf } from '../columns';
import type { ImportMappingInput } from '../mapping';
import { defineSource, hasAll, type HeaderView, type ProposeOptions } from './source';

function azureMapping(
  format: 'azure-ea' | 'azure-mca',
  amount: string,
  view: HeaderView,
  o: ProposeOptions,
): ImportMappingInput {
  return {
    kind: 'spend',
    format,
    columns: columnsOf(view.headers, {
      date: ['date', 'usagedatetime'],
      amount: [amount],
      currency: ['billingcurrency', 'billingcurrencycode'],
      description: ['metername', 'product'],
      costCenter: ['costcenter'],
      categoryHint: ['metercategory'],
      tags: ['tags'],
    }),
    vendor: 'Microsoft Azure',
    decimal: '.',
    dateOrder: 'mdy',
    categoryRule: 'cloud-service',
    tagKey: o.tagKey,
  };
}

/** Azure Cost Management export for a Microsoft Customer Agreement (costInBillingCurrency). */
export const azureMca = defineSource({
  id: 'azure-mca',
  kind: 'spend',
  identify: (view) =>
    hasAll(view, 'costinbillingcurrency', 'date') ||
    hasAll(view, 'costinbillingcurrency', 'billingperiodstartdate')
      ? 'Azure Cost Management export (MCA)'
      : null,
  mapping: (view, o) => azureMapping('azure-mca', 'costinbillingcurrency', view, o),
});

/** Azure Cost Management export for an Enterprise Agreement (Cost, month-first dates). */
export const azureEa = defineSource({
  id: 'azure-ea',
  kind: 'spend',
  identify: (view) =>
    hasAll(view, 'metercategory', 'cost', 'date', 'billingcurrency') ||
    hasAll(view, 'metercategory', 'cost', 'date', 'billingcurrencycode')
      ? 'Azure Cost Management export (EA)'
      : null,
  mapping: (view, o) => azureMapping('azure-ea', 'cost', view, o),
});
