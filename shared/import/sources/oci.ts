import { columnsOf } from '../columns';
import { headerKey } from '../headers';
import { defineSource, hasAll, type HeaderView } from './source';

/**
 * The tag column for the initiative key: OCI writes one column per tag, `tags/<namespace>.<key>`
 * (`tags/Oracle-Tags.CreatedBy`), or `tags/<key>` for free-form tags.
 */
function tagColumn(view: HeaderView, key: string): string | undefined {
  const wanted = headerKey(key);
  return view.headers.find((h) => {
    const m = /^tags\/(?:.*\.)?([^.]+)$/i.exec(h.trim());
    return m !== null && headerKey(m[1]!) === wanted;
  });
}

/**
 * Oracle Cloud Infrastructure cost report (the `reports/cost-csv` objects of a tenancy's usage-report
 * bucket): one row per resource and hour, `cost/myCost` in `cost/currencyCode`, dated by
 * `lineItem/intervalUsageStart` (UTC, written `2023-11-13T10:00Z`). Correction rows
 * (`lineItem/isCorrection`) are real adjustments and are summed with the rest.
 */
export const ociCost = defineSource({
  id: 'oci-cost',
  kind: 'spend',
  identify: (view) =>
    hasAll(view, 'costmycost', 'lineitemintervalusagestart') ? 'Oracle Cloud (OCI) cost report' : null,
  mapping: (view, o) => {
    const tag = tagColumn(view, o.tagKey);
    return {
      kind: 'spend',
      format: 'oci-cost',
      columns: {
        ...columnsOf(view.headers, {
          date: ['lineitemintervalusagestart'],
          amount: ['costmycost'],
          currency: ['costcurrencycode'],
          description: ['productdescription', 'productservice'],
          costCenter: ['productcompartmentname'],
          categoryHint: ['productservice'],
        }),
        ...(tag ? { initiative: tag } : {}),
      },
      vendor: 'Oracle Cloud Infrastructure',
      decimal: '.',
      dateOrder: 'ymd',
      categoryRule: 'cloud-service',
    };
  },
});
