import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/report/buildReport';
import { undoBatch } from '../../../electron/store/batches';
import { updateSettings } from '../../../electron/store/settings';
import { m, TestWorkspace } from './builder';

const open: TestWorkspace[] = [];
function workspace(): TestWorkspace {
  const w = new TestWorkspace();
  open.push(w);
  return w;
}
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

describe('the report always reflects the current data', () => {
  it('after an import and an undo on the same connection', () => {
    const w = workspace();
    w.spend([{ date: '2026-07-01', amount: '100.00' }]);
    expect(buildReport(w.db, 'FY2026-Q3').portfolio.cost.micro).toBe(m('100.00'));
    const second = w.spend([{ date: '2026-08-01', amount: '23.45' }]);
    expect(buildReport(w.db, 'FY2026-Q3').portfolio.cost.micro).toBe(m('123.45'));
    undoBatch(w.db, second);
    expect(buildReport(w.db, 'FY2026-Q3').portfolio.cost.micro).toBe(m('100.00'));
  });

  it('after a commit by another connection (e.g. an import job or the CLI)', () => {
    const w = workspace();
    w.spend([{ date: '2026-07-01', amount: '100.00' }]);
    expect(buildReport(w.db, 'FY2026-Q3').portfolio.cost.micro).toBe(m('100.00'));
    const other = new Database(w.ws.file);
    other
      .prepare(
        "INSERT INTO spend (date, month, amount_micro, currency, category) VALUES ('2026-09-30', '2026-09', 5000000, 'USD', 'other')",
      )
      .run();
    other.close();
    expect(buildReport(w.db, 'FY2026-Q3').portfolio.cost.micro).toBe(m('105.00'));
  });

  it('after a rolled-back transaction on the same connection', () => {
    const w = workspace();
    w.spend([{ date: '2026-07-01', amount: '100.00' }]);
    expect(buildReport(w.db, 'FY2026-Q3').portfolio.cost.micro).toBe(m('100.00'));
    const insert = w.db.prepare(
      "INSERT INTO spend (date, month, amount_micro, currency, category) VALUES ('2026-07-02', '2026-07', 7000000, 'USD', 'other')",
    );
    expect(() =>
      w.db.transaction(() => {
        insert.run();
        expect(buildReport(w.db, 'FY2026-Q3').portfolio.cost.micro).toBe(m('107.00'));
        throw new Error('cancelled');
      })(),
    ).toThrow('cancelled');
    expect(buildReport(w.db, 'FY2026-Q3').portfolio.cost.micro).toBe(m('100.00'));
  });

  it('after a settings change', () => {
    const w = workspace();
    w.spend([{ date: '2026-07-01', amount: '100.00' }]);
    expect(buildReport(w.db, 'FY2026-Q3').period.months).toEqual(['2026-07', '2026-08', '2026-09']);
    updateSettings(w.db, { fiscalStartMonth: 4 });
    // April start: FY2027 = April 2026 – March 2027; Q3 = October–December 2026
    const r = buildReport(w.db, 'FY2027-Q2');
    expect(r.period.months).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(r.portfolio.cost.micro).toBe(m('100.00'));
  });
});

describe('edge cases', () => {
  it('an empty workspace gives a report of zeros, nulls and "no data"', () => {
    const w = workspace();
    const r = buildReport(w.db, 'FY2026-Q3');
    expect(r.portfolio.cost.micro).toBe(0);
    expect(r.portfolio.roi.value).toBeNull();
    expect(r.portfolio.irr.value).toBeNull();
    expect(r.budget.status).toBe('no_data');
    expect(r.budget.variancePct.value).toBeNull();
    expect(r.kpis.filter((k) => !k.derived).every((k) => k.status === 'no_data')).toBe(true);
    expect(r.kpis.every((k) => k.status !== 'green')).toBe(true);
    expect(r.anomalies).toEqual([]);
    expect(r.cumulative).toEqual([]);
    expect(r.dataThrough).toBeNull();
    expect(r.runRate.portfolio.exhaustionStatus).toBe('no_budget');
  });

  it('data dated after the period never enters it, even the first month or the data-through month', () => {
    const w = workspace();
    const a = w.initiative('Later');
    w.spend([{ date: '2026-10-01', amount: '100.00', initiative: a }]);
    const r = buildReport(w.db, 'FY2026-Q3');
    expect(r.initiatives[0]!.firstSpendMonth).toBeNull();
    expect(r.initiatives[0]!.cumulativeCost.micro).toBe(0);
    expect(r.dataThrough).toBeNull();
    expect(r.cumulative).toEqual([]);
  });

  it('counts lines entered without an import batch', () => {
    const w = workspace();
    w.db
      .prepare(
        "INSERT INTO spend (date, month, amount_micro, currency, category) VALUES ('2026-07-02', '2026-07', 1000000, 'USD', 'other')",
      )
      .run();
    const b = w.spend([{ date: '2026-07-03', amount: '2.00' }]);
    const r = buildReport(w.db, 'FY2026-Q3');
    const input = r.explanations[r.portfolio.cost.explain]!.inputs[0]!;
    expect(input).toMatchObject({ micro: m('3.00'), lineCount: 2, batchIds: [b], unbatchedLineCount: 1 });
  });
});
