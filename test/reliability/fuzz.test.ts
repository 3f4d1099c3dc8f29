import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempWorkspace';
import { outputPath } from '../helpers/browser';
import { runFuzz } from './fuzz';

/**
 * The in-suite fuzz run: seeded, bounded by a time budget (FUZZ_BUDGET_S, default 30 s on the CI's
 * 2 cores) and reproducible (FUZZ_SEED). The bigger run is `npm run bench -- reliability` / test/bench.
 * The report is written to test-output/reliability/fuzz-<seed>.json.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const BUDGET_S = Number(process.env.FUZZ_BUDGET_S ?? 30);
const dir = tempDir('caio-fuzz-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('fuzzing the CSV and XLSX importers', () => {
  it(
    `every case (seed ${SEED}, ${BUDGET_S} s) ends in a committed batch or a clear rejection, never a crash, hang or partial batch`,
    async () => {
      const report = await runFuzz({ seed: SEED, budgetMs: BUDGET_S * 1000, dir });
      const file = outputPath('reliability', `fuzz-${SEED}.json`);
      fs.writeFileSync(file, JSON.stringify(report, null, 2));
      console.log(
        `fuzz: ${report.cases} cases in ${report.elapsedMs} ms — ${report.succeeded} imported, ${report.rejected} rejected ` +
          `(${report.rejectedAtRow} naming a row), ${report.failures.length} failures; slowest ${report.slowestCaseMs} ms (seed ${report.slowestSeed}); ${path.relative(process.cwd(), file)}`,
      );
      expect(report.failures.slice(0, 5)).toEqual([]);
      expect(report.integrity).toBe('ok');
      expect(report.cases).toBeGreaterThan(BUDGET_S * 5);
      for (const s of Object.values(report.byStrategy)) expect(s.cases).toBeGreaterThan(0);
      // Both outcomes occur, so the fuzzer reaches past the first checks.
      expect(report.succeeded).toBeGreaterThan(0);
      expect(report.rejectedAtRow).toBeGreaterThan(0);
    },
    BUDGET_S * 1000 + 60_000,
  );

  it('regression: a bit-flipped workbook that stalled exceljs forever (seed 1826048147) is now refused at once', async () => {
    const report = await runFuzz({ seed: 0, budgetMs: 0, dir, only: [1826048147], hangMs: 10_000 });
    expect(report.failures).toEqual([]);
    expect(report.rejected).toBe(1);
  });
});
