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

function curMapping(format: 'aws-cur' | 'aws-cur2', view: HeaderView, o: ProposeOptions): ImportMappingInput {
  const tagHeader = view.headers.find((h) => headerKey(h) === headerKey(`resourceTags/user:${o.tagKey}`));
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
    tagKey: tagHeader ? null : o.tagKey,
  };
}

export const awsCurLegacy = defineSource({
  id: 'aws-cur',
  kind: 'spend',
  identify: (view) => (isCur(view) && isLegacy(view) ? 'AWS Cost and Usage Report (legacy)' : null),
  mapping: (view, o) => curMapping('aws-cur', view, o),
});

export const awsCur2 = defineSource({
  id: 'aws-cur2',
  kind: 'spend',
  reported: 'aws-cur',
  identify: (view) => (isCur(view) && !isLegacy(view) ? 'AWS Cost and Usage Report 2.0' : null),
  mapping: (view, o) => curMapping('aws-cur2', view, o),
});
