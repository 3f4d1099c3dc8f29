import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { commitImport, previewImport } from '../../../electron/import/run';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { independentMicro, rejected, tempWorkspace, writeFile } from './helpers';

/**
 * Google Cloud's billing export books `cost` before credits; the importer books each line at cost + its
 * credits (sustained-use and committed-use discounts, free tier, promotions: negative amounts). The expected
 * nets are worked out here from the cells' text with BigInt arithmetic, not by the importer.
 */
let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

/** Rows of a BigQuery billing export as its JSON export writes them (records nested, credits a list). */
const ROWS = [
  {
    cost: '152.408731',
    credits: [
      { name: 'Sustained Usage Discount', amount: '-30.481746', type: 'SUSTAINED_USAGE_DISCOUNT' },
      { name: 'Free Tier', amount: '-0.5', type: 'FREE_TIER' },
    ],
    service: 'Compute Engine',
    day: '2026-03-02',
  },
  {
    cost: '1081.25',
    credits: [{ name: 'Committed use discount: CPU', amount: '-179.4', type: 'COMMITTED_USAGE_DISCOUNT' }],
    service: 'Vertex AI',
    day: '2026-03-15',
  },
  { cost: '0.9', credits: [], service: 'Cloud Storage', day: '2026-03-31' },
];

function jsonExport(): string {
  // Amounts written as numbers, the way BigQuery's JSON export writes FLOAT64.
  const items = ROWS.map((r) => ({
    billing_account_id: '01ABCD-2345EF-6789AB',
    service: { id: 'X', description: r.service },
    sku: { id: 'Y', description: `${r.service} usage` },
    usage_start_time: `${r.day}T08:00:00Z`,
    project: { id: 'ai-prod', name: 'AI prod' },
    labels: [],
    cost: 'COST',
    currency: 'USD',
    credits: 'CREDITS',
  }));
  let text = JSON.stringify(items, null, 1);
  for (const r of ROWS) {
    const credits = `[${r.credits.map((c) => `{"name":${JSON.stringify(c.name)},"amount":${c.amount},"type":"${c.type}"}`).join(',')}]`;
    text = text.replace('"COST"', r.cost).replace('"CREDITS"', credits);
  }
  return text;
}

const net = (r: (typeof ROWS)[number]) =>
  r.credits.reduce((sum, c) => sum + independentMicro(c.amount), independentMicro(r.cost));

describe('Google Cloud credits: each line booked net, the preview says gross − credits = net', () => {
  it('a JSON export with the credits list: stored net per line, the sum and the sentence exact', async () => {
    ws = tempWorkspace();
    const file = writeFile(ws.dir, 'gcp.json', jsonExport());
    const p = await previewImport(ws.db, { path: file, name: 'gcp.json' });
    expect(p).toMatchObject({ format: 'gcp-billing', kind: 'spend', canCommit: true, blockers: [] });
    expect(p.mapping!.columns).toMatchObject({ amount: 'cost', credits: 'credits' });
    // Gross 1,234.558731 → 1,234.56; credits 210.381746 → 210.38; net 1,024.176985 → 1,024.18.
    expect(p.notes).toEqual([
      'amounts are net of credits ("cost" + "credits"): cost 1,234.56 − credits 210.38 = 1,024.18 USD (2 of 3 lines with credits)',
    ]);
    const expected = ROWS.map(net);
    expect(BigInt(p.totals[0]!.micro)).toBe(expected.reduce((a, b) => a + b, 0n));
    const s = await commitImport(ws.db, { path: file, name: 'gcp.json' });
    const stored = ws.db
      .prepare(
        'SELECT source_row AS row, amount_micro AS micro FROM spend WHERE batch_id = ? ORDER BY source_row',
      )
      .all(s.batch) as { row: number; micro: number }[];
    expect(stored.map((l) => BigInt(l.micro))).toEqual(expected);
    // Traceable: the batch records the mapping that added the credits column to the cost column.
    const mapping = JSON.parse(
      ws.db.prepare('SELECT mapping_json FROM import_batches WHERE id = ?').pluck().get(s.batch) as string,
    ) as { columns: Record<string, string> };
    expect(mapping.columns).toMatchObject({ amount: 'cost', credits: 'credits' });
  });

  it('a credits cell that does not read refuses the file by row and column; nothing is stored', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'gcp.csv',
      'service.description,sku.description,usage_start_time,project.id,cost,currency,credits\n' +
        'Vertex AI,Gemini input,2026-03-01 00:00:00 UTC,p,10.00,USD,"[{""name"":""Promo"",""amount"":-1}]"\n' +
        'Vertex AI,Gemini input,2026-03-02 00:00:00 UTC,p,10.00,USD,"[{""name"":""Promo""}]"\n' +
        'Vertex AI,Gemini input,2026-03-03 00:00:00 UTC,p,10.00,USD,-2 EUR\n',
    );
    const err = await rejected(commitImport(ws.db, { path: file, name: 'gcp.csv' }));
    expect(err.problems.map((x) => [x.row, x.column, x.code])).toEqual([
      [3, 'credits', 'invalid-value'],
      [4, 'credits', 'currency-conflict'],
    ]);
    expect(err.problems[0]!.message).toMatch(/not all records with an "amount"/);
    expect(err.problems[1]!.message).toBe('the credits are written in "EUR" and the amount in "USD"');
    expect(ws.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
  });

  it('the CLI says the credits in a dry run and in the summary', async () => {
    ws = tempWorkspace();
    const file = writeFile(ws.dir, 'gcp.json', jsonExport());
    ws.close();
    const db = path.join(ws.dir, 'ws.sqlite');
    ws = null;
    let out = '';
    const code = await runCli(['import', file, '--db', db, '--dry-run'], {
      out: (t) => void (out += `${t}\n`),
      err: () => {},
    });
    expect(code).toBe(0);
    expect(out).toContain(
      'note: amounts are net of credits ("cost" + "credits"): cost 1,234.56 − credits 210.38',
    );
  });
});
