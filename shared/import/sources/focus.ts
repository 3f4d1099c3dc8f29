import { findHeader, columnsOf } from '../columns';
import { defineSource, hasAll } from './source';

/** FinOps FOCUS cost and usage export (1.0–1.2): EffectiveCost by default, BilledCost on request. */
export const focus = defineSource({
  id: 'focus',
  kind: 'spend',
  identify(view) {
    if (!hasAll(view, 'billedcost', 'effectivecost', 'chargeperiodstart', 'billingcurrency')) return null;
    const version = view.keys.has('pricingcurrency') || view.keys.has('servicesubcategory') ? '1.1+' : '1.0';
    return `FOCUS ${version} cost export`;
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
      vendor: ['providername'],
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
});
