import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../electron/report/buildReport';
import { createKpi } from '../../../electron/store/kpis';
import type { KpiReport, ReportModel } from '../../../shared/report';
import { m, TestWorkspace } from './builder';

describe('KPI scorecard: imported and derived KPIs, thresholds, aggregation, trend, no data', () => {
  const w = new TestWorkspace();
  let r: ReportModel;
  let kpiBatch: number;
  beforeAll(() => {
    // Initiatives for the derived governance/value KPIs (period end 2026-09-30).
    w.initiative('P1', {
      riskTier: 3,
      approvalDate: '2026-01-01',
      hasBaseline: true,
      conceptApprovedDate: '2025-12-01',
      productionDate: '2026-01-10',
    });
    w.initiative('P2', {
      riskTier: 4,
      approvalDate: '2026-10-01',
      hasBaseline: false,
      conceptApprovedDate: '2026-05-03',
      productionDate: '2026-08-01',
    });
    w.initiative('P3', {
      hasBaseline: true,
      conceptApprovedDate: '2026-01-01',
      productionDate: '2026-10-05',
    }); // after the period
    w.initiative('Pilot', { stage: 'pilot', riskTier: 2 });

    // Model API spend: 350.00 a month in Q3 (1050.00), 1100.00 in Q2; budget 1000.00 per quarter.
    w.spend([
      { date: '2026-07-05', amount: '350.00', category: 'model_api', vendor: 'OpenAI' },
      { date: '2026-08-05', amount: '350.00', category: 'model_api', vendor: 'OpenAI' },
      { date: '2026-09-05', amount: '350.00', category: 'model_api', vendor: 'OpenAI' },
      { date: '2026-05-05', amount: '1100.00', category: 'model_api', vendor: 'OpenAI' },
    ]);
    w.budget([
      { month: '2026-07', amount: '1000.00', category: 'model_api' },
      { month: '2026-05', amount: '1000.00', category: 'model_api' },
    ]);
    w.monthly('key_actions', {
      '2026-07': 10000,
      '2026-08': 5000,
      '2026-09': 6000,
      '2026-04': 5000,
      '2026-05': 7000,
      '2026-06': 8000,
    });

    kpiBatch = w.monthly('drift_response_days', {
      '2026-07': 7,
      '2026-08': 7,
      '2026-09': 7,
      '2026-04': 14,
      '2026-05': 14,
      '2026-06': 14,
    });
    w.monthly('incident_mttm_hours', { '2026-07': 24, '2026-08': 24, '2026-09': 24 });
    w.monthly('model_adoption_rate', { '2026-07': 0.2, '2026-08': 0.4, '2026-09': 0.55, '2026-06': 0.6 });
    w.monthly('incident_count', {
      '2026-07': 1,
      '2026-08': 2,
      '2026-09': 3,
      '2026-04': 0,
      '2026-05': 1,
      '2026-06': 0,
    });
    w.monthly('hallucination_rate', { '2026-07': 0.04, '2026-08': 0.06, '2026-09': 0.08 });
    // Only per-segment values: summed per month for a sum KPI, then over the quarter.
    w.observations('support_deflection', [
      { start: '2026-09-01', end: '2026-09-30', value: 0.1, segment: 'EU' },
      { start: '2026-09-01', end: '2026-09-30', value: 0.2, segment: 'US' },
    ]);
    // Imported values for a derived KPI are ignored.
    w.monthly('ai_portfolio_roi', { '2026-09': 5 });
    // A band KPI of the user's own: target 4, green within 0.1, amber within 0.3.
    createKpi(w.db, {
      id: 'csat_band',
      name: 'CSAT in band',
      category: 'Adoption & talent',
      description: '',
      unit: 'score',
      direction: 'band',
      target: 4,
      amber: 0.3,
      tolerance: 0.1,
      aggregation: 'last',
      frequency: 'quarterly',
      owner: null,
    });
    w.observations('csat_band', [
      { start: '2026-07-01', end: '2026-09-30', value: 3.7 },
      { start: '2026-04-01', end: '2026-06-30', value: 4.35 },
    ]);
    r = buildReport(w.db, 'FY2026-Q3');
  });
  afterAll(() => w.close());

  const kpi = (id: string): KpiReport => r.kpis.find((k) => k.id === id)!;

  it('lower-is-better at its green and amber thresholds', () => {
    expect(kpi('drift_response_days')).toMatchObject({
      value: 7,
      status: 'green',
      previousValue: 14,
      trend: 'improving',
    });
    expect(kpi('incident_mttm_hours')).toMatchObject({ value: 24, status: 'amber', trend: 'no_data' });
  });

  it('quarter aggregation: last, sum and mean of monthly observations', () => {
    expect(kpi('model_adoption_rate')).toMatchObject({
      value: 0.55,
      status: 'green',
      previousValue: 0.6,
      trend: 'worsening',
    });
    expect(kpi('incident_count')).toMatchObject({
      value: 6,
      status: 'red',
      previousValue: 1,
      trend: 'worsening',
      observationCount: 3,
    });
    expect(kpi('hallucination_rate').value).toBeCloseTo((0.04 + 0.06 + 0.08) / 3, 12);
    expect(kpi('hallucination_rate').status).toBe('amber');
  });

  it('combines per-segment observations when there is no workspace-level value', () => {
    // mean KPI: (0.1 + 0.2) / 2 for September, the only month
    expect(kpi('support_deflection').value).toBeCloseTo(0.15, 12);
    expect(kpi('support_deflection').status).toBe('green');
    expect(r.explanations[kpi('support_deflection').explain]!.formula).toMatch(/segment/);
  });

  it('band KPIs at their thresholds', () => {
    expect(kpi('csat_band')).toMatchObject({
      value: 3.7,
      status: 'amber',
      previousValue: 4.35,
      trend: 'improving',
    });
    // token/compute budget variance (band 0 ± 5% green, ± 10% amber): Q3 1050 vs 1000 = +5%; Q2 1100 vs 1000 = +10%
    expect(kpi('token_budget_variance')).toMatchObject({
      value: 0.05,
      status: 'green',
      previousValue: 0.1,
      trend: 'improving',
      derived: true,
    });
    expect(kpi('token_budget_variance').history.map((h) => h.status)).toEqual([
      'no_data',
      'no_data',
      'no_data',
      'no_data',
      'amber',
      'green',
    ]);
  });

  it('a KPI with no value is "no data", never green, with no trend', () => {
    const k = kpi('retention_uplift');
    expect(k).toMatchObject({ value: null, status: 'no_data', trend: 'no_data', observationCount: 0 });
    expect(k.history.every((h) => h.status === 'no_data')).toBe(true);
  });

  it('derived KPIs come from the data', () => {
    // production by 2026-09-30: P1 (baseline), P2 (none) → 1/2
    expect(kpi('measured_outcomes_pct')).toMatchObject({
      value: 0.5,
      status: 'red',
      previousValue: 1,
      derived: true,
    });
    // tier 3–4: P1 approved 2026-01-01, P2 approved only on 2026-10-01 → 1/2
    expect(kpi('high_risk_approved_pct')).toMatchObject({ value: 0.5, status: 'red' });
    // P1 40 days (2025-12-01 → 2026-01-10), P2 90 days (2026-05-03 → 2026-08-01) → median 65
    expect(kpi('time_to_production_days')).toMatchObject({
      value: 65,
      status: 'green',
      previousValue: 40,
      trend: 'worsening',
    });
    // 1050.00 / (10000 + 5000 + 6000) = 0.05 per action; Q2: 1100.00 / 20000 = 0.055
    expect(kpi('inference_cost_per_action')).toMatchObject({
      value: 0.05,
      status: 'green',
      trend: 'improving',
    });
    expect(kpi('inference_cost_per_action').previousValue).toBeCloseTo(0.055, 15);
    // cumulative ROI: no benefit, cost 2150.00 → −100%; the imported value 5 is not used
    expect(kpi('ai_portfolio_roi')).toMatchObject({
      value: -1,
      status: 'red',
      derived: true,
      observationCount: 0,
    });
  });

  it('unit economics by month and quarter with the QoQ change', () => {
    const u = r.unitEconomics;
    expect(u.months.map((x) => x.costPerAction)).toEqual([350 / 10000, 350 / 5000, 350 / 6000]);
    expect(u.quarter).toMatchObject({
      period: 'FY2026-Q3',
      inferenceCost: m('1050.00'),
      keyActions: 21000,
      costPerAction: 0.05,
    });
    expect(u.previousQuarter).toMatchObject({
      period: 'FY2026-Q2',
      inferenceCost: m('1100.00'),
      keyActions: 20000,
    });
    expect(u.qoqChange).toBeCloseTo((0.05 - 0.055) / 0.055, 12);
    expect(u.quarter.costPerAction).toBe(kpi('inference_cost_per_action').value); // one computation, two places
  });

  it('inputs are not scored; imported KPI explanations name observations and their batch', () => {
    expect(r.kpis.find((k) => k.id === 'key_actions')).toBeUndefined();
    const e = r.explanations[kpi('drift_response_days').explain]!;
    expect(e.inputs).toHaveLength(3);
    expect(e.inputs.every((i) => i.source === 'kpi_observations' && i.batchIds[0] === kpiBatch)).toBe(true);
    expect(r.batches[kpiBatch]!.fileName).toBe('drift_response_days.csv');
  });
});
