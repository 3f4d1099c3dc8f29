/**
 * CLI start-up benchmark: `caio-scorecard --version` (the installed bin: bin/caio-scorecard.mjs → the bundled
 * dist/electron/cli.cjs) and `caio-scorecard help` (loads every command) as ratios to a bare `node -e ''`
 * measured in the same run, interleaved (target: --version ≤ 4×). The old bin (tsx compiling the
 * TypeScript sources at run time) is measured alongside for comparison.
 *
 *   npx tsx test/bench/cli.bench.ts [--rounds 15]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(__dirname, '../..');
const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 15;
execFileSync(process.execPath, [path.join(ROOT, 'scripts/ensure-built.mjs')], { stdio: 'inherit' });

const cases: Record<string, string[]> = {
  "node -e ''": ['-e', ''],
  'caio-scorecard --version': [path.join(ROOT, 'bin/caio-scorecard.mjs'), '--version'],
  'caio-scorecard help': [path.join(ROOT, 'bin/caio-scorecard.mjs'), 'help'],
  'tsx electron/cli/main.ts --version (before)': [
    '--import',
    'tsx',
    path.join(ROOT, 'electron/cli/main.ts'),
    '--version',
  ],
};

const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let r = 0; r < rounds; r++) {
  for (const [name, args] of Object.entries(cases)) {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`);
    times[name]!.push(ms);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const min = (xs: number[]) => Math.min(...xs);
const ref = times["node -e ''"]!;
console.log(
  `${rounds} rounds, interleaved; ms as min / median; ratio to node -e '' (min/min, median/median)`,
);
for (const [name, xs] of Object.entries(times)) {
  console.log(
    `${name.padEnd(46)} ${min(xs).toFixed(0).padStart(5)} / ${median(xs).toFixed(0).padStart(5)} ms   ` +
      `${(min(xs) / min(ref)).toFixed(2)}× / ${(median(xs) / median(ref)).toFixed(2)}×`,
  );
}
