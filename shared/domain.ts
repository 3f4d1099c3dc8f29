import { DEFAULT_YEAR_RANGE, type IsoDate, type Month } from './fiscal';
import type { Micro } from './money';

export const STAGES = ['idea', 'experiment', 'pilot', 'production', 'retired'] as const;
export type Stage = (typeof STAGES)[number];

export const SPEND_CATEGORIES = ['platform', 'model_api', 'compute', 'labor', 'tooling', 'other'] as const;
export type SpendCategory = (typeof SPEND_CATEGORIES)[number];

export const BENEFIT_TYPES = ['revenue', 'cost_savings', 'productivity', 'risk_avoidance', 'other'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

export const DATA_KINDS = [
  'spend',
  'budget',
  'benefits',
  'kpis',
  'initiatives',
  'fx',
  'commitments',
] as const;
export type DataKind = (typeof DATA_KINDS)[number];

export type RiskTier = 1 | 2 | 3 | 4;

/** A prepaid credit (money paid up front, drawn down by usage) or a spend commitment (a minimum to consume). */
export const COMMITMENT_TYPES = ['prepaid', 'commitment'] as const;
export type CommitmentType = (typeof COMMITMENT_TYPES)[number];

/** What a commitment or prepaid credit states: its amount in its own currency, its window both days included. */
export interface CommitmentTerms {
  vendor: string;
  amount: Micro;
  currency: string;
  start: IsoDate;
  end: IsoDate;
  type: CommitmentType;
  description: string | null;
}

/** A commitment as stored. */
export interface CommitmentLine extends CommitmentTerms {
  initiativeId: number | null;
  batchId: number | null;
  sourceRow: number | null;
}

export interface Initiative {
  id: number;
  name: string;
  owner: string | null;
  businessUnit: string | null;
  stage: Stage;
  riskTier: RiskTier;
  approvalDate: IsoDate | null;
  hasBaseline: boolean;
  hasOutcomeInstrumentation: boolean;
  conceptApprovedDate: IsoDate | null;
  productionDate: IsoDate | null;
  description: string | null;
  batchId: number | null;
}

export interface SpendLine {
  date: IsoDate;
  amount: Micro;
  currency: string;
  initiativeId: number | null; // null = shared platform
  category: SpendCategory;
  vendor: string | null;
  costCenter: string | null;
  description: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  requests: number | null;
  batchId: number | null;
  sourceRow: number | null;
}

export interface BudgetLine {
  month: Month;
  amount: Micro;
  currency: string;
  initiativeId: number | null;
  category: SpendCategory | null;
  batchId: number | null;
  sourceRow: number | null;
}

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/**
 * What a benefit line's amount rests on (the assumption register). `low` and `high` are in the line's
 * currency and micro-units like its amount, which is the base case: both or neither, low ≤ amount ≤ high.
 */
export interface BenefitAssumptions {
  low: Micro | null;
  high: Micro | null;
  /** What drives the figure, e.g. "tickets deflected × cost per ticket"; lines naming the same one move together. */
  assumption: string | null;
  owner: string | null;
  source: string | null;
  confidence: Confidence | null;
  evidenceDate: IsoDate | null;
}

export const NO_ASSUMPTIONS: BenefitAssumptions = {
  low: null,
  high: null,
  assumption: null,
  owner: null,
  source: null,
  confidence: null,
  evidenceDate: null,
};

export interface BenefitLine {
  date: IsoDate;
  initiativeId: number;
  amount: Micro;
  currency: string;
  type: BenefitType;
  realized: boolean;
  description: string | null;
  batchId: number | null;
  sourceRow: number | null;
  /** The register's fields; absent means none. */
  assumptions?: BenefitAssumptions;
}

export const KPI_DIRECTIONS = ['higher', 'lower', 'band'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const KPI_AGGREGATIONS = ['last', 'mean', 'sum'] as const;
export type KpiAggregation = (typeof KPI_AGGREGATIONS)[number];

export const KPI_UNITS = ['ratio', 'currency', 'count', 'days', 'hours', 'score'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

export const KPI_CATEGORIES = [
  'Value',
  'Platform',
  'Governance & risk',
  'Adoption & talent',
  'Inputs',
] as const;
export type KpiCategory = (typeof KPI_CATEGORIES)[number];

export interface KpiDefinition {
  id: string;
  name: string;
  category: KpiCategory;
  description: string;
  unit: KpiUnit;
  direction: KpiDirection;
  /** higher/lower: the green threshold; band: the centre. */
  target: number;
  /** higher/lower: the amber threshold; band: the amber distance from the centre. */
  amber: number;
  /** band only: the green distance from the centre. */
  tolerance: number | null;
  aggregation: KpiAggregation;
  frequency: 'weekly' | 'monthly' | 'quarterly';
  owner: string | null;
  builtin: boolean;
  derived: boolean;
  /** Inputs feed derived KPIs (e.g. key actions) and are not scored themselves. */
  input: boolean;
  sortOrder: number;
}

export interface KpiObservation {
  kpiId: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  value: number;
  initiativeId: number | null;
  segment: string | null;
  batchId: number | null;
  sourceRow: number | null;
}

export type RagStatus = 'green' | 'amber' | 'red' | 'no_data';
export type Trend = 'improving' | 'worsening' | 'flat' | 'no_data';

export interface WorkspaceSettings {
  name: string;
  companyName: string;
  currency: string;
  fiscalStartMonth: number;
  varianceGreen: number; // fraction, 0.05
  varianceAmber: number; // fraction, 0.10
  discountRate: number; // annual fraction, 0.10
  focusCostBasis: 'effective' | 'billed';
  initiativeTagKey: string;
  /** IANA zone whose calendar dates imported timestamps fall on, unless a mapping names its own. */
  importTimeZone: string;
  pageSize: 'A4' | 'Letter';
  preparedBy: string;
  confidentiality: string;
  logoDataUrl: string | null;
  anomalyMadFactor: number;
  anomalyMinPct: number;
  anomalyMinAmount: number; // major units
  /**
   * The plausible years (inclusive): an imported date or period outside them is a problem on its row, and a
   * report period outside them is refused (a date in year 9999 is a typo, not a quarter to open on).
   */
  earliestYear: number;
  latestYear: number;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = {
  name: 'Untitled workspace',
  companyName: 'Your company',
  currency: 'USD',
  fiscalStartMonth: 1,
  varianceGreen: 0.05,
  varianceAmber: 0.1,
  discountRate: 0.1,
  focusCostBasis: 'effective',
  initiativeTagKey: 'initiative',
  importTimeZone: 'UTC',
  pageSize: 'A4',
  preparedBy: 'Office of the Chief AI Officer',
  confidentiality: 'Confidential — board use only',
  logoDataUrl: null,
  anomalyMadFactor: 3,
  anomalyMinPct: 0.25,
  anomalyMinAmount: 1000,
  ...DEFAULT_YEAR_RANGE,
};

export interface ImportBatch {
  id: number;
  kind: DataKind;
  format: string;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  sheet: string | null;
  importedAt: string;
  rows: number;
  excluded: number;
  total: Micro | null;
  currency: string | null;
  status: 'committed' | 'undone';
  undoneAt: string | null;
  /** The file's own total reconciled at import ("file total … = imported ✓"); null without total rows. */
  reconciliation: string | null;
}
