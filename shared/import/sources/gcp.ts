import { columnsOf } from '../columns';
import { defineSource, hasAll } from './source';

/**
 * Google Cloud billing data as CSV: the BigQuery billing export's table (`gcp_billing_export_v1_…`)
 * saved or queried out to a file, its record fields flattened to `service.description`, `project.id`
 * (or `service_description` by a query's aliases: the header key is the same). `cost` is before credits:
 * the `credits` column — the repeated record as JSON text (`TO_JSON_STRING(credits)`, a JSON export's list)
 * or one summed amount — is added (credits are negative), so a line is booked at its net; the preview
 * says "cost … − credits … = …" (shared/import/credits.ts).
 */
export const gcpBilling = defineSource({
  id: 'gcp-billing',
  kind: 'spend',
  identify: (view) =>
    hasAll(view, 'cost', 'currency', 'usagestarttime') &&
    (view.keys.has('servicedescription') || view.keys.has('skudescription'))
      ? 'Google Cloud billing export (CSV)'
      : null,
  mapping: (view, o) => ({
    kind: 'spend',
    format: 'gcp-billing',
    columns: columnsOf(view.headers, {
      date: ['usagestarttime'],
      amount: ['cost'],
      credits: ['credits', 'totalcredits', 'creditsamount', 'creditamount'],
      currency: ['currency'],
      description: ['skudescription', 'servicedescription'],
      costCenter: ['projectid', 'projectname'],
      categoryHint: ['servicedescription'],
      tags: ['labels'],
    }),
    vendor: 'Google Cloud',
    decimal: '.',
    dateOrder: 'ymd',
    categoryRule: 'cloud-service',
    tagKey: o.tagKey,
  }),
});

/**
 * Google Cloud's retired billing "file export" (JSON, one file a day, replaced by the BigQuery export):
 * a list of line items with `lineItemId` (`com.google.cloud/services/big-query/Analysis`), `startTime` and
 * `endTime` with their offset (`2014-01-14T00:00:00-08:00`), `projectNumber`, `measurements` and
 * `cost {amount, currency}` — read as the columns `cost.amount`, `cost.currency`. The amount is a string
 * in the file, so it is exact.
 */
export const gcpFileExport = defineSource({
  id: 'gcp-file-export',
  kind: 'spend',
  identify: (view) =>
    hasAll(view, 'lineitemid', 'starttime', 'costamount', 'costcurrency')
      ? 'Google Cloud billing file export (JSON, legacy)'
      : null,
  mapping: (view) => ({
    kind: 'spend',
    format: 'gcp-file-export',
    columns: columnsOf(view.headers, {
      date: ['starttime'],
      amount: ['costamount'],
      credits: ['credits'],
      currency: ['costcurrency'],
      description: ['lineitemid'],
      costCenter: ['projectid', 'projectnumber'],
      categoryHint: ['lineitemid'],
    }),
    vendor: 'Google Cloud',
    decimal: '.',
    dateOrder: 'ymd',
    categoryRule: 'cloud-service',
  }),
});
