import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../electron/import/run';
import type { WritableWorkspace } from '../../electron/store/workspace';
import {
  csvColumn,
  independentCentsSum,
  independentMicroSum,
  rejected,
  tempDir,
  tempWorkspace,
  writeFile,
} from './helpers';

/**
 * The real cloud and AI-vendor exports in test/fixtures/real (issue #13, item 10), imported with no hint:
 * no kind, no mapping, no format. Expected rows, currencies, dates and exact totals come from
 * expected.json, which compute_expected.py works out with Python's csv and decimal modules, never the
 * importer. The importer rounds each line to micro-units, so the stored sum is checked against the sum of
 * each line's text rounded to micro-units, computed here with BigInt arithmetic (test/import/helpers.ts),
 * and against the exact total within half a micro-unit per line; the summary's total against the exact
 * total rounded to cents.
 */
const REAL = path.resolve(__dirname, '../fixtures/real');

interface Expected {
  file: string;
  dataRows: number;
  amountColumn: string | null;
  total: string | null;
  currency: string[];
  dateRange: [string, string] | null;
}

const EXPECTED = new Map(
  (JSON.parse(fs.readFileSync(path.join(REAL, 'expected.json'), 'utf8')) as Expected[]).map((e) => [
    e.file,
    e,
  ]),
);

let ws: WritableWorkspace | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

/** Exact decimal text × 10^6 as a BigInt, rounded half away from zero (the expected total's micro-units). */
function microOfExact(text: string): { micro: bigint; remainderIsZero: boolean } {
  const [int, frac = ''] = text.replace(/^-/, '').split('.');
  const digits = BigInt(int! + frac.padEnd(6, '0').slice(0, 6));
  const rest = frac.slice(6);
  const up = rest !== '' && rest[0]! >= '5';
  const v = up ? digits + 1n : digits;
  return { micro: text.startsWith('-') ? -v : v, remainderIsZero: /^0*$/.test(rest) };
}

const CASES = [
  { file: 'oci_cost_report_reports_cost-csv_0000000030000269.csv', format: 'oci-cost' },
  { file: 'azure_ea_amortizedcost_small.csv', format: 'azure-ea' },
  { file: 'azure_ea_cost_details_anonymized_cad.csv', format: 'azure-ea', workspaceCurrency: 'CAD' },
  { file: 'anthropic_claude_api_cost_2026_02_01_to_2026_02_01.csv', format: 'anthropic' },
  { file: 'anthropic_claude_api_cost_2024_04.csv', format: 'anthropic' },
  { file: 'anthropic_claude_api_cost_2024_09.csv', format: 'anthropic' },
  { file: 'gcp_billing_file_export_google-platform-demo-2014-01-15.json', format: 'gcp-file-export' },
] as const;

/** The amount texts of a fixture, read without the importer: its amount column, or the JSON's cost.amount. */
function amountTexts(file: string, column: string): string[] {
  if (!file.endsWith('.json')) return csvColumn(file, column);
  const items = JSON.parse(fs.readFileSync(file, 'utf8')) as { cost: { amount: string } }[];
  return items.map((item) => item.cost.amount);
}

describe('real exports import with no hint and reconcile with the independent expectations', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.format}, rows, dates and total as expected.json`, async () => {
      const e = EXPECTED.get(c.file)!;
      const file = path.join(REAL, c.file);
      ws = tempWorkspace('workspaceCurrency' in c ? { currency: c.workspaceCurrency } : {});
      const p = await previewImport(ws.db, { path: file, name: c.file });
      expect(p).toMatchObject({ format: c.format, kind: 'spend', canCommit: true, blockers: [] });
      expect(p.counts).toMatchObject({
        dataRows: e.dataRows,
        valid: e.dataRows,
        invalid: 0,
        totalRowsExcluded: 0,
      });
      expect(p.dateRange).toEqual({ from: e.dateRange![0], to: e.dateRange![1] });
      expect(p.totals.map((t) => t.currency)).toEqual(e.currency);
      const perLine = independentMicroSum(amountTexts(file, e.amountColumn!));
      expect(BigInt(p.totals[0]!.micro)).toBe(perLine);

      const s = await commitImport(ws.db, { path: file, name: c.file });
      expect(s).toMatchObject({ format: c.format, rows: e.dataRows, excluded: 0, currency: e.currency[0] });
      const stored = ws.db
        .prepare(
          'SELECT count(*) AS n, coalesce(sum(amount_micro), 0) AS micro FROM spend WHERE batch_id = ?',
        )
        .get(s.batch) as { n: number; micro: number };
      expect(stored.n).toBe(e.dataRows);
      expect(BigInt(stored.micro)).toBe(perLine);
      // Rounding each line moves the sum by at most half a micro-unit per line from the exact total.
      const exact = microOfExact(e.total!);
      const drift = BigInt(stored.micro) - exact.micro;
      expect(drift < 0n ? -drift : drift).toBeLessThanOrEqual(BigInt(Math.ceil(e.dataRows / 2)));
      // Shown to the cent: the exact total, rounded half away from zero.
      expect(s.total!.toFixed(2)).toBe(independentCentsSum([e.total!]));
    });
  }

  it('the CAD export in a USD workspace waits for a CAD rate, then stores CAD amounts unchanged', async () => {
    const file = path.join(REAL, 'azure_ea_cost_details_anonymized_cad.csv');
    ws = tempWorkspace({ currency: 'USD' });
    const refused = await rejected(commitImport(ws.db, { path: file, name: 'cad.csv' }));
    expect(refused.message).toMatch(/no CAD rate for 2023-09: add it in Settings › Exchange rates/);
    expect(refused.problems.map((p) => p.code)).toEqual(['missing-fx-rate']);
    const rates = writeFile(tempDir(), 'fx.csv', 'Month,Currency,Rate\n2023-09,CAD,0.7405\n');
    expect(await commitImport(ws.db, { path: rates, name: 'fx.csv' })).toMatchObject({ kind: 'fx', rows: 1 });
    const s = await commitImport(ws.db, { path: file, name: 'cad.csv' });
    expect(s).toMatchObject({ format: 'azure-ea', rows: 27, currency: 'CAD' });
    const micro = ws.db
      .prepare('SELECT sum(amount_micro) FROM spend WHERE batch_id = ?')
      .pluck()
      .get(s.batch);
    expect(BigInt(micro as number)).toBe(independentMicroSum(csvColumn(file, 'CostInBillingCurrency')));
  });

  it('an EA export of a period without charges: recognised, refused as having no rows, nothing stored', async () => {
    ws = tempWorkspace();
    const file = path.join(REAL, 'azure_ea_norows.csv');
    const p = await previewImport(ws.db, { path: file, name: 'norows.csv' });
    expect(p).toMatchObject({ format: 'azure-ea', canCommit: false, counts: { dataRows: 0 } });
    expect(p.blockers).toEqual(['no data rows below the header']);
    await rejected(commitImport(ws.db, { path: file, name: 'norows.csv' }));
    expect(ws.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
  });

  it('the Anthropic token export is recognised and refused: it has no money to import', async () => {
    ws = tempWorkspace();
    const file = path.join(REAL, 'anthropic_claude_api_tokens_2026_02.csv');
    const err = await rejected(commitImport(ws.db, { path: file, name: 'tokens.csv' }));
    expect(err.message).toMatch(/token export: it counts tokens but carries no cost; export the Cost CSV/);
    expect(ws.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
  });
});
