/**
 * CPU time per report on a kept bench workspace (see report.bench.ts --keep FILE): the warm report and the
 * report right after a write, as process.cpuUsage() measures them — less thrown about than wall time when other
 * jobs share the machine. `--root DIR` loads the report code of another checkout (e.g. a `git worktree` of main)
 * to compare two trees on one workspace.
 *
 *   npx tsx test/bench/reportCpu.bench.ts FILE [--root DIR] [--period FY2026-Q3]
 */
import path from 'node:path';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const file = args[0];
if (!file || file.startsWith('--'))
  throw new Error('Usage: reportCpu.bench.ts FILE [--root DIR] [--period P]');
const root = path.resolve(flag('root') ?? path.join(__dirname, '../..'));
const period = flag('period') ?? 'FY2026-Q3';
// Loaded at run time so --root can name another checkout's modules.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildReport } = require(path.join(root, 'electron/report/buildReport'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { initWorkspace } = require(path.join(root, 'electron/store/workspace'));

const ws = initWorkspace(file);
const touch = ws.db.prepare(
  "INSERT INTO settings (key, value) VALUES ('benchTouch', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
);

function cpuPerReport(runs: number, write: boolean): { min: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (write) touch.run(String(Date.now() + i)); // a JSON value, as settings hold
    const start = process.cpuUsage();
    buildReport(ws.db, period);
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { min: Number(times[0]!.toFixed(1)), median: Number(times[times.length >> 1]!.toFixed(1)) };
}

for (let i = 0; i < 5; i++) buildReport(ws.db, period); // warm-up: the facts and every kept part
const warm = cpuPerReport(60, false);
const afterWrite = cpuPerReport(12, true);
console.log(JSON.stringify({ root, period, cpuMs: { warm, afterWrite } }, null, 2));
ws.close();
