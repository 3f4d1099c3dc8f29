import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/report/buildReport';
import { tempWorkspace } from '../../helpers/tempWorkspace';

const ws = tempWorkspace({ demo: true });
afterAll(() => ws.close());

describe('initiative monthly series (the detail chart)', () => {
  it('covers at most the 18 months ending with the period, and its quarter months add up to the quarter figures', () => {
    const r = buildReport(ws.db, 'FY2026-Q3');
    for (const i of r.initiatives) {
      expect(i.monthly.length).toBeLessThanOrEqual(18);
      if (i.monthly.length === 0) continue;
      expect(i.monthly[i.monthly.length - 1]!.month).toBe('2026-09');
      const inQuarter = i.monthly.filter((m) => r.period.months.includes(m.month));
      expect(inQuarter.reduce((s, m) => s + m.cost, 0)).toBe(i.cost.micro);
      expect(inQuarter.reduce((s, m) => s + m.benefit, 0)).toBe(i.benefit.micro);
      expect(inQuarter.reduce((s, m) => s + m.projectedBenefit, 0)).toBe(i.projectedBenefit.micro);
    }
  });

  it('matches an independent sum of the spend lines for one initiative and month', () => {
    const r = buildReport(ws.db, 'FY2026-Q3');
    const claims = r.initiatives.find((i) => i.name === 'Claims Triage Automation')!;
    const august = claims.monthly.find((m) => m.month === '2026-08')!;
    const direct = ws.db
      .prepare(
        "SELECT sum(amount_micro) FROM spend WHERE initiative_id = ? AND date BETWEEN '2026-08-01' AND '2026-08-31'",
      )
      .pluck()
      .get(claims.id);
    expect(august.cost).toBe(direct);
    // Its first month with data is October 2025: nothing before it.
    expect(claims.monthly[0]!.month).toBe('2025-10');
  });
});
