import { afterEach, describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../../electron/import/run';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { rejected, tempWorkspace, writeFile } from './helpers';

let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

const GERMAN =
  'Date,Kosten,Notiz\n2026-01-05,"12,50",a\n2026-01-06,"13,00",b\n2026-01-07,"7,25",a\n2026-01-08,"1,00",c\n';

describe('a required field no column is mapped to', () => {
  it('is one problem naming the field and the columns it could come from, with their first values; no row is blamed', async () => {
    ws = tempWorkspace();
    const file = writeFile(ws.dir, 'kosten.csv', GERMAN);
    const mapping = { kind: 'spend' as const, columns: { date: 'Date' } };
    const p = await previewImport(ws.db, { path: file, name: 'kosten.csv', mapping });
    expect(p.canCommit).toBe(false);
    expect(p.problems).toEqual([
      {
        row: null,
        column: null,
        value: null,
        severity: 'error',
        code: 'unmapped-required',
        message:
          'no column is mapped to the required field "Amount"; map one of the file\'s columns to it: ' +
          '"Kosten" ("12,50", "13,00", "7,25"); "Notiz" ("a", "b", "c")',
      },
    ]);
    expect(p.problemCount).toBe(1);
    const err = await rejected(commitImport(ws.db, { path: file, name: 'kosten.csv', mapping }));
    expect(err.problems.map((x) => x.code)).toEqual(['unmapped-required']);
    expect(err.message).not.toMatch(/row \d/);
    expect(ws.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
  });

  it('each unmapped required field is named once (benefits without initiative and amount)', async () => {
    ws = tempWorkspace();
    const file = writeFile(ws.dir, 'b.csv', 'Date,Who,Value EUR\n2026-01-05,Search,10\n2026-01-06,Chat,20\n');
    const mapping = { kind: 'benefits' as const, columns: { date: 'Date' } };
    const p = await previewImport(ws.db, { path: file, name: 'b.csv', mapping });
    expect(p.problems.map((x) => [x.code, /field "(\w+)"/.exec(x.message)?.[1]])).toEqual([
      ['unmapped-required', 'Initiative'],
      ['unmapped-required', 'Benefit'],
    ]);
    expect(p.problems[0]!.message).toContain('"Who" ("Search", "Chat"); "Value EUR" ("10", "20")');
  });

  it('a wide KPI table without a KPI column: one problem, listing the columns', async () => {
    ws = tempWorkspace();
    const file = writeFile(ws.dir, 'k.csv', 'Metric,2026-01,2026-02\nsupport_deflection,0.1,0.2\n');
    const mapping = { kind: 'kpis' as const, layout: 'wide' as const, columns: {} };
    const p = await previewImport(ws.db, { path: file, name: 'k.csv', mapping });
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ code: 'unmapped-required', row: null });
    expect(p.problems[0]!.message).toMatch(/required field "KPI".*"Metric" \("support_deflection"\)/);
  });
});

describe('rows and sourceRows in the summary', () => {
  it('a wide KPI sheet stores one record per KPI per month: rows counts them, sourceRows the rows read; the batch agrees', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'wide.csv',
      'KPI,Jan 2026,Feb 2026,Mar 2026\nincident_count,1,2,3\nsupport_deflection,10%,,12%\n\nTotal,,,\n',
    );
    const dry = await previewImport(ws.db, { path: file, name: 'wide.csv' });
    expect(dry.counts).toMatchObject({ dataRows: 3, records: 5, totalRowsExcluded: 1 });
    const s = await commitImport(ws.db, { path: file, name: 'wide.csv' });
    expect(s).toMatchObject({ kind: 'kpis', rows: 5, sourceRows: 3, excluded: 1 });
    expect(ws.db.prepare('SELECT count(*) FROM kpi_observations').pluck().get()).toBe(5);
    expect(ws.db.prepare('SELECT row_count FROM import_batches WHERE id = ?').pluck().get(s.batch)).toBe(5);
  });

  it('a long file stores a record per row: rows = sourceRows minus the rows left out', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      's.csv',
      'Date,Amount\n2026-01-05,1.00\n2026-01-06,abc\n2026-01-07,2.00\n',
    );
    const s = await commitImport(ws.db, { path: file, name: 's.csv', skipInvalid: true });
    expect(s).toMatchObject({ rows: 2, sourceRows: 3, excluded: 1, total: 3 });
  });
});
