/**
 * Column-role and kind inference benchmark (not part of the test suite):
 * `npx tsx test/bench/inference.bench.ts [rows=200000]`.
 * Inference runs once per file on the rows read with the header (at most 40); this measures it cold (first
 * file in the process: fuzzball and the vocabulary loaded, nothing cached) and warm, on three headers, and
 * sets it against the whole import of an `rows`-row generic spend CSV measured in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { commitImport } from '../../electron/import/run';
import { initWorkspace } from '../../electron/store/workspace';

const rowsArg = Number(process.argv[2] ?? 200_000);

const FILES: { name: string; headers: string[]; row: (i: number) => string[] }[] = [
  {
    name: 'generic spend, 9 columns (the import bench file)',
    headers: [
      'Date',
      'Amount',
      'Currency',
      'Initiative',
      'Category',
      'Vendor',
      'Cost center',
      'Description',
      'Input tokens',
    ],
    row: (i) => [
      `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
      `${i}.254567`,
      'USD',
      'Copilot',
      'compute',
      'AWS',
      `CC-${1000 + (i % 50)}`,
      `Usage line ${i}`,
      String(i * 31),
    ],
  },
  {
    name: 'German export, 5 columns, decimal comma',
    headers: ['Buchungsdatum', 'Betrag (EUR)', 'Lieferant', 'Kostenstelle', 'Projekt'],
    row: (i) => [
      `${(i % 28) + 1}.01.2026`,
      `1.${String(i).padStart(3, '0')},50`,
      'Acme GmbH',
      '4711',
      'Copilot',
    ],
  },
  {
    name: 'wide export, 40 columns, odd and misspelt names (fuzzy fallback for most)',
    headers: Array.from({ length: 40 }, (_, i) =>
      i === 0 ? 'Txn Dte' : i === 1 ? 'Ammount' : i === 2 ? 'Vendr' : `Attribute ${i} Misc Feld`,
    ),
    row: (i) =>
      Array.from({ length: 40 }, (_, c) => (c === 0 ? '2026-01-05' : c === 1 ? `${i}.50` : `v${c}`)),
  },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { FileEvidence } = await import('../../shared/import/columnRoles');
  const { rankKinds, proposeMapping } = await import('../../shared/import/propose');
  const load = performance.now() - t0;
  const infer = (f: (typeof FILES)[number]) => {
    const head = Array.from({ length: 40 }, (_, i) => ({ row: i + 2, cells: f.row(i) }));
    const file = new FileEvidence(f.headers, head);
    const ranking = rankKinds(file, 1);
    const kind = ranking.candidates[0]?.kind;
    if (kind) proposeMapping(kind, file, 1, ranking.proposals[kind]);
    return kind;
  };
  console.log(`module load (fuzzball, vocabulary): ${load.toFixed(1)} ms`);
  // Wall and CPU time: on a shared machine the CPU time is the steadier figure.
  const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  const results: { name: string; cold: number; coldCpu: number; warm: number; kind: string | undefined }[] =
    [];
  for (const f of FILES) {
    const c0 = performance.now();
    const u0 = process.cpuUsage();
    const kind = infer(f);
    const coldCpu = cpuMs(process.cpuUsage(u0));
    const cold = performance.now() - c0;
    const warm: number[] = [];
    for (let i = 0; i < 50; i++) {
      // A fresh FileEvidence each time: profiles and scores recomputed (header matches stay memoised).
      const w0 = performance.now();
      infer(f);
      warm.push(performance.now() - w0);
    }
    results.push({ name: f.name, cold, coldCpu, warm: median(warm), kind });
  }
  for (const r of results) {
    console.log(
      `${r.name}: cold ${r.cold.toFixed(1)} ms (CPU ${r.coldCpu.toFixed(1)} ms), warm median ${r.warm.toFixed(2)} ms (kind ${r.kind})`,
    );
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-inference-bench-'));
  try {
    const csv = path.join(dir, 'spend.csv');
    const spec = FILES[0]!;
    const lines = [spec.headers.join(',')];
    for (let i = 0; i < rowsArg; i++) lines.push(spec.row(i).join(','));
    fs.writeFileSync(csv, `${lines.join('\n')}\n`);
    const ws = initWorkspace(path.join(dir, 'ws.sqlite'), {});
    const i0 = performance.now();
    const s = await commitImport(ws.db, { path: csv, name: 'spend.csv' });
    const whole = performance.now() - i0;
    ws.close();
    const worst = Math.max(...results.map((r) => r.cold)) + load;
    console.log(
      `whole import of ${s.rows.toLocaleString('en-US')} rows (inference included): ${(whole / 1000).toFixed(2)} s; ` +
        `worst cold inference + module load = ${worst.toFixed(1)} ms = ${((100 * worst) / whole).toFixed(2)}% of it` +
        ` (${((100 * worst) / ((whole * 1_000_000) / rowsArg)).toFixed(2)}% of a 1,000,000-row import at the same rate)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
