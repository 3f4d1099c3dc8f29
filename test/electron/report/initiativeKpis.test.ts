import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/report/buildReport';
import type { InitiativeKpiReport, ReportModel } from '../../../shared/report';
import { lastDay, TestWorkspace } from './builder';

describe("an initiative's KPIs: its tagged observations, aggregated, scored and explained", () => {
  const w = new TestWorkspace();
  let bot: number;
  let copilot: number;
  let quiet: number;
  let deflectionBatch: number;
  let adoptionBatch: number;
  let q3: ReportModel;
  let q2: ReportModel;
  let q4: ReportModel;
  beforeAll(() => {
    bot = w.initiative('Support Bot');
    copilot = w.initiative('Copilot');
    quiet = w.initiative('Quiet');
    const month = (m: string, value: number, extra: { initiative?: number; segment?: string } = {}) => ({
      start: `${m}-01`,
      end: lastDay(m),
      value,
      ...extra,
    });
    // Support deflection (mean, higher is better, ≥ 15% green, ≥ 10% amber) for the bot, plus one
    // workspace-level value in Q3 only.
    deflectionBatch = w.observations('support_deflection', [
      month('2026-07', 0.12, { initiative: bot }),
      month('2026-08', 0.15, { initiative: bot }),
      month('2026-09', 0.18, { initiative: bot }),
      month('2026-04', 0.1, { initiative: bot }),
      month('2026-05', 0.11, { initiative: bot }),
      month('2026-06', 0.12, { initiative: bot }),
      month('2025-12', 0.08, { initiative: bot }),
      month('2026-09', 0.2),
    ]);
    // Incidents (sum, lower is better, ≤ 2 green, ≤ 5 amber) reported per region for the bot.
    w.observations('incident_count', [
      month('2026-07', 1, { initiative: bot, segment: 'EU' }),
      month('2026-07', 2, { initiative: bot, segment: 'US' }),
      month('2026-08', 0, { initiative: bot, segment: 'EU' }),
      month('2026-09', 1, { initiative: bot, segment: 'US' }),
      month('2026-06', 1, { initiative: bot, segment: 'EU' }),
    ]);
    // Adoption (last, ≥ 50% green, ≥ 30% amber) for the copilot; October is after Q3.
    adoptionBatch = w.observations('model_adoption_rate', [
      month('2026-04', 0.3, { initiative: copilot }),
      month('2026-06', 0.38, { initiative: copilot }),
      month('2026-07', 0.4, { initiative: copilot }),
      month('2026-09', 0.52, { initiative: copilot }),
      month('2026-08', 0.45, { initiative: copilot }),
      month('2026-10', 0.61, { initiative: copilot }),
    ]);
    // Observed for the copilot only in FY2025-Q4 (inside the 6-quarter window), and one KPI only long before it.
    w.observations('hallucination_rate', [month('2025-11', 0.07, { initiative: copilot })]);
    w.observations('stakeholder_satisfaction', [month('2024-03', 4.1, { initiative: copilot })]);
    // Derived and input KPIs tagged with an initiative are not its KPIs.
    w.observations('ai_portfolio_roi', [month('2026-09', 3, { initiative: bot })]);
    w.observations('key_actions', [month('2026-09', 1000, { initiative: bot })]);
    q3 = buildReport(w.db, 'FY2026-Q3');
    q2 = buildReport(w.db, 'FY2026-Q2');
    q4 = buildReport(w.db, 'FY2026-Q4');
  });
  afterAll(() => w.close());

  const kpisOf = (r: ReportModel, id: number): InitiativeKpiReport[] =>
    r.initiatives.find((i) => i.id === id)!.kpis;
  const kpi = (r: ReportModel, id: number, kpiId: string): InitiativeKpiReport =>
    kpisOf(r, id).find((k) => k.id === kpiId)!;

  it('lists the imported KPIs observed for each initiative in the 6-quarter window, in catalogue order', () => {
    expect(kpisOf(q3, bot).map((k) => k.id)).toEqual(['support_deflection', 'incident_count']);
    expect(kpisOf(q3, copilot).map((k) => k.id)).toEqual(['model_adoption_rate', 'hallucination_rate']);
    expect(kpisOf(q3, quiet)).toEqual([]);
    const d = kpi(q3, bot, 'support_deflection');
    expect(d).toMatchObject({
      name: 'Support Deflection via AI',
      category: 'Value',
      unit: 'ratio',
      direction: 'higher',
      aggregation: 'mean',
      target: 0.15,
      amber: 0.1,
      tolerance: null,
    });
  });

  it("aggregates the initiative's own observations with the KPI's rule and scores them like the scorecard", () => {
    // mean of 12%, 15%, 18% = 15%, exactly on the green threshold; Q2 mean 11% (amber) → improving
    expect(kpi(q3, bot, 'support_deflection')).toMatchObject({
      value: 0.15,
      previousValue: 0.11,
      status: 'green',
      trend: 'improving',
      observationCount: 3,
      batchIds: [deflectionBatch],
    });
    // regions summed per month (3, 0, 1), then summed over the quarter = 4 (amber); Q2 = 1 → worsening
    expect(kpi(q3, bot, 'incident_count')).toMatchObject({
      value: 4,
      previousValue: 1,
      status: 'amber',
      trend: 'worsening',
      observationCount: 4,
    });
    // last of the quarter by period end (September 52%, though August was entered after it); October is later
    expect(kpi(q3, copilot, 'model_adoption_rate')).toMatchObject({
      value: 0.52,
      previousValue: 0.38,
      status: 'green',
      trend: 'improving',
      batchIds: [adoptionBatch],
    });
    expect(kpi(q4, copilot, 'model_adoption_rate')).toMatchObject({ value: 0.61, previousValue: 0.52 });
    // observed in the window but not this quarter: no data, never green, no trend
    expect(kpi(q3, copilot, 'hallucination_rate')).toMatchObject({
      value: null,
      status: 'no_data',
      trend: 'no_data',
      observationCount: 0,
      batchIds: [],
    });
  });

  it('carries a 6-quarter history for the sparkline, each quarter with the target it was scored against', () => {
    expect(kpi(q3, bot, 'support_deflection').history).toEqual([
      { period: 'FY2025-Q2', value: null, status: 'no_data', target: 0.15 },
      { period: 'FY2025-Q3', value: null, status: 'no_data', target: 0.15 },
      { period: 'FY2025-Q4', value: 0.08, status: 'red', target: 0.15 },
      { period: 'FY2026-Q1', value: null, status: 'no_data', target: 0.15 },
      { period: 'FY2026-Q2', value: 0.11, status: 'amber', target: 0.15 },
      { period: 'FY2026-Q3', value: 0.15, status: 'green', target: 0.15 },
    ]);
    expect(kpi(q3, copilot, 'hallucination_rate').history.map((h) => h.value)).toEqual([
      null,
      null,
      0.07,
      null,
      null,
      null,
    ]);
  });

  it('explains each value: formula, each observation with its row and batch, status rule', () => {
    const d = kpi(q3, bot, 'support_deflection');
    expect(d.explain).toBe(`initiative.${bot}.kpi.support_deflection`);
    const e = q3.explanations[d.explain]!;
    expect(e.result).toBe(0.15);
    expect(e.label).toBe('Support Deflection via AI for Support Bot, FY2026-Q3');
    expect(e.formula).toContain('mean of the observations for Support Bot');
    expect(e.inputs.map((i) => [i.label, i.value, i.lineCount, i.batchIds])).toEqual([
      ['Observation 2026-07-01 to 2026-07-31, row 2', 0.12, 1, [deflectionBatch]],
      ['Observation 2026-08-01 to 2026-08-31, row 3', 0.15, 1, [deflectionBatch]],
      ['Observation 2026-09-01 to 2026-09-30, row 4', 0.18, 1, [deflectionBatch]],
    ]);
    expect(e.notes.join(' ')).toMatch(/≥ 15% green, ≥ 10% amber/);
    expect(e.notes.join(' ')).toContain('FY2026-Q2 (11%)');
    expect(q3.batches[deflectionBatch]?.fileName).toBe('support_deflection.csv');
    const incidents = q3.explanations[kpi(q3, bot, 'incident_count').explain]!;
    expect(incidents.formula).toMatch(/same period \(segments\) are combined first/);
    expect(incidents.inputs.map((i) => i.label)).toContain(
      'Observation 2026-07-01 to 2026-07-31 (US), row 3',
    );
  });

  it("portfolio KPIs keep using workspace-level observations; an initiative's count only in a quarter without any", () => {
    // Q3 has a workspace-level 20%: the bot's observations are not in it.
    expect(q3.kpis.find((k) => k.id === 'support_deflection')).toMatchObject({
      value: 0.2,
      observationCount: 1,
    });
    // Q2 has none: the bot's monthly values are the portfolio's (one initiative: mean 11%).
    expect(q2.kpis.find((k) => k.id === 'support_deflection')).toMatchObject({
      value: 0.11,
      observationCount: 3,
    });
    // Imported values for a derived KPI stay unused in both places.
    expect(q3.kpis.find((k) => k.id === 'ai_portfolio_roi')!.observationCount).toBe(0);
  });

  it('a quarter switch reuses computed quarters, and any import recomputes them', () => {
    const before = buildReport(w.db, 'FY2026-Q3');
    expect(kpi(before, copilot, 'model_adoption_rate').value).toBe(0.52);
    // A second value for the copilot's September (another team): one period, so averaged with 52% → 53.5%.
    w.observations('model_adoption_rate', [
      { start: '2026-09-15', end: '2026-09-30', value: 0.55, initiative: copilot },
    ]);
    const after = buildReport(w.db, 'FY2026-Q3');
    expect(kpi(after, copilot, 'model_adoption_rate')).toMatchObject({ value: 0.535, observationCount: 4 });
    expect(kpi(after, copilot, 'model_adoption_rate').history[5]!.value).toBe(0.535);
    expect(kpi(buildReport(w.db, 'FY2026-Q4'), copilot, 'model_adoption_rate').previousValue).toBe(0.535);
  });
});
