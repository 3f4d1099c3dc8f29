import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportCancelled, ImportRejected } from '../../../shared/import/errors';
import { commitImport } from '../../../electron/import/run';
import { undoBatch } from '../../../electron/store/batches';
import { rollupMismatch } from '../../helpers/rollup';
import { tempWorkspace, writeFile } from './helpers';

/**
 * Imports write their spend lines without the per-row rollup trigger and add the batch's rollup once.
 * Whatever happens to a workspace — imports appending or replacing overlapping months, undos, rejected,
 * cancelled and partly invalid files — `spend_monthly` stays exactly a GROUP BY over `spend`, and the
 * trigger is the migration's own again after every operation.
 */
const line = fc.record({
  month: fc.constantFrom('2026-01', '2026-02', '2026-03'),
  day: fc.integer({ min: 1, max: 28 }),
  micro: fc.integer({ min: -5_000_000_000, max: 90_000_000_000 }),
  initiative: fc.constantFrom('', 'Copilot', 'Support bot'),
  category: fc.constantFrom('model_api', 'compute', ''),
  vendor: fc.constantFrom('', 'OpenAI', 'AWS'),
});
type Line = typeof line extends fc.Arbitrary<infer T> ? T : never;

const op = fc.oneof(
  fc.record({
    op: fc.constant('import' as const),
    lines: fc.array(line, { minLength: 1, maxLength: 40, size: 'max' }),
    replace: fc.boolean(),
    bad: fc.constantFrom('none', 'reject', 'skip'),
  }),
  fc.record({ op: fc.constant('undo' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('cancel' as const), lines: fc.integer({ min: 4_000, max: 8_000 }) }),
);

function amount(micro: number): string {
  const a = Math.abs(micro);
  return `${micro < 0 ? '-' : ''}${Math.floor(a / 1e6)}.${String(a % 1e6).padStart(6, '0')}`;
}

function csv(lines: Line[], bad: boolean): string {
  const rows = ['Date,Amount,Currency,Initiative,Category,Vendor'];
  for (const l of lines) {
    const date = `${l.month}-${String(l.day).padStart(2, '0')}`;
    rows.push([date, amount(l.micro), 'USD', l.initiative, l.category, l.vendor].join(','));
  }
  if (bad) rows.splice(2, 0, '2026-02-30,12.5,USD,Copilot,compute,AWS');
  return `${rows.join('\n')}\n`;
}

describe('the spend rollup equals a GROUP BY over the lines', () => {
  it('after any sequence of imports, undos, rejected and cancelled imports', async () => {
    let files = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        const ws = tempWorkspace();
        const committed: number[] = [];
        try {
          for (const o of ops) {
            if (o.op === 'import') {
              const name = `spend-${files++}.csv`;
              const file = writeFile(ws.dir, name, csv(o.lines, o.bad !== 'none'));
              const run = commitImport(ws.db, {
                path: file,
                name,
                overlap: o.replace ? 'replace' : 'append',
                skipInvalid: o.bad === 'skip',
                allowDuplicate: true,
              });
              if (o.bad === 'reject') {
                await expect(run).rejects.toBeInstanceOf(ImportRejected);
              } else {
                const s = await run;
                expect(s.rows).toBe(o.lines.length);
                for (const b of s.replacedBatches) committed.splice(committed.indexOf(b), 1);
                committed.push(s.batch!);
              }
            } else if (o.op === 'undo') {
              if (committed.length === 0) continue;
              const [batch] = committed.splice(o.pick % committed.length, 1);
              undoBatch(ws.db, batch!);
            } else {
              // Cancelled after the first chunk of lines was written inside the transaction.
              const rows = Array.from({ length: o.lines }, (_, i) =>
                [
                  `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
                  `${i}.25`,
                  'USD',
                  'Copilot',
                  'compute',
                  'AWS',
                ].join(','),
              );
              const name = `big-${files++}.csv`;
              const file = writeFile(
                ws.dir,
                name,
                `Date,Amount,Currency,Initiative,Category,Vendor\n${rows.join('\n')}\n`,
              );
              const abort = new AbortController();
              let progress = 0;
              await expect(
                commitImport(ws.db, {
                  path: file,
                  name,
                  signal: abort.signal,
                  onProgress: () => {
                    if (++progress === 2) abort.abort();
                  },
                }),
              ).rejects.toBeInstanceOf(ImportCancelled);
            }
            expect(rollupMismatch(ws.db), JSON.stringify(o)).toBeNull();
          }
          const lines = ws.db.prepare('SELECT count(*) FROM spend').pluck().get();
          const batches = ws.db
            .prepare(`SELECT coalesce(sum(row_count), 0) FROM import_batches WHERE status = 'committed'`)
            .pluck()
            .get();
          expect(lines).toBe(batches);
        } finally {
          ws.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
