import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { buildReport } from '../../../electron/report/buildReport';
import { toReportJson } from '../../../electron/report/json';
import { benefitEdits, updateBenefitAssumptions } from '../../../electron/store/benefitAssumptions';
import { openWorkspace, writableDb, type Workspace } from '../../../electron/store/workspace';
import { tempDir, tempWorkspace } from '../../helpers/tempWorkspace';
import { TestWorkspace } from './builder';

const PERIOD = 'FY2026-Q3';
const open: Workspace[] = [];
afterAll(() => open.forEach((w) => w.close()));

/** The demo workspace (its benefit lines state ranges and assumptions), and a copy of its file. */
function demo(): { ws: Workspace; file: string } {
  const ws = tempWorkspace({ demo: true });
  open.push(ws);
  return { ws, file: ws.file };
}

function copyOf(file: string, db: Workspace): Workspace {
  db.db.pragma('wal_checkpoint(TRUNCATE)');
  const to = path.join(tempDir(), 'copy.sqlite');
  fs.copyFileSync(file, to);
  const w = openWorkspace(to);
  open.push(w);
  return w;
}

describe('sensitivity in the report: the degenerate case', () => {
  it('with no range anywhere, every band is the point NPV and cumulative ROI, exactly, and there is no driver', () => {
    const { ws } = demo();
    ws.db.prepare('UPDATE benefits SET low_micro = NULL, high_micro = NULL').run();
    const r = buildReport(ws.db, PERIOD);
    for (const q of ['p10', 'p50', 'p90'] as const) {
      expect(r.sensitivity.npv[q].micro).toBe(r.portfolio.npv.micro);
      expect(r.sensitivity.cumulativeRoi[q].value).toBe(r.portfolio.cumulativeRoi.value);
    }
    expect(r.sensitivity.drivers).toEqual([]);
    expect(r.sensitivity.rangedLines).toBe(0);
    const j = toReportJson(r);
    expect(j.sensitivity.npv).toEqual({ p10: j.npv, p50: j.npv, p90: j.npv });
    // The register still lists the assumptions (their range is now the amount itself).
    expect(r.assumptionRegister.length).toBeGreaterThan(0);
    expect(
      r.assumptionRegister.every((e) => e.low.micro === e.base.micro && e.high.micro === e.base.micro),
    ).toBe(true);
  });
});

describe('sensitivity in the report: the demo workspace', () => {
  const { ws, file } = demo();
  const r = buildReport(ws.db, PERIOD);
  const s = r.sensitivity;

  it('states its method, draws and seed; bands in order around the point figures', () => {
    expect(s.draws).toBe(10_000);
    expect(s.method).toMatch(/triangular/);
    expect(Number.isInteger(s.seed) && s.seed >= 0 && s.seed < 2 ** 32).toBe(true);
    expect(s.npv.p10.micro).toBeLessThan(s.npv.p50.micro);
    expect(s.npv.p50.micro).toBeLessThan(s.npv.p90.micro);
    expect(s.cumulativeRoi.p10.value!).toBeLessThan(s.cumulativeRoi.p90.value!);
    expect(s.rangedLines).toBeGreaterThan(0);
    for (const k of [s.explain, s.npv.p10.explain, s.cumulativeRoi.p90.explain, s.drivers[0]!.npvLow.explain])
      expect(r.explanations[k]).toBeDefined();
  });

  it('the same file gives the same seed and bands; another period another seed', () => {
    const again = buildReport(copyOf(file, ws).db, PERIOD).sensitivity;
    expect(toReportJson({ ...r, sensitivity: again }).sensitivity).toEqual(toReportJson(r).sensitivity);
    expect(buildReport(ws.db, 'FY2026-Q2').sensitivity.seed).not.toBe(s.seed);
  });

  it('a swing is the report itself with that assumption at its low (then high) and the rest at base', () => {
    const top = s.drivers[0]!;
    const swings = s.drivers.map((d) => Math.abs(d.npvHigh.micro - d.npvLow.micro));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    for (const end of ['low', 'high'] as const) {
      const c = copyOf(file, ws);
      // Move the assumption's lines to their end as if imported so, every range gone: the ordinary NPV.
      c.db
        .prepare(`UPDATE benefits SET amount_micro = ${end}_micro WHERE assumption = ?`)
        .run(top.assumption);
      c.db.prepare('UPDATE benefits SET low_micro = NULL, high_micro = NULL').run();
      const npv = buildReport(c.db, PERIOD).portfolio.npv.micro;
      expect(Math.abs(npv - (end === 'low' ? top.npvLow.micro : top.npvHigh.micro))).toBeLessThanOrEqual(1);
    }
  });

  it('projected ranges stay out of the bands (as out of NPV and ROI) but are in the register', () => {
    expect(s.projectedRangedLines).toBeGreaterThan(0);
    const c = copyOf(file, ws);
    c.db.prepare('UPDATE benefits SET low_micro = NULL, high_micro = NULL WHERE realized = 0').run();
    const t = buildReport(c.db, PERIOD);
    expect(t.sensitivity.npv.p10.micro).toBe(s.npv.p10.micro);
    expect(t.sensitivity.cumulativeRoi.p90.value).toBe(s.cumulativeRoi.p90.value);
    const projected = r.assumptionRegister.filter((e) => !e.realized);
    expect(projected.length).toBeGreaterThan(0);
    expect(projected[0]).toMatchObject({
      confidence: expect.any(String),
      evidenceAgeDays: expect.any(Number),
    });
  });

  it('an edit of a line’s range is recorded (before, after, when) and moves the bands', () => {
    const c = copyOf(file, ws);
    const entry = r.assumptionRegister.find((e) => e.realized && e.rangedLines > 0)!;
    const id = entry.lineIds[0]!;
    const before = c.db.prepare('SELECT amount_micro, low_micro FROM benefits WHERE id = ?').get(id) as {
      amount_micro: number;
      low_micro: number;
    };
    const edited = updateBenefitAssumptions(
      writableDb(c),
      id,
      { low: 0, confidence: 'low' },
      '2026-10-02T09:00:00.000Z',
    );
    expect(edited).toMatchObject({ low: 0, confidence: 'low', editedAt: '2026-10-02T09:00:00.000Z' });
    expect(benefitEdits(c.db, id)).toEqual([
      expect.objectContaining({
        editedAt: '2026-10-02T09:00:00.000Z',
        before: expect.objectContaining({ low: before.low_micro }),
        after: expect.objectContaining({ low: 0, confidence: 'low' }),
      }),
    ]);
    const t = buildReport(c.db, PERIOD);
    expect(t.sensitivity.seed).not.toBe(s.seed);
    expect(t.assumptionRegister.find((e) => e.lineIds.includes(id))!.editedAt).toBe(
      '2026-10-02T09:00:00.000Z',
    );
    expect(() => updateBenefitAssumptions(writableDb(c), id, { low: before.amount_micro + 1 })).toThrow(
      /low ≤ amount ≤ high/,
    );
  });
});

describe('break-even and the CLI JSON', () => {
  const w = new TestWorkspace({ discountRate: 0 });
  const a = w.initiative('Alpha');
  const b = w.initiative('Beta');
  w.spend([
    { date: '2026-07-15', amount: '1000', initiative: a, category: 'model_api', vendor: 'OpenAI' },
    { date: '2026-07-15', amount: '500', initiative: b, category: 'model_api', vendor: 'OpenAI' },
  ]);
  w.benefits([
    {
      date: '2026-08-31',
      initiative: a,
      amount: '1500',
      low: '1000',
      high: '1800',
      assumption: 'hours saved',
    },
    { date: '2026-09-30', initiative: b, amount: '400', low: '300', high: '700', assumption: 'tickets' },
    {
      date: '2026-09-30',
      initiative: b,
      amount: '900',
      realized: false,
      low: '100',
      high: '1000',
      assumption: 'pipeline',
    },
  ]);
  const file = w.ws.file;
  w.ws.close();
  afterAll(() => w.close());

  it('report --json: sensitivity with the tornado checked by hand, break-even per initiative', async () => {
    let out = '';
    const code = await runCli(['report', '--db', file, '--period', PERIOD, '--json'], {
      out: (t) => (out += t),
      err: () => undefined,
    });
    expect(code).toBe(0);
    const j = JSON.parse(out);
    // Rate 0: NPV = 1500 + 400 − 1500 = 400. "hours saved" swings −500 … +300; "tickets" −100 … +300.
    expect(j.npv).toBe(400);
    expect(j.sensitivity.drivers).toEqual([
      { assumption: 'hours saved', initiative: 'Alpha', npvLow: -100, npvHigh: 700 },
      { assumption: 'tickets', initiative: 'Beta', npvLow: 300, npvHigh: 700 },
    ]);
    expect(j.sensitivity.draws).toBe(10000);
    expect(j.sensitivity.npv.p10).toBeGreaterThan(-200);
    expect(j.sensitivity.npv.p90).toBeLessThan(1000);
    expect(j.sensitivity.projectedRangedLines).toBe(1);
    // Alpha: benefit 1,500, cost 1,000: may fall by 500 (a third). Beta: 400 against 500: already 100 short.
    const be = Object.fromEntries(
      j.initiatives.map((i: { name: string; breakEven: unknown }) => [i.name, i.breakEven]),
    );
    expect(be).toEqual({ Alpha: { margin: 500, share: 1 / 3 }, Beta: { margin: -100, share: -0.25 } });
    expect(
      j.assumptionRegister.map((e: { assumption: string; low: number; high: number }) => [
        e.assumption,
        e.low,
        e.high,
      ]),
    ).toEqual([
      ['hours saved', 1000, 1800],
      ['tickets', 300, 700],
      ['pipeline', 100, 1000],
    ]);
  });
});
