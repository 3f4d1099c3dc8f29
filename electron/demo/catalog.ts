import type { RiskTier, SpendCategory, Stage } from '../../shared/domain';

/** The demo portfolio: a mid-size company's AI initiatives, with the shape of real programmes. */
export interface DemoInitiative {
  name: string;
  owner: string;
  businessUnit: string;
  stage: Stage;
  riskTier: RiskTier;
  conceptApproved: string;
  approval: string | null;
  production: string | null;
  hasBaseline: boolean;
  /** First and (for retired ones) last month with spend. */
  from: string;
  to?: string;
  /** Monthly run-rate by category, in whole currency units. */
  monthly: Partial<Record<SpendCategory, number>>;
  vendors: Partial<Record<SpendCategory, string>>;
  /** Realized monthly benefit once in production (whole units), ramping up over `rampMonths`. */
  benefit: number;
  benefitType: 'revenue' | 'cost_savings' | 'productivity' | 'risk_avoidance';
  rampMonths: number;
  /** Projected (not yet realized) monthly benefit for pilots and experiments. */
  projected?: number;
  description: string;
}

export const DEMO_INITIATIVES: DemoInitiative[] = [
  {
    name: 'Customer Support Copilot',
    owner: 'Dana Whitfield',
    businessUnit: 'Customer Operations',
    stage: 'production',
    riskTier: 2,
    conceptApproved: '2024-06-03',
    approval: '2024-07-15',
    production: '2025-02-10',
    hasBaseline: true,
    from: '2025-01',
    monthly: { model_api: 21_000, compute: 6_500, labor: 38_000, tooling: 2_400 },
    vendors: { model_api: 'OpenAI', compute: 'AWS', labor: 'Internal engineering', tooling: 'Zendesk' },
    benefit: 128_000,
    benefitType: 'cost_savings',
    rampMonths: 6,
    description: 'Drafts replies and summarises tickets for 420 support agents.',
  },
  {
    name: 'Fraud Detection Uplift',
    owner: 'Marcus Oyelaran',
    businessUnit: 'Risk & Compliance',
    stage: 'production',
    riskTier: 4,
    conceptApproved: '2024-04-22',
    approval: '2024-08-30',
    production: '2025-04-01',
    hasBaseline: true,
    from: '2025-01',
    monthly: { compute: 24_000, labor: 52_000, tooling: 4_000 },
    vendors: { compute: 'Azure', labor: 'Internal engineering', tooling: 'Databricks' },
    benefit: 175_000,
    benefitType: 'risk_avoidance',
    rampMonths: 5,
    description: 'Gradient-boosted and LLM-assisted screening of card-not-present transactions.',
  },
  {
    name: 'Developer Code Assistant',
    owner: 'Priya Raman',
    businessUnit: 'Engineering',
    stage: 'production',
    riskTier: 1,
    conceptApproved: '2024-09-09',
    approval: '2024-10-01',
    production: '2025-01-20',
    hasBaseline: true,
    from: '2025-01',
    monthly: { model_api: 16_000, tooling: 19_000, labor: 9_000 },
    vendors: { model_api: 'Anthropic', tooling: 'GitHub', labor: 'Internal engineering' },
    benefit: 61_000,
    benefitType: 'productivity',
    rampMonths: 4,
    description: 'Coding assistant and review bot for 900 engineers.',
  },
  {
    name: 'Sales Email Assistant',
    owner: 'Elena Costa',
    businessUnit: 'Sales',
    stage: 'production',
    riskTier: 2,
    conceptApproved: '2024-11-18',
    approval: '2025-01-10',
    production: '2025-08-04',
    hasBaseline: false,
    from: '2025-03',
    monthly: { model_api: 9_500, labor: 21_000, tooling: 1_500 },
    vendors: { model_api: 'OpenAI', labor: 'Internal engineering', tooling: 'Salesforce' },
    benefit: 34_000,
    benefitType: 'revenue',
    rampMonths: 8,
    description: 'Personalised outreach drafts inside the CRM.',
  },
  {
    name: 'Knowledge Search',
    owner: 'Tomás Lindqvist',
    businessUnit: 'Corporate IT',
    stage: 'production',
    riskTier: 2,
    conceptApproved: '2025-01-13',
    approval: '2025-02-03',
    production: '2025-09-15',
    hasBaseline: true,
    from: '2025-04',
    monthly: { model_api: 7_800, compute: 5_200, labor: 17_500 },
    vendors: { model_api: 'Azure OpenAI', compute: 'Azure', labor: 'Internal engineering' },
    benefit: 29_000,
    benefitType: 'productivity',
    rampMonths: 6,
    description: 'Retrieval-augmented search over policies, wikis and tickets.',
  },
  {
    name: 'Contract Review AI',
    owner: 'Hannah Becker',
    businessUnit: 'Legal',
    stage: 'pilot',
    riskTier: 3,
    conceptApproved: '2025-05-05',
    approval: '2025-07-21',
    production: null,
    hasBaseline: false,
    from: '2025-07',
    monthly: { model_api: 6_200, labor: 24_000, tooling: 3_000 },
    vendors: { model_api: 'Anthropic', labor: 'External consultants', tooling: 'Ironclad' },
    benefit: 0,
    benefitType: 'cost_savings',
    rampMonths: 1,
    projected: 58_000,
    description: 'Clause extraction and first-pass redlines for supplier contracts.',
  },
  {
    name: 'Claims Triage Automation',
    owner: 'Samuel Adeyemi',
    businessUnit: 'Insurance Operations',
    stage: 'pilot',
    riskTier: 4,
    conceptApproved: '2025-08-11',
    approval: null,
    production: null,
    hasBaseline: false,
    from: '2025-10',
    monthly: { model_api: 8_800, compute: 3_600, labor: 27_000 },
    vendors: { model_api: 'OpenAI', compute: 'AWS', labor: 'External consultants' },
    benefit: 0,
    benefitType: 'cost_savings',
    rampMonths: 1,
    projected: 72_000,
    description: 'Routes incoming claims and flags likely fraud for adjusters.',
  },
  {
    name: 'Marketing Content Studio',
    owner: 'Olivia Grant',
    businessUnit: 'Marketing',
    stage: 'experiment',
    riskTier: 2,
    conceptApproved: '2026-02-02',
    approval: '2026-02-20',
    production: null,
    hasBaseline: false,
    from: '2026-03',
    monthly: { model_api: 4_100, tooling: 2_900, labor: 8_000 },
    vendors: { model_api: 'Anthropic', tooling: 'Adobe', labor: 'Internal engineering' },
    benefit: 0,
    benefitType: 'revenue',
    rampMonths: 1,
    projected: 15_000,
    description: 'Campaign copy and image variants with brand guardrails.',
  },
  {
    name: 'HR Policy Chatbot',
    owner: 'Grace Mwangi',
    businessUnit: 'People',
    stage: 'retired',
    riskTier: 2,
    conceptApproved: '2024-05-20',
    approval: '2024-06-28',
    production: '2024-12-02',
    hasBaseline: false,
    from: '2025-01',
    to: '2025-06',
    monthly: { model_api: 2_600, labor: 6_500 },
    vendors: { model_api: 'OpenAI', labor: 'Internal engineering' },
    benefit: 4_500,
    benefitType: 'productivity',
    rampMonths: 1,
    description: 'Answered HR policy questions; folded into Knowledge Search in June 2025.',
  },
];

/** Shared platform spend (no initiative): the AI platform team, gateway, eval harness, observability. */
export const DEMO_SHARED: {
  category: SpendCategory;
  vendor: string;
  monthly: number;
  description: string;
}[] = [
  { category: 'platform', vendor: 'Databricks', monthly: 31_000, description: 'Lakehouse and feature store' },
  { category: 'platform', vendor: 'AWS', monthly: 18_500, description: 'AI gateway and vector store' },
  { category: 'labor', vendor: 'Internal engineering', monthly: 96_000, description: 'AI platform team' },
  {
    category: 'tooling',
    vendor: 'Weights & Biases',
    monthly: 6_200,
    description: 'Evaluation and experiment tracking',
  },
  { category: 'other', vendor: 'External counsel', monthly: 3_800, description: 'AI governance reviews' },
];

/** The demo covers FY2025-Q1 .. FY2026-Q3 with a January fiscal year start: seven quarters. */
export const DEMO_FIRST_MONTH = '2025-01';
export const DEMO_LAST_MONTH = '2026-09';
