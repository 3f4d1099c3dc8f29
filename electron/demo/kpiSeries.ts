/**
 * How each imported KPI moves across the demo's seven quarters: a start and an end value with a
 * little noise, chosen so the latest quarter shows a realistic mix of green, amber, red and no data.
 */
export interface DemoKpiSeries {
  start: number;
  end: number;
  noise: number;
  decimals: number;
  /** Leave the last quarter empty (a late submission), or have no data at all (not yet instrumented). */
  missing?: 'last-quarter' | 'all';
}

export const DEMO_KPI_SERIES: Record<string, DemoKpiSeries> = {
  retention_uplift: { start: 0.004, end: 0.013, noise: 0.002, decimals: 4, missing: 'last-quarter' },
  support_deflection: { start: 0.05, end: 0.19, noise: 0.01, decimals: 4 },
  service_availability: { start: 0.9971, end: 0.9926, noise: 0.0006, decimals: 4 },
  latency_slo_compliance: { start: 0.93, end: 0.962, noise: 0.006, decimals: 4 },
  model_adoption_rate: { start: 0.18, end: 0.46, noise: 0.015, decimals: 3 },
  hallucination_rate: { start: 0.094, end: 0.063, noise: 0.004, decimals: 4 },
  drift_response_days: { start: 12, end: 6, noise: 1, decimals: 1, missing: 'all' },
  safety_violation_rate: { start: 0.0041, end: 0.0008, noise: 0.0001, decimals: 5 },
  releases_with_eval_pct: { start: 0.6, end: 0.82, noise: 0.02, decimals: 3 },
  third_party_risk_compliance: { start: 0.8, end: 0.86, noise: 0.01, decimals: 2 },
  data_access_compliance: { start: 0.9, end: 1, noise: 0, decimals: 2 },
  incident_count: { start: 3, end: 1.3, noise: 0.6, decimals: 0 },
  incident_mttm_hours: { start: 30, end: 7, noise: 2, decimals: 1 },
  regulatory_readiness: { start: 45, end: 72, noise: 2, decimals: 0 },
  platform_satisfaction_enps: { start: 12, end: 34, noise: 3, decimals: 0 },
  standard_patterns_pct: { start: 0.35, end: 0.64, noise: 0.02, decimals: 2 },
  talent_coverage: { start: 0.78, end: 0.84, noise: 0.01, decimals: 2 },
  training_completion: { start: 0.55, end: 0.88, noise: 0.015, decimals: 2 },
  stakeholder_satisfaction: { start: 3.6, end: 4.3, noise: 0.08, decimals: 1 },
};

/** Key actions per month (the denominator of inference cost per key action). */
export const DEMO_KEY_ACTIONS = { start: 900_000, end: 3_400_000 };

/** How a KPI moves for one initiative, from its first observed month to the demo's last. */
export interface DemoInitiativeKpi extends DemoKpiSeries {
  initiative: string;
  kpi: string;
  /** First month observed: when the initiative went live or started its pilot. */
  from: string;
}

/**
 * KPIs the initiative owners report for their own initiatives (observations carrying the initiative): what
 * the initiative detail shows. Only KPIs that also have workspace-level observations in every demo quarter,
 * so the scorecard's values are unchanged (initiative-tagged observations count in the portfolio value only
 * in a quarter without workspace-level ones). Ends chosen for a mix of green, amber and red.
 */
export const DEMO_INITIATIVE_KPIS: DemoInitiativeKpi[] = [
  {
    initiative: 'Customer Support Copilot',
    kpi: 'support_deflection',
    from: '2025-02',
    start: 0.06,
    end: 0.23,
    noise: 0.01,
    decimals: 4,
  },
  {
    initiative: 'Customer Support Copilot',
    kpi: 'hallucination_rate',
    from: '2025-02',
    start: 0.088,
    end: 0.047,
    noise: 0.003,
    decimals: 4,
  },
  {
    initiative: 'Customer Support Copilot',
    kpi: 'latency_slo_compliance',
    from: '2025-02',
    start: 0.91,
    end: 0.957,
    noise: 0.005,
    decimals: 4,
  },
  {
    initiative: 'Developer Code Assistant',
    kpi: 'model_adoption_rate',
    from: '2025-01',
    start: 0.22,
    end: 0.71,
    noise: 0.015,
    decimals: 3,
  },
  {
    initiative: 'Developer Code Assistant',
    kpi: 'platform_satisfaction_enps',
    from: '2025-01',
    start: 8,
    end: 41,
    noise: 3,
    decimals: 0,
  },
  {
    initiative: 'Fraud Detection Uplift',
    kpi: 'service_availability',
    from: '2025-04',
    start: 0.9958,
    end: 0.9981,
    noise: 0.0004,
    decimals: 4,
  },
  {
    initiative: 'Fraud Detection Uplift',
    kpi: 'incident_count',
    from: '2025-04',
    start: 1.2,
    end: 0.3,
    noise: 0.5,
    decimals: 0,
  },
  {
    initiative: 'Knowledge Search',
    kpi: 'model_adoption_rate',
    from: '2025-09',
    start: 0.08,
    end: 0.36,
    noise: 0.012,
    decimals: 3,
  },
  {
    initiative: 'Knowledge Search',
    kpi: 'hallucination_rate',
    from: '2025-09',
    start: 0.112,
    end: 0.071,
    noise: 0.004,
    decimals: 4,
  },
  {
    initiative: 'Contract Review AI',
    kpi: 'hallucination_rate',
    from: '2025-07',
    start: 0.14,
    end: 0.094,
    noise: 0.005,
    decimals: 4,
  },
];
