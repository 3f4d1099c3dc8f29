import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { buildChanges } from '../../../electron/pack/changes';
import { buildReport } from '../../../electron/report/buildReport';
import { createService } from '../../../electron/service/service';
import { UploadStore } from '../../../electron/service/uploads';
import { listBatches } from '../../../electron/store/batches';
import { openDatabase } from '../../../electron/store/db';
import { createKpi, getKpi } from '../../../electron/store/kpis';
import { targetHistory } from '../../../electron/store/kpiTargets';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { openWorkspace } from '../../../electron/store/workspace';
import { FROM_THE_START } from '../../../shared/kpiTargets';
import type { ReportModel } from '../../../shared/report';
import { TestWorkspace } from './builder';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function kpi(r: ReportModel, id: string) {
  return r.kpis.find((k) => k.id === id)!;
}

/** Two custom KPIs, higher is better, target 50% (amber 40%), observed at each quarter end of FY2026. */
function fill(w: TestWorkspace): void {
  for (const id of ['adoption_rate', 'quality_rate'])
    createKpi(w.db, {
      id,
      name: id === 'adoption_rate' ? 'Adoption rate' : 'Quality rate',
      category: 'Value',
      description: '',
      unit: 'ratio',
      direction: 'higher',
      target: 0.5,
      amber: 0.4,
      tolerance: null,
      aggregation: 'last',
      frequency: 'quarterly',
      owner: null,
    });
  const q = (end: string, value: number) => ({ start: `${end.slice(0, 8)}01`, end, value });
  // Adoption holds steady at 60%; quality falls from 60% to 30% in Q3.
  w.observations('adoption_rate', [q('2026-03-31', 0.55), q('2026-06-30', 0.6), q('2026-09-30', 0.6)]);
  w.observations('quality_rate', [q('2026-03-31', 0.6), q('2026-06-30', 0.6), q('2026-09-30', 0.3)]);
  w.spend([{ date: '2026-09-15', amount: '100.00' }]);
}

describe('KPI targets have history (through the API)', () => {
  const w = new TestWorkspace();
  const service = () => createService({ ws: w.ws, uploads: new UploadStore() });
  beforeAll(() => fill(w));
  afterAll(() => w.close());

  it('raising a target from FY2026-Q3 re-scores Q3 only: Q2 keeps its target and its status', async () => {
    const q2Before = kpi(buildReport(w.db, 'FY2026-Q2'), 'adoption_rate');
    expect(q2Before).toMatchObject({ status: 'green', target: 0.5 });
    // Raise adoption to 70% (amber 55%) and quality to 70% (amber 35%), both from Q3.
    const s = service();
    const edit = await s.call('kpis.update', {
      id: 'adoption_rate',
      patch: { target: 0.7, amber: 0.55 },
      effectiveFrom: 'FY2026-Q3',
      note: 'Board asked for 70% by year end',
    });
    expect(edit).toMatchObject({ ok: true, result: { target: 0.7, amber: 0.55 } });
    expect(
      (
        await s.call('kpis.update', {
          id: 'quality_rate',
          patch: { target: 0.7, amber: 0.35 },
          effectiveFrom: 'FY2026-Q3',
        })
      ).ok,
    ).toBe(true);

    const q2 = kpi(buildReport(w.db, 'FY2026-Q2'), 'adoption_rate');
    expect(q2).toMatchObject({ status: 'green', target: 0.5, amber: 0.4, targetChange: null });
    const r3 = buildReport(w.db, 'FY2026-Q3');
    const q3 = kpi(r3, 'adoption_rate');
    // 60% against 70% (amber 55%): amber.
    expect(q3).toMatchObject({ value: 0.6, status: 'amber', target: 0.7, amber: 0.55 });
    expect(q3.targetChange).toMatchObject({
      from: { target: 0.5, amber: 0.4 },
      to: { target: 0.7, amber: 0.55 },
      effectiveFrom: 'FY2026-Q3',
      note: 'Board asked for 70% by year end',
    });
    // The sparkline's quarters are scored with their own targets.
    const hist = q3.history.slice(-3);
    expect(hist.map((h) => [h.period, h.target, h.status])).toEqual([
      ['FY2026-Q1', 0.5, 'green'],
      ['FY2026-Q2', 0.5, 'green'],
      ['FY2026-Q3', 0.7, 'amber'],
    ]);
    const notes = r3.explanations[q3.explain]!.notes.join(' ');
    expect(notes).toContain(
      'Target changed from FY2026-Q2: 50% → 70%, amber 40% → 55% (in force from FY2026-Q3',
    );
    expect(notes).toContain('Board asked for 70% by year end');

    const history = targetHistory(w.db, 'adoption_rate');
    expect(history.map((h) => [h.effectiveFrom, h.target])).toEqual([
      [FROM_THE_START, 0.5],
      ['FY2026-Q3', 0.7],
    ]);
  });

  it('"changes since the last pack": the target change listed apart; a status change caused only by it is not performance', () => {
    const r3 = buildReport(w.db, 'FY2026-Q3');
    const ch = buildChanges(w.db, r3, listBatches(w.db));
    expect(ch.basis).toBe('previous_quarter');
    const status = new Map(ch.statusChanges.map((s) => [s.id, s]));
    // Adoption: 60% would still be green against 50%: the status changed only because the target did.
    expect(status.get('adoption_rate')).toMatchObject({ from: 'green', to: 'amber', cause: 'target' });
    // Quality fell to 30%: red against the old 50% too, so it is performance (the target changed as well).
    expect(status.get('quality_rate')).toMatchObject({ from: 'green', to: 'red', cause: 'performance' });
    const targets = new Map(ch.targetChanges.map((t) => [t.id, t]));
    expect(targets.get('adoption_rate')).toMatchObject({
      from: { target: 0.5, amber: 0.4 },
      to: { target: 0.7, amber: 0.55 },
      effectiveFrom: 'FY2026-Q3',
      statusCause: 'target',
    });
    expect(targets.get('quality_rate')).toMatchObject({ statusCause: 'performance' });
    expect(ch.targetChanges.map((t) => t.id).sort()).toEqual(['adoption_rate', 'quality_rate']);
  });

  it('an edit of the same target is no change; without effectiveFrom the change starts in the current quarter', async () => {
    const s = service();
    await s.call('kpis.update', {
      id: 'adoption_rate',
      patch: { target: 0.7, amber: 0.55 },
      effectiveFrom: 'FY2026-Q3',
    });
    expect(targetHistory(w.db, 'adoption_rate')).toHaveLength(2);
    // The workspace's current reporting quarter is FY2026-Q3 (the latest with data).
    await s.call('kpis.update', { id: 'quality_rate', patch: { amber: 0.3 } });
    expect(targetHistory(w.db, 'quality_rate').map((h) => [h.effectiveFrom, h.amber])).toEqual([
      [FROM_THE_START, 0.4],
      ['FY2026-Q3', 0.3],
    ]);
    expect(kpi(buildReport(w.db, 'FY2026-Q2'), 'quality_rate').amber).toBe(0.4);
    const bad = await s.call('kpis.update', {
      id: 'quality_rate',
      patch: { target: 0.8 },
      effectiveFrom: 'Q3',
    });
    expect(bad).toMatchObject({ ok: false });
    expect(getKpi(w.db, 'quality_rate')!.target).toBe(0.7);
  });
});

describe('KPI targets have history (through the CLI)', () => {
  const w = new TestWorkspace();
  let file: string;
  beforeAll(() => {
    fill(w);
    file = w.ws.file;
    w.ws.close();
  });
  afterAll(() => w.close());

  it('kpi-target --from FY2026-Q3: report --json for Q2 keeps the old target and status; Q3 has the new one and says so', async () => {
    const set = await cli([
      'kpi-target',
      '--db',
      file,
      '--kpi',
      'adoption_rate',
      '--from',
      'FY2026-Q3',
      '--target',
      '0.7',
      '--amber',
      '0.55',
      '--json',
    ]);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({
      id: 'adoption_rate',
      effectiveFrom: 'FY2026-Q3',
      target: 0.7,
    });
    const q2 = JSON.parse((await cli(['report', '--db', file, '--period', 'FY2026-Q2', '--json'])).out);
    const q3 = JSON.parse((await cli(['report', '--db', file, '--period', 'FY2026-Q3', '--json'])).out);
    const a2 = q2.kpis.find((k: { id: string }) => k.id === 'adoption_rate');
    const a3 = q3.kpis.find((k: { id: string }) => k.id === 'adoption_rate');
    expect(a2).toMatchObject({ target: 0.5, status: 'green', targetChange: null });
    expect(a3).toMatchObject({
      target: 0.7,
      status: 'amber',
      targetChange: { from: 0.5, to: 0.7, effectiveFrom: 'FY2026-Q3' },
    });
    const bad = await cli(['kpi-target', '--db', file, '--kpi', 'adoption_rate', '--from', 'FY2026-Q3']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--target');
  });
});

describe('migration 5: existing targets become the first entry of each history, "from the start"', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-targets-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a target edited before the upgrade is kept for every quarter', () => {
    const file = path.join(dir, 'v4.sqlite');
    const old = openWorkspace(file, {
      create: true,
      migrations: MIGRATIONS.filter((m) => m.version <= 4),
    });
    old.db.prepare("UPDATE kpis SET target = 0.42, amber = 0.21 WHERE id = 'support_deflection'").run();
    const kpis = old.db.prepare('SELECT count(*) FROM kpis').pluck().get() as number;
    old.close();
    const db = openDatabase(file);
    try {
      const rows = targetHistory(db, 'support_deflection');
      expect(rows).toEqual([
        expect.objectContaining({ effectiveFrom: FROM_THE_START, target: 0.42, amber: 0.21, note: null }),
      ]);
      expect(db.prepare('SELECT count(*) FROM kpi_target_history').pluck().get()).toBe(kpis);
    } finally {
      db.close();
    }
  });
});
