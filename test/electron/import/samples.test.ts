import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/import/run';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { csvColumn, independentCentsSum, sample, tempWorkspace } from './helpers';

let ws: WritableWorkspace | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

function open(): WritableWorkspace {
  ws = tempWorkspace();
  return ws;
}

function stored(w: WritableWorkspace, batch: number): { n: number; micro: number } {
  return w.db
    .prepare('SELECT count(*) AS n, coalesce(sum(amount_micro), 0) AS micro FROM spend WHERE batch_id = ?')
    .get(batch) as {
    n: number;
    micro: number;
  };
}

function cents(micro: number): string {
  const c = Math.round(Math.abs(micro) / 10_000) * Math.sign(micro); // only used on values that are exact
  return (c / 100).toFixed(2);
}

const CASES = [
  { file: 'focus/focus_1.0_sample_1000rows.csv', column: 'EffectiveCost', rows: 1000, format: 'focus' },
  { file: 'vendors/azure_cost_mgmt_ea_actualcost_small.csv', column: 'Cost', rows: 11, format: 'azure-ea' },
  {
    file: 'vendors/aws_legacy_cur_anonymized_sample.csv',
    column: 'lineItem/UnblendedCost',
    rows: 1281,
    format: 'aws-cur',
  },
  {
    file: 'vendors/anthropic_console_cost_export_claude_api_cost_2026_02_08_to_2026_02_15.csv',
    column: 'cost_usd',
    rows: 24,
    format: 'anthropic',
  },
] as const;

describe('real vendor samples import and reconcile to the cent', () => {
  for (const c of CASES) {
    it(`${c.file}: ${c.rows} rows, total = independent exact sum of ${c.column}`, async () => {
      const w = open();
      const expected = independentCentsSum(csvColumn(sample(c.file), c.column));
      const s = await commitImport(w.db, { path: sample(c.file), name: c.file.split('/').pop()! });
      expect(s.format).toBe(c.format);
      expect(s.kind).toBe('spend');
      expect(s.rows).toBe(c.rows);
      expect(s.excluded).toBe(0);
      expect(s.currency).toBe('USD');
      expect(s.total!.toFixed(2)).toBe(expected);
      const db = stored(w, s.batch!);
      expect(db.n).toBe(c.rows);
      expect(cents(db.micro)).toBe(expected);
      // The batch records the file's identity for the audit trail.
      const batch = w.db
        .prepare('SELECT file_sha256, file_size, row_count FROM import_batches WHERE id = ?')
        .get(s.batch) as {
        file_sha256: string;
        file_size: number;
        row_count: number;
      };
      expect(batch.file_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(batch.row_count).toBe(c.rows);
      // Each line points back at its source row.
      const rows = w.db
        .prepare('SELECT min(source_row) AS lo, max(source_row) AS hi FROM spend WHERE batch_id = ?')
        .get(s.batch) as {
        lo: number;
        hi: number;
      };
      expect(rows).toEqual({ lo: 2, hi: c.rows + 1 });
    });
  }

  it('the SHA-256 recorded is the published one of each sample', async () => {
    const w = open();
    const s = await commitImport(w.db, { path: sample(CASES[0].file), name: 'focus.csv' });
    expect(s.sha256).toBe('e91e5ac7edf01ed2c9d926f37ef7dc1ae2aae97956fea8da6c9ee488b1c2839e');
  });

  it('FOCUS: the billed basis sums BilledCost instead, never both', async () => {
    const w = open();
    const expected = independentCentsSum(csvColumn(sample(CASES[0].file), 'BilledCost'));
    const s = await commitImport(w.db, { path: sample(CASES[0].file), name: 'focus.csv', basis: 'billed' });
    expect(s.total!.toFixed(2)).toBe(expected);
    expect(expected).not.toBe(independentCentsSum(csvColumn(sample(CASES[0].file), 'EffectiveCost')));
  });

  it('FOCUS: the initiative comes from the configured tag key, near-duplicate keys included', async () => {
    const w = open();
    w.db.prepare(`INSERT INTO settings (key, value) VALUES ('initiativeTagKey', '"application"')`).run();
    const s = await commitImport(w.db, { path: sample(CASES[0].file), name: 'focus.csv' });
    const tagged = w.db
      .prepare(
        `SELECT i.name, count(*) AS n FROM spend s JOIN initiatives i ON i.id = s.initiative_id WHERE s.batch_id = ? GROUP BY i.name ORDER BY n DESC`,
      )
      .all(s.batch) as { name: string; n: number }[];
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.map((t) => t.name)).toContain('BrightLensMatrix');
    expect(s.createdInitiatives.length).toBe(tagged.length);
  });

  it('Azure EA: dates are month-first, costs with 28 significant digits are exact', async () => {
    const w = open();
    const s = await commitImport(w.db, { path: sample(CASES[1].file), name: 'azure.csv' });
    const dates = w.db
      .prepare('SELECT DISTINCT date FROM spend WHERE batch_id = ? ORDER BY date')
      .pluck()
      .all(s.batch) as string[];
    expect(dates.every((d) => d.startsWith('2023-09-'))).toBe(true);
    const tiny = w.db
      .prepare('SELECT amount_micro FROM spend WHERE batch_id = ? AND source_row = 3')
      .pluck()
      .get(s.batch);
    expect(tiny).toBe(40); // 0.00004 → 40 micro-units
  });

  it('Anthropic: two rows with the same key are both kept (summed, not de-duplicated)', async () => {
    const w = open();
    const s = await commitImport(w.db, { path: sample(CASES[3].file), name: 'anthropic.csv' });
    const n = w.db
      .prepare(
        `SELECT count(*) FROM spend WHERE batch_id = ? AND date = '2026-02-12' AND description = 'Claude Sonnet 4.5'`,
      )
      .pluck()
      .get(s.batch);
    expect(n).toBe(5);
    expect(s.total).toBe(19.97);
  });

  it('AWS CUR: scientific notation amounts and ISO timestamps with milliseconds', async () => {
    const w = open();
    const preview = await previewImport(w.db, { path: sample(CASES[2].file), name: 'cur.csv' });
    expect(preview.canCommit).toBe(true);
    expect(preview.dateRange!.from.startsWith('2023-11')).toBe(true);
    expect(preview.totals[0]!.cents).toBe(
      independentCentsSum(csvColumn(sample(CASES[2].file), 'lineItem/UnblendedCost')),
    );
  });
});

describe('OMB federal AI use-case inventory (xlsx: used range at A2, inline strings, multi-line headers)', () => {
  it('imports every use case as an initiative, stage and high-impact mapped, other columns kept', async () => {
    const w = open();
    const file = sample('scorecards/omb_2025_federal_ai_use_case_inventory_individual.xlsx');
    const preview = await previewImport(w.db, { path: file, name: 'omb.xlsx' });
    expect(preview.kind).toBe('initiatives');
    expect(preview.headerRow).toBe(2);
    expect(preview.headers).toContain('Use Case ID [Agency Abbrev.] – [#]');
    expect(preview.unmappedColumns).toContain('Use Case Topic Area');
    const s = await commitImport(w.db, { path: file, name: 'omb.xlsx' });
    expect(s.rows).toBe(3611);
    expect(s.sha256).toBe('5f43999c8358153a2c69988a7807769030fc4b3313e37156a029c6c244eec50e');
    expect(s.excluded).toBe(0);
    expect(s.total).toBeNull();
    const byStage = Object.fromEntries(
      (
        w.db.prepare('SELECT stage, count(*) AS n FROM initiatives GROUP BY stage').all() as {
          stage: string;
          n: number;
        }[]
      ).map((r) => [r.stage, r.n]),
    );
    // From the sheet: 1479 pre-deployment, 440 pilot, 1040 deployed, 314 retired, the rest blank.
    expect(byStage).toMatchObject({ experiment: 1479, pilot: 440, production: 1040, retired: 314 });
    const highImpact = w.db.prepare('SELECT count(*) FROM initiatives WHERE risk_tier = 3').pluck().get();
    expect(highImpact).toBe(445);
    const one = w.db
      .prepare(`SELECT extra_json FROM initiatives WHERE name = 'Comment Letter Review and Analysis (SEC-1)'`)
      .pluck()
      .get() as string;
    expect(JSON.parse(one)).toMatchObject({ 'Agency Abbreviation': 'SEC' });
  });
});
