import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../shared/import/formats';
import { completeMapping } from '../../shared/import/mapping';
import { SOURCES } from '../../shared/import/sources';
import { headerView } from '../../shared/import/sources/source';
import { SAMPLES } from './helpers';

const firstLine = (file: string) =>
  fs
    .readFileSync(path.join(SAMPLES, file), 'utf8')
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
  'azure-ea': csvHeaders(firstLine('vendors/azure_cost_mgmt_ea_actualcost_small.csv')),
  'azure-mca': [
    'date',
    'costInBillingCurrency',
    'billingCurrency',
    'meterCategory',
    'meterName',
    'costCenter',
  ],
  'aws-cur': csvHeaders(firstLine('vendors/aws_legacy_cur_anonymized_sample.csv')),
  'aws-cur2': [
    'line_item_usage_start_date',
    'line_item_unblended_cost',
    'line_item_product_code',
    'line_item_currency_code',
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
