import { afterEach, describe, expect, it } from 'vitest';
import { ImportRejected } from '../../../shared/import/errors';
import { commitImport, previewImport } from '../../../electron/import/run';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { tempWorkspace, writeFile } from './helpers';

// Layouts from the vendors' documentation (FORMATS.md); no licensed real file of these exists.
let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

describe('vendor layouts recognised by their headers', () => {
  it('OpenAI cost export: unix-second days, lowercase currency, empty amount on a day without spend', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'openai.csv',
      'start_time,end_time,start_time_iso,end_time_iso,amount_value,amount_currency,line_item,project_id,organization_id,organization_name\n' +
        '1770854400,1770940800,2026-02-12T00:00:00+00:00,2026-02-13T00:00:00+00:00,1.2345678,usd,"gpt-4o, input",proj_1,org_1,Acme\n' +
        '1770940800,1771027200,2026-02-13T00:00:00+00:00,2026-02-14T00:00:00+00:00,,usd,,proj_1,org_1,Acme\n',
    );
    const s = await commitImport(ws.db, { path: file, name: 'openai.csv' });
    expect(s).toMatchObject({ format: 'openai', rows: 2, total: 1.23, currency: 'USD' });
    const lines = ws.db.prepare('SELECT date, amount_micro, category, vendor FROM spend ORDER BY date').all();
    expect(lines).toEqual([
      { date: '2026-02-12', amount_micro: 1_234_568, category: 'model_api', vendor: 'OpenAI' },
      { date: '2026-02-13', amount_micro: 0, category: 'model_api', vendor: 'OpenAI' },
    ]);
  });

  it('OpenAI activity export is recognised and refused: it has no cost', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'activity.csv',
      'start_time,end_time,start_time_iso,end_time_iso,project_id,num_model_requests,user_id,api_key_id,model,batch,service_tier,input_tokens,output_tokens\n' +
        '1770854400,1770940800,a,b,p,3,u,k,gpt-4o,false,default,100,20\n',
    );
    await expect(commitImport(ws.db, { path: file, name: 'activity.csv' })).rejects.toThrow(
      /no cost; export the cost report/,
    );
  });

  it('AWS CUR 2.0: snake_case headers, Bedrock usage is model/API spend, initiative from the tags map', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'cur2.csv',
      'line_item_usage_start_date,line_item_product_code,line_item_usage_type,line_item_usage_amount,line_item_unblended_cost,line_item_currency_code,line_item_line_item_description,resource_tags\n' +
        '2026-03-01T00:00:00Z,AmazonBedrock,USE1-Claude4.6Sonnet-input-tokens,1000,1.81E-2,USD,Claude input,"{""user_initiative"": ""Copilot"", ""aws_createdBy"": ""admin""}"\n' +
        '2026-03-01T00:00:00Z,AmazonEC2,BoxUsage:g5.xlarge,1,1.006,USD,GPU,\n' +
        '2026-03-02T00:00:00Z,AmazonS3,Requests-Tier1,10,0.00005,USD,S3,\n',
    );
    const s = await commitImport(ws.db, { path: file, name: 'cur2.csv' });
    expect(s).toMatchObject({ format: 'aws-cur', rows: 3, total: 1.02, createdInitiatives: ['Copilot'] });
    const cats = ws.db.prepare('SELECT category FROM spend ORDER BY source_row').pluck().all();
    expect(cats).toEqual(['model_api', 'compute', 'platform']);
  });

  it('Azure MCA: camelCase headers, costInBillingCurrency', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'mca.csv',
      'invoiceId,date,meterCategory,meterSubCategory,meterName,costInBillingCurrency,costInUsd,billingCurrency,tags\n' +
        'I1,03/15/2026,Azure OpenAI,gpt 4o 0513 Input global Tokens,Input,12.3456789,12.3456789,USD,"""initiative"": ""Search"""\n',
    );
    const p = await previewImport(ws.db, { path: file, name: 'mca.csv' });
    expect(p).toMatchObject({
      format: 'azure-mca',
      canCommit: true,
      newInitiatives: [{ name: 'Search', row: 2 }],
    });
    expect(p.sample[0]).toMatchObject({ date: '2026-03-15', amount: 12_345_679, category: 'model_api' });
  });

  it('a file in another currency than the workspace is refused until a rate exists', async () => {
    ws = tempWorkspace({ currency: 'EUR' });
    const file = writeFile(
      ws.dir,
      'usd.csv',
      'usage_date_utc,model,workspace,api_key,usage_type,context_window,token_type,cost_usd,cost_type,inference_geo,speed\n2026-02-12,Claude Haiku 4.5,Default,k,message,≤ 200k,output,0.03,token,not_available,\n',
    );
    const err = await commitImport(ws.db, { path: file, name: 'usd.csv' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect((err as Error).message).toMatch(/no USD rate for 2026-02: .*\(units of EUR per 1 USD/);
  });

  it('monthly FX rates import as exact decimal text; a file in that currency is then accepted', async () => {
    ws = tempWorkspace();
    const rates = writeFile(
      ws.dir,
      'fx.csv',
      'Month,Currency,Rate\n2026-01,eur,1.0845123\n2026-02,EUR,1.09\n2026-01,GBP,bad\n',
    );
    const rejected = await commitImport(ws.db, { path: rates, name: 'fx.csv' }).catch((e: unknown) => e);
    expect((rejected as Error).message).toMatch(/row 4, column "Rate" \("bad"\)/);
    const s = await commitImport(ws.db, { path: rates, name: 'fx.csv', skipInvalid: true });
    expect(s).toMatchObject({ kind: 'fx', rows: 2, excluded: 1, total: null });
    expect(ws.db.prepare('SELECT month, currency, rate FROM fx_rates ORDER BY month').all()).toEqual([
      { month: '2026-01', currency: 'EUR', rate: '1.0845123' },
      { month: '2026-02', currency: 'EUR', rate: '1.09' },
    ]);
    const eur = writeFile(
      ws.dir,
      'eur.csv',
      'Date,Amount,Currency\n2026-01-10,100.00,EUR\n2026-01-11,5.00,USD\n',
    );
    const p = await previewImport(ws.db, { path: eur, name: 'eur.csv' });
    expect(p.canCommit).toBe(true);
    expect(p.totals).toEqual([
      { currency: 'EUR', micro: '100000000', cents: '100.00' },
      { currency: 'USD', micro: '5000000', cents: '5.00' },
    ]);
  });
});
