import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../shared/import/formats';
import { completeMapping } from '../../../shared/import/mapping';
import { SOURCES, sourceOf } from '../../../shared/import/sources';
import { azureKey } from '../../../shared/import/sources/azure';
import { headerView } from '../../../shared/import/sources/source';
import { SAMPLES } from '../../electron/import/helpers';

const REAL = path.resolve(__dirname, '../../fixtures/real');
const firstLine = (file: string, dir = SAMPLES) =>
  fs
    .readFileSync(path.join(dir, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!;
const csvHeaders = (line: string) => line.split(',').map((h) => h.replace(/^"|"$/g, ''));

/**
 * One header row per registered source, taken from its real sample where the project has one (the
 * layouts in ../shared/samples/FORMATS.md otherwise). A source registered without a row here fails the
 * first test: adding a format means its module, its sample and this line.
 */
const HEADERS: Record<string, string[]> = {
  focus: csvHeaders(firstLine('focus/focus_1.0_sample_1000rows.csv')),
  wave: csvHeaders(firstLine('wave_accounting_transactions_export.csv', REAL)),
  'azure-ea': csvHeaders(firstLine('vendors/azure_cost_mgmt_ea_actualcost_small.csv')),
  'azure-mca': [
    'date',
    'costInBillingCurrency',
    'billingCurrency',
    'meterCategory',
    'meterName',
    'costCenter',
  ],
  // The older usage export's English layout (as in opencost's Azure cost-export tests).
  'azure-usage': csvHeaders(
    'SubscriptionGuid,ResourceGroup,ResourceLocation,UsageDateTime,MeterCategory,MeterSubCategory,MeterId,MeterName,MeterRegion,UsageQuantity,ResourceRate,PreTaxCost,ConsumedService,ResourceType,InstanceId,Tags,OfferId,AdditionalInfo,ServiceInfo1,ServiceInfo2,ServiceName,ServiceTier,Currency,UnitOfMeasure',
  ),
  'aws-cur': csvHeaders(firstLine('vendors/aws_legacy_cur_anonymized_sample.csv')),
  'aws-cur2': [
    'line_item_usage_start_date',
    'line_item_unblended_cost',
    'line_item_product_code',
    'line_item_currency_code',
  ],
  'oci-cost': csvHeaders(firstLine('oci_cost_report_reports_cost-csv_0000000030000269.csv', REAL)),
  // Fields of Google's standard usage cost export, flattened as a CSV of the BigQuery table writes them.
  'gcp-billing': csvHeaders(
    'billing_account_id,service.id,service.description,sku.id,sku.description,usage_start_time,usage_end_time,project.id,project.name,labels,location.region,cost,currency,currency_conversion_rate,usage.amount,usage.unit,credits,invoice.month,cost_type',
  ),
  // The legacy JSON file export's record, flattened (test/fixtures/real/gcp_billing_file_export_…json).
  'gcp-file-export': [
    'lineItemId',
    'startTime',
    'endTime',
    'projectNumber',
    'measurements',
    'cost.amount',
    'cost.currency',
  ],
  anthropic: csvHeaders(
    firstLine('vendors/anthropic_console_cost_export_claude_api_cost_2026_02_08_to_2026_02_15.csv'),
  ),
  'anthropic-tokens': csvHeaders(
    'usage_date_utc,model_version,api_key,workspace,usage_type,context_window,usage_input_tokens_no_cache,usage_input_tokens_cache_write_5m,usage_input_tokens_cache_write_1h,usage_input_tokens_cache_read,usage_output_tokens,web_search_count,inference_geo,speed',
  ),
  'openai-cost': csvHeaders(
    'start_time,end_time,start_time_iso,end_time_iso,amount_value,amount_currency,line_item,project_id,organization_id,organization_name',
  ),
  'openai-activity': csvHeaders(
    'start_time,end_time,start_time_iso,end_time_iso,project_id,num_model_requests,user_id,api_key_id,model,batch,service_tier,input_tokens,output_tokens',
  ),
  'omb-inventory': [
    'Use Case Name',
    'Agency',
    'Bureau / Component',
    'Stage of Development',
    'Is the AI use case high-impact?',
  ],
  // The real EXTF file's header (line 2; line 1 is the metadata record), Windows-1252, `;`.
  'datev-extf': fs
    .readFileSync(path.join(REAL, 'datev_EXTF_Buchungsstapel.csv'), 'latin1')
    .split(/\r?\n/)[1]!
    .split(';'),
};

const OPTIONS = { basis: 'effective' as const, tagKey: 'initiative', fiscalStartMonth: 1 };

describe('import sources: one module per format, registered in one list', () => {
  it('every registered source has a header row in this test, and ids are unique', () => {
    const ids = SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(HEADERS).sort()).toEqual([...ids].sort());
  });

  for (const source of SOURCES) {
    it(`${source.id}: recognised from its own headers, by no source before it, and its mapping is valid`, () => {
      const headers = HEADERS[source.id]!;
      const detected = detectFormat(headers);
      expect(detected.format).toBe(source.id);
      expect(detected.kind).toBe(source.kind);
      const view = headerView(headers);
      if (source.mapping) {
        const mapping = completeMapping(source.mapping(view, OPTIONS));
        expect(mapping.format).toBe(source.id);
        expect(mapping.kind).toBe(source.kind);
        // Every mapped column is a header of the file, as written.
        for (const column of Object.values(mapping.columns)) expect(headers).toContain(column);
      } else {
        expect(source.kind).toBeNull();
        expect(source.unsupported).toBeTruthy();
      }
    });
  }

  it('a table of no known format is generic, and a mapping naming an unknown format is refused', () => {
    expect(detectFormat(['Date', 'Amount', 'Vendor']).format).toBe('generic');
    expect(() => completeMapping({ kind: 'spend', format: 'nonesuch' })).toThrow(/not a known import format/);
  });
});

/** The builtin mapping of the source detected for these headers, with every column checked to exist. */
function mapped(headers: string[]) {
  const detected = detectFormat(headers);
  const source = sourceOf(detected.format)!;
  const mapping = completeMapping(source.mapping!(headerView(headers), OPTIONS));
  for (const column of Object.values(mapping.columns)) expect(headers).toContain(column);
  const notes = source.notes?.(headerView(headers), { reportingCurrency: 'EUR', mapping }) ?? [];
  return { detected, mapping, notes };
}

const FOCUS_1_0 = HEADERS.focus!;

describe('import sources: dialects within a format', () => {
  it('an EA export with CostInBillingCurrency (the 2024 EA schema) is EA, not MCA: it names the enrollment account', () => {
    const headers = csvHeaders(firstLine('azure_ea_cost_details_anonymized_cad.csv', REAL));
    const { detected, mapping } = mapped(headers);
    expect(detected).toMatchObject({ format: 'azure-ea', label: 'Azure Cost Management export (EA)' });
    expect(mapping.columns).toMatchObject({
      amount: 'CostInBillingCurrency',
      currency: 'BillingCurrencyCode',
    });
    // MCA's own columns, without the EA account ones, stay MCA.
    expect(
      detectFormat(['invoiceId', 'date', 'meterCategory', 'costInBillingCurrency', 'costInPricingCurrency'])
        .format,
    ).toBe('azure-mca');
  });

  it('a localised Azure usage export (German portal) is read by the column names in its parentheses', () => {
    // The header of a German EA usage export as published in kubecost/kubecost#1526 (its first 25 columns).
    const headers = csvHeaders(
      'Name der Abteilung (DepartmentName),Name des Kontos (AccountName),ID des Kontobesitzers (AccountOwnerId),Abonnement-GUID (SubscriptionGuid),Name des Abonnements (SubscriptionName),Ressourcengruppe (ResourceGroup),Ressourcenstandort (ResourceLocation),UsageDateTime (UsageDateTime),ProductName (ProductName),Kategorie der Verbrauchseinheit (MeterCategory),MeterSubcategory (MeterSubcategory),ID der Verbrauchseinheit (MeterId),Name der Verbrauchseinheit (MeterName),Region der Verbrauchseinheit (MeterRegion),Maßeinheit (UnitOfMeasure),UsageQuantity (UsageQuantity),Ressourcensatz (ResourceRate),PreTaxCost (PreTaxCost),Kostenstelle (CostCenter),Genutzter Dienst (ConsumedService),ResourceType (ResourceType),InstanceId (InstanceId),Tags (Tags),OfferId (OfferId),Zusätzliche Informationen (AdditionalInfo)',
    );
    const { detected, mapping, notes } = mapped(headers);
    expect(detected).toMatchObject({
      format: 'azure-usage',
      label: 'Azure usage export (legacy, localised headers)',
    });
    expect(mapping.columns).toEqual({
      date: 'UsageDateTime (UsageDateTime)',
      amount: 'PreTaxCost (PreTaxCost)',
      description: 'Name der Verbrauchseinheit (MeterName)',
      costCenter: 'Kostenstelle (CostCenter)',
      categoryHint: 'Kategorie der Verbrauchseinheit (MeterCategory)',
      tags: 'Tags (Tags)',
    });
    // Localised files write numbers and dates the local way: the rows decide both.
    expect(mapping).toMatchObject({ decimal: null, dateOrder: null, currency: null });
    expect(notes.join(' ')).toMatch(/no currency column.*reporting currency \(EUR\)/);
    // Only a CamelCase column name in parentheses is one: "Cost (USD)" is not a column called USD.
    expect(azureKey('Cost (USD)')).toBe('costusd');
    expect(azureKey('Kostenstelle (CostCenter)')).toBe('costcenter');
  });

  it('FOCUS 1.3 names the seller ServiceProviderName (ProviderName is gone)', () => {
    const headers = FOCUS_1_0.flatMap((h) =>
      h === 'ProviderName' ? ['ServiceProviderName', 'HostProviderName'] : [h],
    );
    const { detected, mapping, notes } = mapped(headers);
    expect(detected).toMatchObject({ format: 'focus', label: 'FOCUS 1.3 cost export' });
    expect(mapping.columns.vendor).toBe('ServiceProviderName');
    expect(mapping.columns.currency).toBe('BillingCurrency');
    expect(notes).toEqual([]);
  });

  it('a FOCUS file without BillingCurrency is read in the workspace currency, and the preview says so', () => {
    const headers = FOCUS_1_0.filter((h) => h !== 'BillingCurrency');
    const { detected, mapping, notes } = mapped(headers);
    expect(detected).toMatchObject({
      format: 'focus',
      label: 'FOCUS 1.0 cost export without BillingCurrency',
    });
    expect(mapping.columns.currency).toBeUndefined();
    expect(mapping.currency).toBeNull();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/no BillingCurrency column.*reporting currency \(EUR\)/);
  });

  it('AWS CUR 2.0 reads the initiative from its resource_tags map, whose keys carry the user_ prefix', () => {
    const { mapping } = mapped(HEADERS['aws-cur2']!.concat('resource_tags'));
    expect(mapping.columns.tags).toBe('resource_tags');
    expect(mapping.tagKey).toBe('user_initiative');
  });

  it('Google Cloud: cost with its credits column (added: the line is booked net); labels are the tags', () => {
    const { mapping, notes } = mapped(HEADERS['gcp-billing']!);
    expect(mapping.columns).toMatchObject({
      date: 'usage_start_time',
      amount: 'cost',
      currency: 'currency',
      costCenter: 'project.id',
      tags: 'labels',
    });
    expect(HEADERS['gcp-billing']).toContain('credits');
    expect(mapping.columns.credits).toBe('credits');
    expect(notes).toEqual([]);
  });

  it('OCI: the initiative from its tag column, tags/<namespace>.<key>', () => {
    const headers = HEADERS['oci-cost']!.concat('tags/Finance.Initiative');
    const { mapping } = mapped(headers);
    expect(mapping.columns).toMatchObject({
      date: 'lineItem/intervalUsageStart',
      amount: 'cost/myCost',
      currency: 'cost/currencyCode',
      initiative: 'tags/Finance.Initiative',
    });
  });
});
