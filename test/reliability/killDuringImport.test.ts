import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport } from '../../electron/import/run';
import { backupDir, listBackups } from '../../electron/store/backup';
import { undoBatch } from '../../electron/store/batches';
import { initWorkspace, openWorkspace } from '../../electron/store/workspace';
import { tempDir } from '../helpers/tempWorkspace';
import {
  copyWorkspace,
  inspect,
  killMoments,
  runCliKilledOn,
  runCliKilledWhen,
  runCliProcess,
  writeSpendCsv,
  type CliRun,
} from './kill';

/**
 * SIGKILL the real CLI process (node + tsx loader, no wrapper) at many moments of an import and of an
 * undo. After each kill: SQLite's integrity check is ok, the earlier batch is untouched, the batch
 * being written is wholly present or wholly absent, and the operation can be done again.
 * Sizes are kept small enough for the suite on 2 cores; test/bench/kill.bench.ts runs more moments.
 */
const BIG_ROWS = Number(process.env.KILL_ROWS ?? 20_000);
const MOMENTS = Number(process.env.KILL_MOMENTS ?? 5);
const FIRST_ROWS = 250;
/** Kills this many ms after the first progress line with stored rows (0: while the batch is being written). */
const IMPORT_DELAYS = (process.env.KILL_IMPORT_DELAYS ?? '0').split(',').map(Number);
const UNDO_DELAYS = (process.env.KILL_UNDO_DELAYS ?? '0,20,60').split(',').map(Number);
/** Each moment: one killed run, an inspection and a redo; generous for loaded 2-core machines. */
const TIMEOUT_MS = 60_000 + (MOMENTS + IMPORT_DELAYS.length + 3) * (15_000 + BIG_ROWS / 4);

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

/**
 * Where an import was when it died, from what it printed before (`--progress` lines on stderr, the summary on
 * stdout, both written synchronously, so a line that was printed happened before the kill):
 * - `starting`: no progress line yet (start-up, opening, analysing; the batch's transaction may have begun);
 * - `writing`: rows being read and stored in the open transaction (the file not all read);
 * - `finishing`: the file all read ("progress: done"), the summary not printed: the rollup, the batch's
 *   totals and the COMMIT — the one phase whose outcome either way is right;
 * - `committed`: the summary printed, which happens only after COMMIT returned (then the workspace closes);
 * - `not killed`: it exited on its own before the kill.
 */
type Phase = 'starting' | 'writing' | 'finishing' | 'committed' | 'not killed';

function phaseOf(run: CliRun): Phase {
  if (run.signal !== 'SIGKILL') return 'not killed';
  if (run.stdout.includes('"batch"')) return 'committed';
  if (/^progress: done /m.test(run.stderr)) return 'finishing';
  if (/^progress: reading /m.test(run.stderr)) return 'writing';
  return 'starting';
}

type Outcome = 'absent' | 'present';

/**
 * After a kill: SQLite's integrity check, the earlier batch untouched, the new batch wholly present or
 * wholly absent, and the outcome the phase requires; then the import again, as the README says: an absent
 * batch imports in full, a present one is refused as a duplicate (never doubled).
 */
async function checkAfterKill(file: string, phase: Phase, where: string): Promise<Outcome> {
  const state = inspect(file);
  expect(state.integrity, where).toBe('ok');
  expect(state.batches[0], where).toMatchObject({ id: 1, status: 'committed', row_count: FIRST_ROWS });
  expect(state.linesByBatch.get(1), where).toBe(FIRST_ROWS);
  const added = state.batches.slice(1);
  const outcome: Outcome = added.length === 0 ? 'absent' : 'present';
  if (outcome === 'absent') expect(state.spendLines, where).toBe(FIRST_ROWS);
  else {
    expect(added, where).toHaveLength(1);
    expect(added[0], where).toMatchObject({ status: 'committed', row_count: BIG_ROWS, file_name: 'big.csv' });
    expect(state.linesByBatch.get(added[0]!.id), where).toBe(BIG_ROWS);
    expect(state.spendLines, where).toBe(FIRST_ROWS + BIG_ROWS);
  }
  if (phase === 'starting' || phase === 'writing')
    expect(outcome, `${where}: killed before COMMIT`).toBe('absent');
  if (phase === 'committed' || phase === 'not killed')
    expect(outcome, `${where}: killed after COMMIT`).toBe('present');
  const ws = openWorkspace(file);
  try {
    if (outcome === 'absent') {
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
  expect(after.integrity, where).toBe('ok');
  expect(after.spendLines, where).toBe(FIRST_ROWS + BIG_ROWS);
  fs.rmSync(file);
  return outcome;
}

const walBytes = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : null);

describe('kill -9 during an import', () => {
  it(
    `leaves the batch wholly absent when killed while writing, wholly present once committed (${MOMENTS} timed kills, ${IMPORT_DELAYS.length + 3} on events), and a re-import does the right thing`,
    async () => {
      // Calibration: imports that are not killed, to spread the kill moments over a real duration (the
      // quicker of two: the first also warms tsx's cache).
      const calibrate = async (name: string) => {
        const run = await runCliProcess(['import', big, '--db', freshCopy(template, name), '--json']);
        expect(run.code, run.stderr).toBe(0);
        expect(JSON.parse(run.stdout)).toMatchObject({ batch: 2, rows: BIG_ROWS });
        return run;
      };
      const full = {
        ms: Math.min((await calibrate('calib-1.sqlite')).ms, (await calibrate('calib-2.sqlite')).ms),
      };

      const args = (file: string) => ['import', big, '--db', file, '--json', '--progress'];
      const tally: Record<string, number> = {};
      const count = (phase: Phase, outcome: Outcome) =>
        (tally[`${phase}: ${outcome}`] = (tally[`${phase}: ${outcome}`] ?? 0) + 1);

      // Timed kills, spread over the run (many land in start-up: node and tsx loading dominate).
      const startup = await startupMs();
      for (const [i, at] of killMoments(MOMENTS, startup * 0.8, full.ms, 7).entries()) {
        const file = freshCopy(template, `import-kill-${i}.sqlite`);
        const run = await runCliKilledOn(args(file), { when: (_, ms) => ms >= at, evidence: () => null });
        const phase = phaseOf(run);
        count(phase, await checkAfterKill(file, phase, `kill at ${at} ms (${phase})`));
      }

      // Kills on events the import causes; each must land (the process still running), in `aim` when given.
      const onEvent = async (
        name: string,
        aim: Phase | null,
        when: (printed: { stdout: string; stderr: string }, file: string) => boolean,
        delayMs = 0,
      ): Promise<Outcome> => {
        const file = freshCopy(template, `import-${name}.sqlite`);
        const run = await runCliKilledOn(args(file), {
          when: (printed) => when(printed, file),
          evidence: () => walBytes(file),
          delayMs,
        });
        const phase = phaseOf(run);
        const where = `kill ${name} (${phase}; WAL ${run.evidence} bytes at the kill; ${run.signal ?? `exit ${run.code}`})`;
        expect(run.fired, where).toBe(true);
        expect(run.signal, `${where}: the kill landed while the import ran`).toBe('SIGKILL');
        if (aim) expect(phase, where).toBe(aim);
        const outcome = await checkAfterKill(file, phase, where);
        count(phase, outcome);
        return outcome;
      };
      // Rows stored in the open transaction, the file not all read: the batch must be wholly absent.
      for (const delay of IMPORT_DELAYS) {
        const outcome = await onEvent(
          `${delay} ms after the first stored rows`,
          delay === 0 ? 'writing' : null, // a later one may land in any phase: checked as it lands
          ({ stderr }) => /^progress: reading [1-9]\d* rows/m.test(stderr),
          delay,
        );
        if (delay === 0) expect(outcome).toBe('absent');
      }
      // The file all read: the rollup, the batch's totals and the COMMIT under way (either outcome).
      await onEvent('when the file is all read', null, ({ stderr }) => /^progress: done /m.test(stderr));
      // The COMMIT writing the batch's pages into the WAL (either outcome).
      await onEvent('as the WAL grows past 64 KB', null, (_, file) => (walBytes(file) ?? 0) > 64 * 1024);
      // The summary printed: COMMIT has returned, the workspace not yet closed (the batch only in the WAL,
      // not yet checkpointed into the database file). The batch must be wholly present.
      expect(
        await onEvent('when the summary is printed', 'committed', ({ stdout }) => stdout.includes('"batch"')),
      ).toBe('present');

      console.log(`import kills over ${full.ms} ms: ${JSON.stringify(tally)}`);
      const total = Object.values(tally).reduce((a, b) => a + b, 0);
      expect(total).toBe(MOMENTS + IMPORT_DELAYS.length + 3);
      // Both outcomes were reached by kills that landed, each asserted above in the phase that requires it.
      expect(tally['writing: absent'] ?? 0).toBeGreaterThan(0);
      expect(tally['committed: present'] ?? 0).toBeGreaterThan(0);
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
