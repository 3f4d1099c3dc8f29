import { afterEach, describe, expect, it } from 'vitest';
import { JSON_LIMITS, jsonRows } from '../../../electron/import/jsonSource';
import { commitImport, previewImport } from '../../../electron/import/run';
import type { WritableWorkspace } from '../../../electron/store/workspace';
import { rejected, tempWorkspace, writeFile } from './helpers';

let ws: (WritableWorkspace & { dir: string }) | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

async function rows(file: string) {
  const out: { row: number; cells: unknown[] }[] = [];
  for await (const batch of jsonRows(file, 'f.json', {})) out.push(...batch);
  return out;
}

describe('JSON records (a list of objects) as a table', () => {
  it('nested objects become dotted columns, lists JSON text, numbers keep their written digits', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'items.json',
      '\uFEFF[ {"id": "a", "cost": {"amount": 0.12345678901234567890123, "currency": "USD"}, "tags": [1.10, {"k": "v"}]},\n' +
        '  {"id": "b", "cost": {"amount": -1.234, "currency": "EUR"}, "extra": true, "note": null} ]',
    );
    expect(await rows(file)).toEqual([
      { row: 1, cells: ['id', 'cost.amount', 'cost.currency', 'tags', 'extra', 'note'] },
      { row: 2, cells: ['a', '0.12345678901234567890123', 'USD', '[1.10,{"k":"v"}]', null, null] },
      // Three decimals get a fourth zero: "1.234" alone would not say whether "." is a decimal point.
      { row: 3, cells: ['b', '-1.2340', 'EUR', null, true, null] },
    ]);
  });

  it('a JSON file that is not a list of records, is broken, or nests too deep is refused, naming why', async () => {
    ws = tempWorkspace();
    const object = writeFile(ws.dir, 'object.json', '{"items": [{"a": 1}]}');
    expect((await rejected(previewImport(ws.db, { path: object, name: 'object.json' }))).message).toMatch(
      /not a list of records/,
    );
    const broken = writeFile(ws.dir, 'broken.json', '[{"a": 1},\n {"a": 2,}]');
    expect((await rejected(previewImport(ws.db, { path: broken, name: 'broken.json' }))).message).toMatch(
      /not valid JSON: a key was expected at line 2/,
    );
    const deep = writeFile(
      ws.dir,
      'deep.json',
      `[{"a": ${'['.repeat(JSON_LIMITS.depth + 5)}${']'.repeat(JSON_LIMITS.depth + 5)}}]`,
    );
    expect((await rejected(previewImport(ws.db, { path: deep, name: 'deep.json' }))).message).toMatch(
      /nesting deeper than/,
    );
    expect(ws.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
  });

  it('a generic list of spend records imports through the proposed mapping; a CSV opening with "[Date]" stays CSV', async () => {
    ws = tempWorkspace();
    const file = writeFile(
      ws.dir,
      'spend.json',
      JSON.stringify([
        { Date: '2026-03-01', Amount: '12.3456785', Vendor: 'OpenAI', Category: 'model_api' },
        { Date: '2026-03-02', Amount: '0.5', Vendor: 'AWS', Category: 'compute' },
      ]),
    );
    const s = await commitImport(ws.db, { path: file, name: 'spend.json' });
    expect(s).toMatchObject({ format: 'json', kind: 'spend', rows: 2, total: 12.85 });
    expect(ws.db.prepare('SELECT amount_micro FROM spend ORDER BY source_row').pluck().all()).toEqual([
      12_345_679, 500_000,
    ]);
    const csv = writeFile(ws.dir, 'brackets.csv', '[Date],[Amount],[Vendor]\n2026-03-01,1.50,AWS\n');
    const p = await previewImport(ws.db, { path: csv, name: 'brackets.csv' });
    expect(p.container).toBe('csv');
  });
});
