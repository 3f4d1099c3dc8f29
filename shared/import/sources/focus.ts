import { findHeader, columnsOf } from '../columns';
import { defineSource, hasAll, type HeaderView } from './source';

/** FOCUS 1.3 replaced ProviderName by ServiceProviderName (who sells) and HostProviderName (whose cloud). */
function isFocus13(view: HeaderView): boolean {
  return view.keys.has('serviceprovidername') || view.keys.has('hostprovidername');
}

function version(view: HeaderView): string {
  if (isFocus13(view)) return '1.3';
  return view.keys.has('pricingcurrency') || view.keys.has('servicesubcategory') ? '1.1+' : '1.0';
}

/**
 * FinOps FOCUS cost and usage export (1.0–1.3): EffectiveCost by default, BilledCost on request. The
 * specification makes BillingCurrency mandatory, but files cut down by hand or written by some converters
 * leave it out: those are read in the workspace's reporting currency, and the preview says so.
 */
export const focus = defineSource({
  id: 'focus',
  kind: 'spend',
  identify(view) {
    if (!hasAll(view, 'billedcost', 'effectivecost', 'chargeperiodstart')) return null;
    const currency = view.keys.has('billingcurrency') ? '' : ' without BillingCurrency';
    return `FOCUS ${version(view)} cost export${currency}`;
  },
  amountForBasis: (view, basis) =>
    findHeader(view.headers, basis === 'billed' ? 'billedcost' : 'effectivecost'),
  mapping: (view, o) => ({
    kind: 'spend',
    format: 'focus',
    basis: o.basis,
    columns: columnsOf(view.headers, {
      date: ['chargeperiodstart'],
      amount: [o.basis === 'billed' ? 'billedcost' : 'effectivecost'],
      currency: ['billingcurrency'],
      // 1.3: the seller (a marketplace vendor, a reseller's own label) rather than the cloud it runs on.
      vendor: ['serviceprovidername', 'providername', 'hostprovidername'],
      description: ['servicename', 'chargedescription'],
      costCenter: ['subaccountname'],
      categoryHint: ['servicecategory'],
      tags: ['tags'],
    }),
    decimal: '.',
    dateOrder: 'ymd',
    categoryRule: 'cloud-service',
    tagKey: o.tagKey,
  }),
  notes: (view, { reportingCurrency, mapping }) =>
    view.keys.has('billingcurrency') || mapping.columns.currency || mapping.currency
      ? []
      : [
          `the file has no BillingCurrency column, so its amounts are taken to be in the workspace's reporting currency (${reportingCurrency}); if they are not, map a currency column or set the currency before importing`,
        ],
});
