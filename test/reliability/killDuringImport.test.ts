import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport } from '../../electron/import/run';
import { backupDir, listBackups } from '../../electron/store/backup';
import { undoBatch } from '../../electron/store/batches';
import { initWorkspace, openWorkspace } from '../../electron/store/workspace';
import { tempDir } from '../helpers/tempWorkspace';
import { copyWorkspace, inspect, killMoments, runCliKilledWhen, runCliProcess, writeSpendCsv } from './kill';

/**
 * SIGKILL the real CLI process (node + tsx loader, no wrapper) at many moments of an import and of an
 * undo. After each kill: SQLite's integrity check is ok, the earlier batch is untouched, the batch
 * being written is wholly present or wholly absent, and the operation can be done again.
 * Sizes are kept small enough for the suite on 2 cores; test/bench/kill.bench.ts runs more moments.
 */
const BIG_ROWS = Number(process.env.KILL_ROWS ?? 20_000);
const MOMENTS = Number(process.env.KILL_MOMENTS ?? 5);
const FIRST_ROWS = 250;
const IMPORT_DELAYS = (process.env.KILL_IMPORT_DELAYS ?? '0,100').split(',').map(Number);
const UNDO_DELAYS = (process.env.KILL_UNDO_DELAYS ?? '0,20,60').split(',').map(Number);
/** Each moment: one killed run, an inspection and a redo; generous for loaded 2-core machines. */
const TIMEOUT_MS = 60_000 + MOMENTS * (15_000 + BIG_ROWS / 4);

const dir = tempDir('caio-kill-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const small = path.join(dir, 'first.csv');
const big = path.join(dir, 'big.csv');
const template = path.join(dir, 'template.sqlite');
const templateWithBig = path.join(dir, 'template-big.sqlite');

beforeAll(async () => {
  writeSpendCsv(small, FIRST_ROWS, ' (first)');
  writeSpendCsv(big, BIG_ROWS);
  const ws = initWorkspace(template);
  const first = await commitImport(ws.db, { path: small, name: 'first.csv' });
  expect(first.rows).toBe(FIRST_ROWS);
  ws.close();
  copyWorkspace(template, templateWithBig);
  const ws2 = openWorkspace(templateWithBig);
  const second = await commitImport(ws2.db, { path: big, name: 'big.csv' });
  expect(second).toMatchObject({ batch: 2, rows: BIG_ROWS });
  ws2.close();
});

function freshCopy(from: string, name: string): string {
  const file = path.join(dir, name);
  copyWorkspace(from, file);
  return file;
}

/** How long the CLI takes to start and open a workspace: kills before that only hit module loading. */
async function startupMs(): Promise<number> {
  const run = await runCliProcess(['batches', '--db', freshCopy(template, 'startup.sqlite')]);
  expect(run.code, run.stderr).toBe(0);
  return run.ms;
}

describe('kill -9 during an import', () => {
  it(
    `leaves the batch wholly present or wholly absent at ${MOMENTS} kill moments, and a re-import succeeds`,
    async () => {
      // Calibration: an import that is not killed, to spread the kill moments over its real duration.
      const calib = freshCopy(template, 'calibration.sqlite');
      const full = await runCliProcess(['import', big, '--db', calib, '--json']);
      expect(full.code, full.stderr).toBe(0);
      expect(JSON.parse(full.stdout)).toMatchObject({ batch: 2, rows: BIG_ROWS });

      const outcomes = { absent: 0, present: 0 };
      const startup = await startupMs();
      for (const [i, at] of killMoments(MOMENTS, startup * 0.8, full.ms, 7).entries()) {
        const file = freshCopy(template, `import-kill-${i}.sqlite`);
        const run = await runCliProcess(['import', big, '--db', file, '--json'], at);
        const state = inspect(file);
        const where = `kill at ${at} ms (${run.signal ?? `exit ${run.code}`})`;
        expect(state.integrity, where).toBe('ok');
        // The earlier batch is exactly as it was.
        expect(state.batches[0], where).toMatchObject({ id: 1, status: 'committed', row_count: FIRST_ROWS });
        expect(state.linesByBatch.get(1), where).toBe(FIRST_ROWS);
        const added = state.batches.slice(1);
        if (added.length === 0) {
          outcomes.absent++;
          expect(state.spendLines, where).toBe(FIRST_ROWS);
        } else {
          outcomes.present++;
          expect(added, where).toHaveLength(1);
          expect(added[0], where).toMatchObject({
            status: 'committed',
            row_count: BIG_ROWS,
            file_name: 'big.csv',
          });
          expect(state.linesByBatch.get(added[0]!.id), where).toBe(BIG_ROWS);
          expect(state.spendLines, where).toBe(FIRST_ROWS + BIG_ROWS);
        }
        // Again: a batch that is absent imports in full; one that is present is not imported twice.
        const ws = openWorkspace(file);
        try {
          if (added.length === 0) {
            const again = await commitImport(ws.db, { path: big, name: 'big.csv' });
            expect(again.rows, where).toBe(BIG_ROWS);
          } else {
            await expect(commitImport(ws.db, { path: big, name: 'big.csv' }), where).rejects.toThrow(
              /already imported as batch #2/,
            );
          }
        } finally {
          ws.close();
        }
        const after = inspect(file);
        expect(after.integrity).toBe('ok');
        expect(after.spendLines, where).toBe(FIRST_ROWS + BIG_ROWS);
        fs.rmSync(file);
      }
      // Timed kills can all land in start-up on a fast machine; these land while the batch is being
      // written: once the write transaction has spilled pages into the WAL, and a little later.
      for (const [i, delay] of IMPORT_DELAYS.entries()) {
        const file = freshCopy(template, `import-trigger-${i}.sqlite`);
        const base = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
        const writing = () =>
          fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > base + 64 * 1024;
        const run = await runCliKilledWhen(['import', big, '--db', file, '--json'], writing, delay);
        const where = `kill ${delay} ms into the write (${run.signal ?? `exit ${run.code}`}, triggered ${run.triggered})`;
        const state = inspect(file);
        expect(state.integrity, where).toBe('ok');
        expect(state.linesByBatch.get(1), where).toBe(FIRST_ROWS);
        const added = state.batches.slice(1);
        if (added.length === 0) {
          outcomes.absent++;
          expect(state.spendLines, where).toBe(FIRST_ROWS);
        } else {
          outcomes.present++;
          expect(added[0], where).toMatchObject({ status: 'committed', row_count: BIG_ROWS });
          expect(state.linesByBatch.get(added[0]!.id), where).toBe(BIG_ROWS);
        }
        fs.rmSync(file);
      }
      // Both outcomes were reached, so kills landed before and after the commit.
      console.log(`import kills: ${JSON.stringify(outcomes)} over ${full.ms} ms`);
      expect(outcomes.absent + outcomes.present).toBe(MOMENTS + IMPORT_DELAYS.length);
      expect(outcomes.absent).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );
});

describe('kill -9 during an undo', () => {
  it(
    `leaves the batch wholly committed or wholly undone at ${MOMENTS} kill moments, and the undo can be redone`,
    async () => {
      const calib = freshCopy(templateWithBig, 'undo-calibration.sqlite');
      const full = await runCliProcess(['undo', '2', '--db', calib]);
      expect(full.code, full.stderr).toBe(0);
      expect(inspect(calib).linesByBatch.get(2)).toBeUndefined();

      const outcomes = { committed: 0, undone: 0 };
      const startup = await startupMs();
      for (const [i, at] of killMoments(MOMENTS, startup * 0.8, full.ms, 11).entries()) {
        const file = freshCopy(templateWithBig, `undo-kill-${i}.sqlite`);
        const run = await runCliProcess(['undo', '2', '--db', file], at);
        const state = inspect(file);
        const where = `kill at ${at} ms (${run.signal ?? `exit ${run.code}`})`;
        expect(state.integrity, where).toBe('ok');
        expect(state.linesByBatch.get(1), where).toBe(FIRST_ROWS);
        const b = state.batches.find((x) => x.id === 2)!;
        if (b.status === 'committed') {
          outcomes.committed++;
          expect(state.linesByBatch.get(2), where).toBe(BIG_ROWS);
        } else {
          outcomes.undone++;
          expect(b.status, where).toBe('undone');
          expect(state.linesByBatch.get(2) ?? 0, where).toBe(0);
        }
        // An interrupted backup is never listed as a good one.
        for (const backup of listBackups(file)) expect(backup.file.endsWith('.partial')).toBe(false);
        const ws = openWorkspace(file);
        try {
          if (b.status === 'committed') undoBatch(ws.db, 2);
          else expect(() => undoBatch(ws.db, 2)).toThrow(/already undone/);
        } finally {
          ws.close();
        }
        const after = inspect(file);
        expect(after.integrity).toBe('ok');
        expect(after.spendLines).toBe(FIRST_ROWS);
        fs.rmSync(file);
      }
      // Timed kills often land before the undo starts (start-up dominates); these land around it: right
      // after the pre-undo backup is complete, and a few milliseconds later, inside the delete.
      for (const [i, delay] of UNDO_DELAYS.entries()) {
        const file = freshCopy(templateWithBig, `undo-trigger-${i}.sqlite`);
        const backups = backupDir(file);
        const backedUp = () =>
          fs.existsSync(backups) && fs.readdirSync(backups).some((f) => f.endsWith('.before-undo.sqlite'));
        const run = await runCliKilledWhen(['undo', '2', '--db', file], backedUp, delay);
        const where = `kill ${delay} ms after the pre-undo backup (${run.signal ?? `exit ${run.code}`})`;
        const state = inspect(file);
        expect(state.integrity, where).toBe('ok');
        expect(state.linesByBatch.get(1), where).toBe(FIRST_ROWS);
        const b = state.batches.find((x) => x.id === 2)!;
        if (b.status === 'committed') {
          outcomes.committed++;
          expect(state.linesByBatch.get(2), where).toBe(BIG_ROWS);
        } else {
          outcomes.undone++;
          expect(state.linesByBatch.get(2) ?? 0, where).toBe(0);
        }
        fs.rmSync(file);
      }
      console.log(`undo kills: ${JSON.stringify(outcomes)} over ${full.ms} ms`);
      expect(outcomes.committed + outcomes.undone).toBe(MOMENTS + UNDO_DELAYS.length);
    },
    TIMEOUT_MS,
  );
});
