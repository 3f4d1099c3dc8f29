import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/import/run';
import { buildReport } from '../../../electron/report/buildReport';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { rejected, tempWorkspace, writeFile } from './helpers';

/**
 * A budget row for a whole year is stored as twelve monthly lines (docs/metrics.md, "Annual budgets"): a
 * four-digit year is the calendar year, "FY2027" the workspace's fiscal year. The expected months and parts
 * are written out by hand from the rule.
 */
let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

const lines = (w: WritableWorkspace, batch: number | null) =>
  w.db
    .prepare(
      `SELECT b.source_row AS row, b.month, b.amount_micro AS micro, i.name AS initiative
         FROM budget b LEFT JOIN initiatives i ON i.id = b.initiative_id WHERE b.batch_id = ? ORDER BY b.source_row, b.month`,
    )
    .all(batch) as { row: number; month: string; micro: number; initiative: string | null }[];

describe('annual budgets spread over their year', () => {
  it('FY2027 with an April fiscal start: April 2026 to March 2027, leftover cents to the first months', async () => {
    ws = tempWorkspace({ currency: 'USD', fiscalStartMonth: 4 });
    const file = writeFile(
      ws.dir,
      'plan.csv',
      'Initiative,Fiscal year,Budget\nCopilot,FY2027,1200.05\nSearch,FY2027,600\n',
    );
    const p = await previewImport(ws.db, { path: file, name: 'plan.csv' });
    expect(p).toMatchObject({ kind: 'budget', canCommit: true });
    expect(p.mapping!.columns).toMatchObject({
      month: 'Fiscal year',
      amount: 'Budget',
      initiative: 'Initiative',
    });
    expect(p.notes).toContain(
      'annual amounts spread over 12 months: 2 rows → 24 monthly lines (fiscal year FY2027 (2026-04 to 2027-03); ' +
        'equal parts in whole cents, the leftover cents one each to the first months, each line keeps its annual source row)',
    );
    const s = await commitImport(ws.db, { path: file, name: 'plan.csv' });
    expect(s).toMatchObject({ rows: 24, sourceRows: 2, total: 1800.05 });
    const months = [
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ];
    expect(lines(ws, s.batch)).toEqual([
      ...months.map((month, i) => ({
        row: 2,
        month,
        micro: i < 5 ? 100_010_000 : 100_000_000,
        initiative: 'Copilot',
      })),
      ...months.map((month) => ({ row: 3, month, micro: 50_000_000, initiative: 'Search' })),
    ]);

    // The batch keeps the sentence, and the budget figures' sources show it.
    const stored = ws.db
      .prepare('SELECT notes_json FROM import_batches WHERE id = ?')
      .pluck()
      .get(s.batch) as string;
    expect(JSON.parse(stored)).toEqual(p.notes);
    const report = buildReport(ws.db, 'FY2027-Q1');
    expect(report.budget.budget.micro).toBe(3 * 100_010_000 + 3 * 50_000_000);
    const explanation = report.explanations[report.budget.budget.explain]!;
    expect(explanation.inputs.some((i) => i.batchIds.includes(s.batch!))).toBe(true);
    expect(report.batches[s.batch!]!.notes).toEqual(p.notes);
  });

  it('only budgets: a spend row dated by a year only stays refused by row and column', async () => {
    ws = tempWorkspace();
    const file = writeFile(ws.dir, 'spend.csv', 'Date,Vendor,Amount\n2026,OpenAI,120.00\n');
    const err = await rejected(commitImport(ws.db, { path: file, name: 'spend.csv', as: 'spend' }));
    expect(err.problems.map((x) => x.code)).toEqual(['unmapped-required']);
    expect(err.message).toMatch(
      /required field "Date"; map one of the file's columns to it: "Date" \("2026"\)/,
    );
    // Mapped by hand, the year is still no date: a problem on its row and column.
    const mapped = await rejected(
      commitImport(ws.db, { path: file, name: 'spend.csv', as: 'spend', columns: { date: 'Date' } }),
    );
    expect(mapped.problems.map((x) => [x.row, x.column])).toEqual([[2, 'Date']]);
    expect(ws.db.prepare('SELECT count(*) FROM spend').pluck().get()).toBe(0);
  });

  it('a year outside the plausible range is a problem on its row, nothing stored', async () => {
    ws = tempWorkspace();
    const file = writeFile(ws.dir, 'plan.csv', 'Year,Budget\n2026,1200\n9999,1200\n');
    const err = await rejected(commitImport(ws.db, { path: file, name: 'plan.csv', as: 'budget' }));
    expect(err.problems.map((x) => [x.row, x.column, x.message])).toEqual([
      [3, 'Year', expect.stringMatching(/^calendar year 9999 is outside the workspace's plausible range/)],
    ]);
    expect(ws.db.prepare('SELECT count(*) FROM budget').pluck().get()).toBe(0);
  });
});
