/**
 * What per-initiative KPIs cost a report: the 1,000,000-line workspace of report.bench.ts as is, and a copy
 * with KPI observations tagged with each of its 200 initiatives (6 monthly KPIs × 36 months = 216 per
 * initiative, 43,200 in all). Times, in turn, for the last quarter and a distant one with the facts cached
 * (as on a quarter switch): the full report on both; on the tagged one also the report the screens fetch
 * (`initiativeKpis: false`) and one initiative's KPIs (`report.initiativeKpis`, what its detail fetches).
 * Also the JSON size of the model the screens fetch (no explanations). Ratios are to the plain report.
 *
 *   npx tsx test/bench/initiativeKpis.bench.ts --large FILE [--keep-tagged FILE] [--rounds 15]
 *
 * FILE is report.bench.ts's workspace (`npx tsx test/bench/report.bench.ts --keep FILE`); it is only read.
 * `--keep-tagged` keeps the tagged copy (e.g. for ui.bench.ts --large).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { buildInitiativeKpiReport, buildReport } from '../../electron/report/buildReport';
import { createBatch, finishBatch } from '../../electron/store/batches';
import { observationInserter } from '../../electron/store/lines';
import { openWorkspace, type WritableWorkspace } from '../../electron/store/workspace';
import { lastDayOfMonth, monthRange } from '../../shared/fiscal';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const large = flag('large');
if (!large || !fs.existsSync(large)) throw new Error('--large FILE: the report benchmark workspace');
const ROUNDS = Number(flag('rounds') ?? 15);
const KPIS = [
  'support_deflection',
  'latency_slo_compliance',
  'model_adoption_rate',
  'hallucination_rate',
  'incident_count',
  'stakeholder_satisfaction',
];
const MONTHS = monthRange('2024-01', '2026-12');
const PERIODS = ['FY2026-Q3', 'FY2024-Q2'];

function copy(to: string): void {
  const db = new Database(large!, { readonly: true });
  db.prepare('VACUUM INTO ?').run(to);
  db.close();
}

function tag(ws: WritableWorkspace): number {
  const db = ws.db;
  const ids = db.prepare('SELECT id FROM initiatives ORDER BY id').pluck().all() as number[];
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return db.transaction(() => {
    const batchId = createBatch(db, {
      kind: 'kpis',
      format: 'csv',
      fileName: 'initiative-kpis.csv',
      fileSha256: '0'.repeat(64),
      fileSize: 0,
      sheet: null,
    });
    const insert = observationInserter(db);
    let row = 1;
    for (const id of ids)
      for (const kpiId of KPIS)
        for (const month of MONTHS)
          insert({
            kpiId,
            periodStart: `${month}-01`,
            periodEnd: lastDayOfMonth(month),
            value: kpiId === 'incident_count' ? Math.floor(rand() * 4) : Math.round(rand() * 1000) / 1000,
            initiativeId: id,
            segment: null,
            batchId,
            sourceRow: ++row,
          });
    finishBatch(db, batchId, { rows: row - 1, excluded: 0, total: null, currency: null });
    return row - 1;
  })();
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { min: Number(s[0]!.toFixed(1)), median: Number(s[Math.floor(s.length / 2)]!.toFixed(1)) };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-kpibench-'));
const plainFile = path.join(dir, 'plain.sqlite');
const taggedFile = flag('keep-tagged') ?? path.join(dir, 'tagged.sqlite');
copy(plainFile);
if (fs.existsSync(taggedFile)) fs.rmSync(taggedFile);
copy(taggedFile);
const plain = openWorkspace(plainFile);
const tagged = openWorkspace(taggedFile);
const observations = tag(tagged);

/** The model as the screens fetch it (no explanations, no initiative KPI rows), in bytes of JSON. */
const screenBytes = (ws: WritableWorkspace, period: string) =>
  Buffer.byteLength(
    JSON.stringify({ ...buildReport(ws.db, period, { initiativeKpis: false }), explanations: {} }),
  );

const results: Record<string, unknown>[] = [];
for (const period of PERIODS) {
  const first = tagged.db.prepare('SELECT min(id) FROM initiatives').pluck().get() as number;
  const work = [
    () => buildReport(plain.db, period),
    () => buildReport(tagged.db, period),
    () => buildReport(tagged.db, period, { initiativeKpis: false }),
    () => buildInitiativeKpiReport(tagged.db, period, first),
  ];
  for (const w of work) w(); // warm the facts cache
  const times = work.map(() => [] as number[]);
  for (let i = 0; i < ROUNDS; i++)
    work.forEach((w, j) => {
      const t0 = performance.now();
      w();
      times[j]!.push(performance.now() - t0);
    });
  const [p, full, screens, one] = times.map(stats);
  const ratio = (x: { median: number }) => Number((x.median / p!.median).toFixed(2));
  results.push({
    period,
    plainReportMs: p,
    taggedFullReportMs: { ...full, ratio: ratio(full!) },
    taggedScreenReportMs: { ...screens, ratio: ratio(screens!) },
    oneInitiativeKpisMs: one,
    initiativeKpiRows: buildReport(tagged.db, period).initiatives.reduce((n, i) => n + i.kpis.length, 0),
    screenModelKb: {
      plain: Math.round(screenBytes(plain, period) / 1024),
      tagged: Math.round(screenBytes(tagged, period) / 1024),
    },
  });
}
console.log(JSON.stringify({ taggedObservations: observations, rounds: ROUNDS, results }, null, 2));
plain.close();
tagged.close();
fs.rmSync(plainFile, { force: true });
if (!flag('keep-tagged')) fs.rmSync(dir, { recursive: true, force: true });
