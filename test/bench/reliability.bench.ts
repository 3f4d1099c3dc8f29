/**
 * The big importer fuzz run (the suite runs the same fuzzer for 30 s): seeded, time-boxed, reproducible.
 *
 *   npx tsx test/bench/reliability.bench.ts [--seconds 600] [--seed 20261126]
 *
 * Writes test-output/reliability/fuzz-bench-<seed>.json and exits non-zero on any failure (each
 * failure names the case seed that reproduces it: runFuzz({ ..., only: [seed] })).
 * The kill tests take sizes from the environment for a bigger run, e.g.
 *   KILL_MOMENTS=30 KILL_ROWS=100000 KILL_PACK_MOMENTS=10 npx vitest run test/reliability/kill
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runFuzz } from '../reliability/fuzz';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const seconds = Number(flag('seconds') ?? 600);
const seed = Number(flag('seed') ?? 20261126);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-fuzz-bench-'));
  try {
    const report = await runFuzz({ seed, budgetMs: seconds * 1000, dir });
    const out = path.resolve(__dirname, '../../test-output/reliability', `fuzz-bench-${seed}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(report, null, 2));
    console.log(
      `fuzz bench: seed ${seed}, ${report.cases} cases in ${(report.elapsedMs / 1000).toFixed(0)} s — ${report.succeeded} imported, ` +
        `${report.rejected} rejected (${report.rejectedAtRow} naming a row), ${report.failures.length} failures, ` +
        `slowest case ${report.slowestCaseMs} ms (seed ${report.slowestSeed}), integrity ${report.integrity}`,
    );
    for (const [name, s] of Object.entries(report.byStrategy))
      console.log(
        `  ${name.padEnd(20)} ${String(s.cases).padStart(6)} cases, ${s.succeeded} imported, ${s.rejected} rejected`,
      );
    for (const f of report.failures.slice(0, 20))
      console.log(`  FAIL seed ${f.seed} ${f.strategy} ${f.kind}: ${f.detail.slice(0, 300)}`);
    process.exitCode = report.failures.length === 0 && report.integrity === 'ok' ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
