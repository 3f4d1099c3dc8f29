/**
 * The commitments section's share of a warm report: the section built alone (its context included) against the
 * whole warm report, the same facts, timed in the same run (15 rounds each after a warm-up).
 *
 *   npx tsx test/bench/report.bench.ts --keep FILE   (builds the 1M-line workspace, with its commitments)
 *   npx tsx test/bench/commitments.bench.ts FILE
 */
import { performance } from 'node:perf_hooks';
import { buildReport } from '../../electron/report/buildReport';
import { buildCommitments } from '../../electron/report/commitments';
import { contextFrom, periodFrame } from '../../electron/report/context';
import { ExplanationBook } from '../../electron/report/explanations';
import { workspaceFacts } from '../../electron/report/factsCache';
import { openWorkspace } from '../../electron/store/workspace';

const file = process.argv[2];
if (!file)
  throw new Error('usage: npx tsx test/bench/commitments.bench.ts WORKSPACE (from report.bench.ts --keep)');
const ws = openWorkspace(file, { readonly: true });
buildReport(ws.db, 'FY2026-Q3');
const facts = workspaceFacts(ws.db);
const frame = periodFrame('FY2026-Q3', facts.settings);
const time = (fn: () => unknown, n: number) => {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { min: +t[0]!.toFixed(3), median: +t[Math.floor(n / 2)]!.toFixed(3) };
};
const report = time(() => buildReport(ws.db, 'FY2026-Q3'), 15);
let count = 0;
const part = time(() => {
  count = buildCommitments(contextFrom(frame, facts, new ExplanationBook())).length;
}, 15);
console.log(
  JSON.stringify({
    commitments: count,
    warmReportMs: report,
    commitmentsPartMs: part,
    ratio: +(part.min / report.min).toFixed(4),
    ratioOfMedians: +(part.median / report.median).toFixed(4),
  }),
);
ws.close();
