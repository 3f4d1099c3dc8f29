/**
 * Report benchmark: a 1,000,000-spend-line / 200-initiative / 3-year workspace; the warm full report for one
 * quarter timed as a ratio to one `SELECT SUM(amount_micro) FROM spend` in the same run (target ≤ 0.5×).
 *
 *   npx tsx test/bench/report.bench.ts [--lines 1000000] [--keep FILE]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildReport } from '../../electron/report/buildReport';
import { createBatch, finishBatch } from '../../electron/store/batches';
import { commitmentInserter } from '../../electron/store/commitments';
import { insertInitiative } from '../../electron/store/initiatives';
import {
  benefitInserter,
  budgetInserter,
  observationInserter,
  spendInserter,
} from '../../electron/store/lines';
import { initWorkspace } from '../../electron/store/workspace';
import { NO_ASSUMPTIONS, SPEND_CATEGORIES, type SpendCategory } from '../../shared/domain';
import { addMonths, lastDayOfMonth, monthRange } from '../../shared/fiscal';
import { BUILTIN_KPIS } from '../../shared/kpiCatalog';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const TOTAL_LINES = Number(flag('lines') ?? 1_000_000);
const INITIATIVES = 200;
const FIRST_MONTH = '2024-01';
const MONTHS = monthRange(FIRST_MONTH, addMonths(FIRST_MONTH, 35)); // 3 years
const PERIOD = 'FY2026-Q3'; // July–September 2026, the last full quarter

let seed = 42;
function rand(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const VENDORS: Record<SpendCategory, string[]> = {
  platform: ['Databricks', 'Snowflake'],
  model_api: ['OpenAI', 'Anthropic', 'Google'],
  compute: ['AWS', 'Azure', 'GCP'],
  labor: ['Contractors Inc', 'Internal'],
  tooling: ['GitHub', 'Weights & Biases'],
  other: ['Misc'],
};

function build(file: string): void {
  const ws = initWorkspace(file);
  const db = ws.db;
  const ids: number[] = [];
  db.transaction(() => {
    for (let i = 1; i <= INITIATIVES; i++) {
      ids.push(
        insertInitiative(
          db,
          {
            name: `Initiative ${String(i).padStart(3, '0')}`,
            owner: null,
            businessUnit: null,
            stage: i % 5 === 0 ? 'pilot' : 'production',
            riskTier: ((i % 4) + 1) as 1 | 2 | 3 | 4,
            approvalDate: i % 3 === 0 ? null : '2024-01-15',
            hasBaseline: i % 2 === 0,
            hasOutcomeInstrumentation: i % 2 === 0,
            conceptApprovedDate: '2023-10-01',
            productionDate: `2024-${String((i % 12) + 1).padStart(2, '0')}-01`,
            description: null,
          },
          null,
        ),
      );
    }
  })();
  // Each initiative spends on 3 (category, vendor) streams; the shared platform on 5.
  const streams: { initiative: number | null; category: SpendCategory; vendor: string }[] = [];
  for (const id of [...ids, null]) {
    const n = id === null ? 5 : 3;
    for (let k = 0; k < n; k++) {
      const category = SPEND_CATEGORIES[Math.floor(rand() * SPEND_CATEGORIES.length)]!;
      const vendors = VENDORS[category];
      streams.push({ initiative: id, category, vendor: vendors[Math.floor(rand() * vendors.length)]! });
    }
  }
  const perMonth = Math.ceil(TOTAL_LINES / MONTHS.length);
  let written = 0;
  for (const month of MONTHS) {
    db.transaction(() => {
      const batchId = createBatch(db, {
        kind: 'spend',
        format: 'csv',
        fileName: `spend-${month}.csv`,
        fileSha256: '0'.repeat(64),
        fileSize: 0,
        sheet: null,
      });
      const insert = spendInserter(db);
      const n = Math.min(perMonth, TOTAL_LINES - written);
      for (let i = 0; i < n; i++) {
        const s = streams[i % streams.length]!;
        insert({
          date: `${month}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
          amount: Math.round(rand() * 50_000_000) - 1_000_000, // −1.00 to 49.00 with sub-cent digits
          currency: 'USD',
          initiativeId: s.initiative,
          category: s.category,
          vendor: s.vendor,
          costCenter: null,
          description: null,
          tokensIn: null,
          tokensOut: null,
          requests: null,
          batchId,
          sourceRow: i + 2,
        });
      }
      written += n;
      finishBatch(db, batchId, { rows: n, excluded: 0, total: null, currency: 'USD' });
    })();
  }
  db.transaction(() => {
    const batchId = createBatch(db, {
      kind: 'budget',
      format: 'csv',
      fileName: 'budget.csv',
      fileSha256: '1'.repeat(64),
      fileSize: 0,
      sheet: null,
    });
    const budget = budgetInserter(db);
    for (const month of MONTHS)
      for (const category of SPEND_CATEGORIES)
        budget({
          month,
          amount: 130_000_000_000,
          currency: 'USD',
          initiativeId: null,
          category,
          batchId,
          sourceRow: null,
        });
    // A prepaid credit and a commitment with every vendor, each over one fiscal year (the report's part: O(commitments)).
    const commitmentsBatch = createBatch(db, {
      kind: 'commitments',
      format: 'csv',
      fileName: 'commitments.csv',
      fileSha256: '3'.repeat(64),
      fileSize: 0,
      sheet: null,
    });
    const commitment = commitmentInserter(db);
    for (const vendor of Object.values(VENDORS).flat())
      for (const [type, year] of [
        ['prepaid', '2025'],
        ['commitment', '2026'],
      ] as const)
        commitment({
          vendor,
          amount: 2_000_000_000_000,
          currency: 'USD',
          start: `${year}-01-01`,
          end: `${year}-12-31`,
          type,
          initiativeId: null,
          description: null,
          batchId: commitmentsBatch,
          sourceRow: null,
        });
    const benefitsBatch = createBatch(db, {
      kind: 'benefits',
      format: 'csv',
      fileName: 'benefits.csv',
      fileSha256: '2'.repeat(64),
      fileSize: 0,
      sheet: null,
    });
    const benefit = benefitInserter(db);
    // Realized benefit ramps from nothing to about twice an initiative's monthly cost over the 3 years (±25%).
    for (const id of ids)
      MONTHS.forEach((month, i) => {
        const ramp = (i / (MONTHS.length - 1)) * 2 * 4_000_000_000;
        const realized = Math.round(ramp * (0.75 + rand() * 0.5));
        benefit({
          date: `${month}-28`,
          initiativeId: id,
          amount: realized,
          currency: 'USD',
          type: 'cost_savings',
          realized: true,
          description: null,
          batchId: benefitsBatch,
          sourceRow: null,
          // Every line states a range around its amount and the assumption it rests on (one per initiative, so
          // the sensitivity analysis draws 200 assumptions over 7,200 ranged realized lines).
          assumptions: {
            ...NO_ASSUMPTIONS,
            low: Math.round(realized * 0.7),
            high: Math.round(realized * 1.3),
            assumption: `initiative ${id}: hours saved × loaded rate`,
            confidence: 'medium',
          },
        });
        benefit({
          date: `${month}-28`,
          initiativeId: id,
          amount: 1_000_000_000,
          currency: 'USD',
          type: 'revenue',
          realized: false,
          description: null,
          batchId: benefitsBatch,
          sourceRow: null,
          assumptions: {
            ...NO_ASSUMPTIONS,
            low: 500_000_000,
            high: 1_200_000_000,
            assumption: `initiative ${id}: pipeline conversion`,
          },
        });
      });
    const kpiBatch = createBatch(db, {
      kind: 'kpis',
      format: 'csv',
      fileName: 'kpis.csv',
      fileSha256: '3'.repeat(64),
      fileSize: 0,
      sheet: null,
    });
    const obs = observationInserter(db);
    for (const k of BUILTIN_KPIS.filter((x) => !x.derived))
      for (const month of MONTHS)
        obs({
          kpiId: k.id,
          periodStart: `${month}-01`,
          periodEnd: lastDayOfMonth(month),
          value: k.id === 'key_actions' ? 1_000_000 : k.target * (0.8 + rand() * 0.4),
          initiativeId: null,
          segment: null,
          batchId: kpiBatch,
          sourceRow: null,
        });
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  ws.close();
}

function round(x: number, digits = 2): number {
  return Number(x.toFixed(digits));
}

function stats(xs: number[]): { min: number; median: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]! };
}

/** Runs the workloads in turn, round after round (so machine load hits all alike), after one warm-up run each. */
function timeInTurn(workloads: (() => void)[], rounds: number): number[][] {
  for (const w of workloads) w();
  const times = workloads.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    workloads.forEach((w, j) => {
      const t0 = performance.now();
      w();
      times[j]!.push(performance.now() - t0);
    });
  }
  return times;
}

const keep = flag('keep');
const file = keep ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'caio-bench-')), 'bench.sqlite');
if (!fs.existsSync(file)) {
  const t0 = performance.now();
  build(file);
  console.log(
    `built ${file}: ${TOTAL_LINES.toLocaleString('en-US')} spend lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
const ws = initWorkspace(file);
const rollupRows = ws.db.prepare('SELECT count(*) FROM spend_monthly').pluck().get() as number;
const sumStmt = ws.db.prepare('SELECT SUM(amount_micro) FROM spend').pluck();
const touch = ws.db.prepare(
  "INSERT INTO settings (key, value) VALUES ('benchTouch', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
);
let model: ReturnType<typeof buildReport> | undefined;
let writes = 0;
const [sumTimes, reportTimes, afterWriteTimes] = timeInTurn(
  [
    () => sumStmt.get(),
    // Warm: the workspace facts are cached from the previous run (nothing was written since).
    () => {
      model = buildReport(ws.db, PERIOD);
    },
    // After a write: the facts are read again from the rollup and the line tables' small siblings.
    () => {
      touch.run(String(writes++));
      buildReport(ws.db, PERIOD);
    },
  ],
  15,
);
const sum = stats(sumTimes!);
const report = stats(reportTimes!);
const afterWrite = stats(afterWriteTimes!);
const ratio = report.min / sum.min;
console.log(
  JSON.stringify(
    {
      spendLines: TOTAL_LINES,
      initiatives: INITIATIVES,
      months: MONTHS.length,
      rollupRows,
      period: PERIOD,
      sumMs: { min: round(sum.min), median: round(sum.median) },
      reportMs: { min: round(report.min), median: round(report.median) },
      ratio: round(ratio, 3),
      ratioOfMedians: round(report.median / sum.median, 3),
      reportAfterWriteMs: { min: round(afterWrite.min), median: round(afterWrite.median) },
      ratioAfterWrite: round(afterWrite.min / sum.min, 3),
      target: 0.5,
      explanations: Object.keys(model!.explanations).length,
      sensitivity: {
        rangedLines: model!.sensitivity.rangedLines,
        assumptions: model!.sensitivity.drivers.length,
        draws: model!.sensitivity.draws,
      },
    },
    null,
    2,
  ),
);
ws.close();
if (!keep) fs.rmSync(path.dirname(file), { recursive: true, force: true });
process.exitCode = ratio <= 0.5 ? 0 : 1;
