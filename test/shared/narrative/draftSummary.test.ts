/** The executive-summary draft is component logic of the narrative screen: pure, offline, deterministic. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../shared/report';
import { createService } from '../../../electron/service/service';
import { UploadStore } from '../../../electron/service/uploads';
import { draftSummary } from '../../../shared/narrative/draftSummary';
import { tempWorkspace } from '../../helpers/tempWorkspace';

let ws: ReturnType<typeof tempWorkspace>;
let report: ReportModel;
beforeAll(async () => {
  ws = tempWorkspace({ demo: true });
  const r = await createService({ ws, uploads: new UploadStore() }).call('report.get', {
    period: 'FY2026-Q3',
  });
  if (!r.ok) throw new Error(r.error.message);
  report = r.result as ReportModel;
});
afterAll(() => ws?.close());

describe('draftSummary', () => {
  it('is deterministic: the same report gives the same text', () => {
    expect(draftSummary(report)).toBe(draftSummary(structuredClone(report)));
  });

  it('states ROI, spend vs budget, the forecast, every red KPI and the largest anomaly', () => {
    const text = draftSummary(report);
    const money = (micro: number) =>
      new Intl.NumberFormat(undefined, { style: 'currency', currency: report.currency }).format(
        Math.round(micro / 10_000) / 100,
      );
    expect(text).toContain(report.period.label);
    expect(text).toContain(money(report.portfolio.cost.micro));
    expect(text).toContain(money(report.budget.forecastYearEnd.micro));
    for (const k of report.kpis.filter((x) => x.status === 'red')) expect(text).toContain(k.name);
    expect(text).toContain(report.anomalies[0]!.label);
    expect(text).toMatch(/over the quarter's budget/);
  });

  it('ends with every commitment warning, in the report’s words', () => {
    const warnings = report.commitments.flatMap((x) => (x.warning ? [x.warning] : []));
    expect(warnings.length).toBeGreaterThan(0);
    const last = draftSummary(report).split('\n\n').at(-1)!;
    expect(last).toMatch(/^Commitments and prepaid credits to act on/);
    for (const w of warnings) expect(last).toContain(w);
    expect(draftSummary({ ...report, commitments: [] })).not.toContain('Commitments and prepaid credits');
  });

  it('handles a quarter without cost, KPIs or anomalies in plain words', () => {
    const empty: ReportModel = structuredClone(report);
    empty.portfolio.cost.micro = 0;
    empty.portfolio.roi.value = null;
    empty.budget.variance.micro = 0;
    empty.kpis = [];
    empty.anomalies = [];
    const text = draftSummary(empty);
    expect(text).toContain('not defined (no cost)');
    expect(text).toContain('exactly on');
    expect(text).not.toContain('anomal');
  });

  it('a budgeted quarter with no spend reported yet says so, not "-100% under budget, beyond tolerance"', async () => {
    const r = await createService({ ws, uploads: new UploadStore() }).call('report.get', {
      period: 'FY2026-Q4',
    });
    if (!r.ok) throw new Error(r.error.message);
    const q4 = r.result as ReportModel;
    expect(q4.budget.status).toBe('no_data');
    const text = draftSummary(q4);
    expect(text).toContain('No spend is reported for FY2026-Q4 yet; its budget is');
    expect(text).not.toMatch(/beyond tolerance|under the quarter's budget/);
  });

  it('counts KPIs in good English: "1 is off track", not "1 are"', () => {
    const one: ReportModel = structuredClone(report);
    const red = one.kpis.find((k) => k.status === 'red')!;
    one.kpis = [red];
    expect(draftSummary(one)).toContain('0 of 1 KPIs are on track; 1 is off track:');
  });
});
