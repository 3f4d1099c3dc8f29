import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/import/run';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { sample, tempWorkspace, writeFile } from './helpers';

/** Vendor dialects end to end: detected with no hint, read as their vendor writes them, notes in the preview. */
let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

const spend = (w: WritableWorkspace, batch: number) =>
  w.db
    .prepare(
      `SELECT s.date, s.amount_micro AS micro, s.currency, s.vendor, s.category, i.name AS initiative
         FROM spend s LEFT JOIN initiatives i ON i.id = s.initiative_id WHERE s.batch_id = ? ORDER BY s.source_row`,
    )
    .all(batch);

/** The FOCUS sample's first `rows` data lines, each column renamed (or dropped: null) by `rename`. */
function focusSample(rename: (h: string) => string | null, rows = 3): string {
  const lines = fs.readFileSync(sample('focus/focus_1.0_sample_1000rows.csv'), 'utf8').split(/\r?\n/);
  const cells = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
  const head = cells(lines[0]!)
    .slice(0, -1)
    .map((c) => c.replace(/^"|"$/g, ''));
  const keep = head.map((h, i) => [i, rename(h)] as const).filter(([, h]) => h !== null);
  const out = [keep.map(([, h]) => h).join(',')];
  for (const line of lines.slice(1, rows + 1)) {
    const row = cells(line);
    out.push(keep.map(([i]) => row[i]).join(','));
  }
  return `${out.join('\n')}\n`;
}

describe('vendor dialects', () => {
  it('FOCUS without BillingCurrency: the workspace currency, and the preview says so (a warning, not a blocker)', async () => {
    ws = tempWorkspace({ currency: 'EUR' });
    const file = writeFile(
      ws.dir,
      'focus.csv',
      focusSample((h) => (h === 'BillingCurrency' ? null : h)),
    );
    const p = await previewImport(ws.db, { path: file, name: 'focus.csv' });
    expect(p).toMatchObject({
      format: 'focus',
      canCommit: true,
      formatLabel: 'FOCUS 1.0 cost export without BillingCurrency',
    });
    expect(p.totals.map((t) => t.currency)).toEqual(['EUR']);
    expect(p.problems).toEqual([
      expect.objectContaining({
        row: null,
        severity: 'warning',
        message: expect.stringMatching(
          /no BillingCurrency column, so its amounts are taken to be in .* \(EUR\)/,
        ),
      }),
    ]);
    const s = await commitImport(ws.db, { path: file, name: 'focus.csv' });
    expect(s).toMatchObject({ rows: 3, currency: 'EUR' });
    // Next quarter the layout's saved mapping is used: the preview still says it.
    const again = await previewImport(ws.db, { path: file, name: 'focus.csv' });
    expect(again.mappingSource).toBe('saved');
    expect(again.problems.map((x) => x.severity + ' ' + x.message).join(' ')).toMatch(
      /warning .*no BillingCurrency/,
    );
  });

  it('FOCUS 1.3: the vendor is the ServiceProviderName', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'focus13.csv',
      focusSample((h) => (h === 'ProviderName' ? 'ServiceProviderName' : h)),
    );
    const s = await commitImport(ws.db, { path: file, name: 'focus13.csv' });
    expect(s).toMatchObject({ format: 'focus', rows: 3 });
    expect(spend(ws, s.batch!).map((r) => (r as { vendor: string }).vendor)).toEqual(['AWS', 'AWS', 'AWS']);
  });

  it('a German Azure usage export: localised headers, decimal comma and day-first dates read from the rows', async () => {
    ws = tempWorkspace({ currency: 'EUR' });
    const header =
      'Name der Abteilung (DepartmentName);Name des Kontos (AccountName);Abonnement-GUID (SubscriptionGuid);Ressourcengruppe (ResourceGroup);UsageDateTime (UsageDateTime);Kategorie der Verbrauchseinheit (MeterCategory);Name der Verbrauchseinheit (MeterName);UsageQuantity (UsageQuantity);PreTaxCost (PreTaxCost);Kostenstelle (CostCenter);Genutzter Dienst (ConsumedService);Tags (Tags)';
    const file = writeFile(
      ws.dir,
      'nutzung.csv',
      `${header}\n` +
        'IT;Konto;g-1;rg-ki;13.11.2023;Azure OpenAI;gpt 4o Input;1000;1,2345675;KST-1;Microsoft.CognitiveServices;"""initiative"": ""Suche"""\n' +
        'IT;Konto;g-1;rg-vm;14.11.2023;Virtual Machines;D2 v3;24;2,50;KST-2;Microsoft.Compute;\n',
    );
    const p = await previewImport(ws.db, { path: file, name: 'nutzung.csv' });
    expect(p).toMatchObject({
      format: 'azure-usage',
      formatLabel: 'Azure usage export (legacy, localised headers)',
      decimal: ',',
      canCommit: true,
    });
    expect(p.problems.map((x) => x.message).join(' ')).toMatch(/no currency column/);
    const s = await commitImport(ws.db, { path: file, name: 'nutzung.csv' });
    expect(spend(ws, s.batch!)).toEqual([
      {
        date: '2023-11-13',
        micro: 1_234_568,
        currency: 'EUR',
        vendor: 'Microsoft Azure',
        category: 'model_api',
        initiative: 'Suche',
      },
      {
        date: '2023-11-14',
        micro: 2_500_000,
        currency: 'EUR',
        vendor: 'Microsoft Azure',
        category: 'compute',
        initiative: null,
      },
    ]);
  });

  it('Google Cloud billing CSV: UTC timestamps, labels as key/value records, booked net of its credits', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'gcp.csv',
      'billing_account_id,service.id,service.description,sku.id,sku.description,usage_start_time,usage_end_time,project.id,labels,cost,currency,credits\n' +
        '0A-1,AA,Vertex AI,S1,Gemini 1.5 Pro input,2026-03-01 00:00:00 UTC,2026-03-01 01:00:00 UTC,proj-a,"[{""key"":""initiative"",""value"":""Copilot""}]",12.3456785,USD,"[{""name"":""FreeTier"",""amount"":-0.5}]"\n' +
        '0A-1,BB,Compute Engine,S2,N2 core,2026-03-31 23:00:00 UTC,2026-04-01 00:00:00 UTC,proj-b,[],0.25,USD,[]\n',
    );
    const p = await previewImport(ws.db, { path: file, name: 'gcp.csv' });
    expect(p).toMatchObject({ format: 'gcp-billing', canCommit: true });
    expect(p.mapping!.columns.credits).toBe('credits');
    // 12.3456785 → 12.345679 (half away from zero), −0.5 of free tier: 11.845679 booked.
    expect(p.notes).toContain(
      'amounts are net of credits ("cost" + "credits"): cost 12.60 − credits 0.50 = 12.10 USD (1 of 2 lines with credits)',
    );
    const s = await commitImport(ws.db, { path: file, name: 'gcp.csv' });
    expect(spend(ws, s.batch!)).toEqual([
      {
        date: '2026-03-01',
        micro: 11_845_679,
        currency: 'USD',
        vendor: 'Google Cloud',
        category: 'model_api',
        initiative: 'Copilot',
      },
      {
        date: '2026-03-31',
        micro: 250_000,
        currency: 'USD',
        vendor: 'Google Cloud',
        category: 'compute',
        initiative: null,
      },
    ]);
  });

  it('OCI: the initiative from a tags/<namespace>.<key> column', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'oci.csv',
      'lineItem/intervalUsageStart,lineItem/intervalUsageEnd,product/service,product/compartmentName,product/Description,cost/myCost,cost/currencyCode,tags/Finance.initiative\n' +
        '2023-11-13T10:00Z,2023-11-13T11:00:00Z,GENERATIVE_AI,ml,Large Cohere,6.266090E-12,USD,Copilot\n' +
        '2023-11-13T11:00Z,2023-11-13T12:00:00Z,COMPUTE,apps,E4 OCPU,0.0250005,USD,\n',
    );
    const s = await commitImport(ws.db, { path: file, name: 'oci.csv' });
    expect(s).toMatchObject({ format: 'oci-cost', rows: 2, createdInitiatives: ['Copilot'] });
    expect(spend(ws, s.batch!)).toEqual([
      {
        date: '2023-11-13',
        micro: 0,
        currency: 'USD',
        vendor: 'Oracle Cloud Infrastructure',
        category: 'model_api',
        initiative: 'Copilot',
      },
      {
        date: '2023-11-13',
        micro: 25_001,
        currency: 'USD',
        vendor: 'Oracle Cloud Infrastructure',
        category: 'compute',
        initiative: null,
      },
    ]);
  });
});
