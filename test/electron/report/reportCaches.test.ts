import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/report/buildReport';
import { openWorkspace, type Workspace } from '../../../electron/store/workspace';
import { tempDir, tempWorkspace } from '../../helpers/tempWorkspace';

const open: Workspace[] = [];
afterAll(() => open.forEach((w) => w.close()));

/** The demo workspace (ranged benefit lines, so the sensitivity draws) and a second connection to a copy of it. */
function demoAndCopy(): { ws: Workspace; copy: Workspace } {
  const ws = tempWorkspace({ demo: true });
  open.push(ws);
  ws.db.pragma('wal_checkpoint(TRUNCATE)');
  const to = path.join(tempDir(), 'copy.sqlite');
  fs.copyFileSync(ws.file, to);
  const copy = openWorkspace(to);
  open.push(copy);
  return { ws, copy };
}

/**
 * The report keeps what depends only on the facts and the period (cash flows and IRRs, the sensitivity's draws and
 * words, the register's entries) between reports of one connection; a report built from those must be the report
 * built from nothing, figure for figure and explanation for explanation.
 */
describe('a report built again from the kept parts is the report built from nothing', () => {
  it('warm, after another quarter, and on a fresh connection: the same model, every explanation included', () => {
    const { ws, copy } = demoAndCopy();
    const cold = buildReport(ws.db, 'FY2026-Q3');
    const coldJson = JSON.stringify(cold);
    expect(cold.sensitivity.rangedLines).toBeGreaterThan(0);
    expect(cold.assumptionRegister.length).toBeGreaterThan(0);
    expect(Object.keys(cold.explanations).length).toBeGreaterThan(300);

    const warm = buildReport(ws.db, 'FY2026-Q3');
    expect(warm).toEqual(cold);
    // Another quarter in between (its own flows, draws and register), then this one again.
    const other = buildReport(ws.db, 'FY2026-Q2');
    expect(other.period.label).toBe('FY2026-Q2');
    // …which is that quarter's report from nothing (the copy's first report), not this one's parts.
    const copyQ2 = JSON.stringify(buildReport(copy.db, 'FY2026-Q2'));
    expect(JSON.stringify(other)).toBe(copyQ2);
    expect(JSON.stringify(buildReport(ws.db, 'FY2026-Q3'))).toBe(coldJson);
    // A second connection has none of the first one's kept parts: the same data gives the same report.
    expect(JSON.stringify(buildReport(copy.db, 'FY2026-Q3'))).toBe(coldJson);
  });

  it('a write drops the kept parts: the next report follows the new data', () => {
    const { ws } = demoAndCopy();
    const before = buildReport(ws.db, 'FY2026-Q3');
    const line = ws.db
      .prepare(
        "SELECT id, amount_micro FROM benefits WHERE realized = 1 AND date <= '2026-09-30' ORDER BY id LIMIT 1",
      )
      .get() as { id: number; amount_micro: number };
    ws.db
      .prepare(
        'UPDATE benefits SET amount_micro = amount_micro + 1000000000, low_micro = NULL, high_micro = NULL WHERE id = ?',
      )
      .run(line.id);
    const after = buildReport(ws.db, 'FY2026-Q3');
    expect(after.portfolio.cumulativeBenefit.micro).toBe(
      before.portfolio.cumulativeBenefit.micro + 1_000_000_000,
    );
    expect(after.portfolio.npv.micro).not.toBe(before.portfolio.npv.micro);
    const fresh = openWorkspace(ws.file);
    open.push(fresh);
    expect(JSON.stringify(after)).toBe(JSON.stringify(buildReport(fresh.db, 'FY2026-Q3')));
  });
});
