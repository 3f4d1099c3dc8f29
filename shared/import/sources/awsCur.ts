import { columnsOf } from '../columns';
import { headerKey } from '../headers';
import type { ImportMappingInput } from '../mapping';
import { defineSource, hasAll, type HeaderView, type ProposeOptions } from './source';

function isCur(view: HeaderView): boolean {
  return hasAll(view, 'lineitemunblendedcost', 'lineitemusagestartdate');
}

/** Legacy CUR names its columns "lineItem/UnblendedCost"; CUR 2.0 "line_item_unblended_cost". */
function isLegacy(view: HeaderView): boolean {
  return view.raw.some((h) => h.toLowerCase().startsWith('lineitem/'));
}

/**
 * CUR 2.0 collapses the tag columns into one map column, `resource_tags`, whose keys are the cost
 * allocation tags with a `user_` prefix (`resource_tags['user_initiative']` in AWS's queries); a CSV export
 * writes the map as JSON.
 */
function cur2TagKey(key: string): string {
  return /^user_/i.test(key) ? key : `user_${key}`;
}

function curMapping(format: 'aws-cur' | 'aws-cur2', view: HeaderView, o: ProposeOptions): ImportMappingInput {
  // Legacy CUR: one column per tag, `resourceTags/user:initiative`.
  const tagHeader =
    format === 'aws-cur'
      ? view.headers.find((h) => headerKey(h) === headerKey(`resourceTags/user:${o.tagKey}`))
      : undefined;
  return {
    kind: 'spend',
    format,
    columns: {
      ...columnsOf(view.headers, {
        date: ['lineitemusagestartdate'],
        amount: ['lineitemunblendedcost'],
        currency: ['lineitemcurrencycode'],
        description: ['lineitemlineitemdescription', 'productproductname'],
        categoryHint: ['lineitemproductcode'],
        tags: ['resourcetags', 'tags'],
      }),
      ...(tagHeader ? { initiative: tagHeader } : {}),
    },
    vendor: 'Amazon Web Services',
    decimal: '.',
    dateOrder: 'ymd',
    categoryRule: 'cloud-service',
    tagKey: tagHeader ? null : format === 'aws-cur2' ? cur2TagKey(o.tagKey) : o.tagKey,
  };
}

export const awsCurLegacy = defineSource({
  id: 'aws-cur',
  kind: 'spend',
  identify: (view) => (isCur(view) && isLegacy(view) ? 'AWS Cost and Usage Report (legacy)' : null),
  mapping: (view, o) => curMapping('aws-cur', view, o),
});

/**
 * AWS Data Exports' CUR 2.0: the legacy report's columns in snake_case (`line_item_unblended_cost`,
 * `line_item_usage_start_date`), with `product`, `resource_tags`, `cost_category` and `discount` as map
 * columns. The amount is the unblended cost, as on the invoice before credits.
 */
export const awsCur2 = defineSource({
  id: 'aws-cur2',
  kind: 'spend',
  reported: 'aws-cur',
  identify: (view) => (isCur(view) && !isLegacy(view) ? 'AWS Cost and Usage Report 2.0' : null),
  mapping: (view, o) => curMapping('aws-cur2', view, o),
});
