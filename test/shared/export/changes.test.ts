import { afterAll, describe, expect, it } from 'vitest';
import { biggestMoves, kpiStatusChanges } from '../../../shared/export/changes';
import { preflightPack } from '../../../shared/export/preflight';
import { buildReport } from '../../../electron/report/buildReport';
import { listCommentary } from '../../../electron/store/commentary';
import { tempWorkspace } from '../../helpers/tempWorkspace';

describe('changes since the last pack and preflight (pure, over real report models)', () => {
  const ws = tempWorkspace({ demo: true });
  afterAll(() => ws.close());
  const q3 = buildReport(ws.db, 'FY2026-Q3');
  const q2 = buildReport(ws.db, 'FY2026-Q2');

  it('lists exactly the KPIs whose status differs, with both statuses', () => {
    const changes = kpiStatusChanges(q2, q3);
    const before = new Map(q2.kpis.map((k) => [k.id, k.status]));
    for (const k of q3.kpis) {
      const c = changes.find((x) => x.id === k.id);
      if (before.get(k.id) === k.status) expect(c).toBeUndefined();
      else expect(c).toMatchObject({ from: before.get(k.id), to: k.status });
    }
    expect(kpiStatusChanges(q3, q3)).toEqual([]);
  });

  it('ranks money moves by size, ratios first, and nothing moves against itself', () => {
    const moves = biggestMoves(q2, q3);
    const money = moves.filter((m) => m.unit === 'money');
    for (let i = 1; i < money.length; i++)
      expect(Math.abs(money[i - 1]!.change!)).toBeGreaterThanOrEqual(Math.abs(money[i]!.change!));
    const cost = moves.find((m) => m.key === 'portfolio.cost');
    if (cost) expect(cost.change).toBe(q3.portfolio.cost.micro - q2.portfolio.cost.micro);
    expect(biggestMoves(q3, q3)).toEqual([]);
  });

  it('preflight: every red KPI without commentary blocks; with commentary it passes', () => {
    const commentary = listCommentary(ws.db, 'FY2026-Q3');
    expect(preflightPack(q3, commentary).ok).toBe(true);
    const withoutOne = commentary.filter((c) => !(c.scope === 'kpi' && c.ref === 'incident_count'));
    const p = preflightPack(q3, withoutOne);
    expect(p.ok).toBe(false);
    expect(p.issues.filter((i) => i.blocking).map((i) => i.ref)).toEqual(['incident_count']);
    const none = preflightPack(q3, []);
    expect(
      none.issues
        .filter((i) => i.blocking)
        .map((i) => i.ref)
        .sort(),
    ).toEqual(
      q3.kpis
        .filter((k) => k.status === 'red')
        .map((k) => k.id)
        .sort(),
    );
  });
});
