/**
 * The report model: the one structure, built by the service for one fiscal quarter, that feeds the
 * dashboard, the PDF and Excel packs and `report --json`. Nothing downstream recomputes a figure:
 * it formats what is here and, on request, shows the figure's explanation.
 *
 * Money is integer micro-units of `currency` (format with `microToMajor` / `microToCentsString`);
 * ratios are fractions (0.125 = 12.5%); months are `YYYY-MM`, dates `YYYY-MM-DD`.
 */
import type {
  CommitmentType,
  Confidence,
  KpiAggregation,
  KpiCategory,
  KpiDirection,
  KpiUnit,
  RagStatus,
  RiskTier,
  SpendCategory,
  Stage,
  Trend,
} from './domain';
import type { IsoDate, Month } from './fiscal';
import type { Micro } from './money';

export const REPORT_MODEL_VERSION = 1;

/** Key of an entry in `ReportModel.explanations`. */
export type ExplainKey = string;

/** A money figure and where it comes from. */
export interface MoneyFigure {
  micro: Micro;
  explain: ExplainKey;
}

/** A ratio (fraction) or other number that may be undefined (e.g. ROI when cost is 0). */
export interface NumberFigure {
  value: number | null;
  explain: ExplainKey;
}

// ---------------------------------------------------------------------------------------------
// Explanations: "where does this number come from?"

export type ExplanationSource =
  | 'spend'
  | 'budget'
  | 'benefits'
  | 'kpi_observations'
  | 'initiatives'
  | 'fx_rates'
  | 'commitments'
  | 'settings'
  | 'figure';

/** One input of a figure: a sum of stored lines (with how many and from which import batches) or another figure. */
export interface ExplanationInput {
  label: string;
  source: ExplanationSource;
  /** Money inputs: the exact sum in micro-units of the reporting currency. */
  micro?: Micro;
  /** Non-money inputs (counts, KPI values, rates, settings). */
  value?: number | string | null;
  /** How to show `value`: a fraction shown as a percentage (rates); a plain number when absent. */
  unit?: 'ratio';
  /** Stored lines summed into this input (spend/budget/benefit lines, observations, initiatives). */
  lineCount: number;
  /** Import batches the lines came from (ids into `ReportModel.batches`), ascending. */
  batchIds: number[];
  /** Lines entered without an import batch (e.g. generated demo data), if any. */
  unbatchedLineCount?: number;
  /** When the input is another figure of the report. */
  ref?: ExplainKey;
}

export type ExplanationUnit = 'money' | 'ratio' | 'months' | 'month' | 'days' | 'count' | 'number' | 'status';

export interface Explanation {
  key: ExplainKey;
  /** What the figure is, e.g. "Portfolio cost, FY2026-Q3". */
  label: string;
  /** The formula in words, e.g. "Realized benefit − cost, divided by cost". */
  formula: string;
  unit: ExplanationUnit;
  /** The figure itself (micro-units for money). */
  result: number | string | null;
  inputs: ExplanationInput[];
  notes: string[];
}

/** An import batch referenced by an explanation: what the auditor needs to find the file. */
export interface BatchRef {
  id: number;
  kind: string;
  format: string;
  fileName: string;
  fileSha256: string;
  sheet: string | null;
  importedAt: string;
  /**
   * The file's own total reconciled when it was imported ("file total 599,032.33 EUR = imported ✓", or the
   * difference ✗); null when the file had no total rows.
   */
  reconciliation: string | null;
  /**
   * How the file was read, as its preview said ("amounts are net of credits …: cost 1,234.56 − credits 210.38
   * = 1,024.18 USD", "annual amounts spread over 12 months: 300 rows → 3,600 monthly lines …"); empty for
   * absent for batches imported before these were kept (and in earlier packs' records).
   */
  notes?: string[];
}

// ---------------------------------------------------------------------------------------------
// Sections

export interface PeriodInfo {
  label: string; // FY2026-Q3
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
  months: [Month, Month, Month];
  start: IsoDate;
  /** Figures are computed as of this day; data dated later is ignored. */
  end: IsoDate;
  fiscalYearStart: Month;
  fiscalYearEnd: Month;
  previous: string; // FY2026-Q2
}

export interface PortfolioHeadline {
  /** All spend in the period, shared platform included. */
  cost: MoneyFigure;
  /** Spend with no initiative in the period (in `cost`, not allocated to initiatives). */
  sharedPlatformCost: MoneyFigure;
  /** Realized benefit in the period. */
  benefit: MoneyFigure;
  /** Projected benefit in the period, shown apart, never in ROI. */
  projectedBenefit: MoneyFigure;
  /** (benefit − cost) / cost; null when cost is 0. */
  roi: NumberFigure;
  cumulativeCost: MoneyFigure;
  cumulativeBenefit: MoneyFigure;
  cumulativeProjectedBenefit: MoneyFigure;
  /** Over everything up to the period's end. */
  cumulativeRoi: NumberFigure;
  /**
   * Net present value of the monthly net cash flows (realized benefit − cost), from the first month with spend
   * or realized benefit to the period's end, discounted to that first month at the monthly equivalent of the
   * workspace's annual discount rate (`assumptions`). Every NPV of the report is stated at that same month,
   * so the initiatives' NPVs plus `sharedPlatformNpv` add up to this one (to rounding).
   */
  npv: MoneyFigure;
  /** NPV of the spend with no initiative (costs only), discounted to the same month as `npv`. */
  sharedPlatformNpv: MoneyFigure;
  /** Internal rate of return of those flows, as an ANNUAL fraction ((1 + monthly IRR)^12 − 1); null where undefined. */
  irr: NumberFigure;
  initiativeCount: number;
}

export interface InitiativeReport {
  id: number;
  name: string;
  owner: string | null;
  businessUnit: string | null;
  stage: Stage;
  riskTier: RiskTier;
  cost: MoneyFigure;
  benefit: MoneyFigure;
  projectedBenefit: MoneyFigure;
  roi: NumberFigure;
  cumulativeCost: MoneyFigure;
  cumulativeBenefit: MoneyFigure;
  cumulativeProjectedBenefit: MoneyFigure;
  cumulativeRoi: NumberFigure;
  /** Months from the first month with spend (counted as 1) to the first month cumulative benefit ≥ cumulative cost. */
  paybackMonths: NumberFigure;
  /** First month with spend, if any. */
  firstSpendMonth: Month | null;
  /** The 18 months ending with the period (from the initiative's first month with data): for its monthly chart. */
  monthly: InitiativeMonth[];
  /** As the portfolio's, over the initiative's own flows, discounted to the portfolio's first month (see `PortfolioHeadline.npv`). */
  npv: MoneyFigure;
  /** Annual fraction; null where undefined or ambiguous. */
  irr: NumberFigure;
  /**
   * Imported KPIs observed for this initiative in the period or the 5 quarters before it (the sparkline's
   * window), in catalogue order; a KPI without an observation this quarter shows as no data. Derived KPIs
   * (ROI, payback…) are the figures above, not repeated here.
   */
  kpis: InitiativeKpiReport[];
  /**
   * How far cumulative realized benefit could fall before cumulative ROI reaches zero: benefit − cost (negative
   * when already below), and that as a share of the benefit. Blank where cumulative ROI is (no cost).
   */
  breakEven: { margin: MoneyFigure; share: NumberFigure };
}

/** One initiative's month: its spend and its realized and projected benefit dated in the month. */
export interface InitiativeMonth {
  month: Month;
  cost: Micro;
  benefit: Micro;
  projectedBenefit: Micro;
}

/** Budget vs actual for one slice (a category, a vendor, a month). */
export interface BudgetSlice {
  budget: MoneyFigure;
  actual: MoneyFigure;
  /** actual − budget (positive = over-spend). */
  variance: MoneyFigure;
  /** variance / budget; null when budget is 0. */
  variancePct: NumberFigure;
  status: RagStatus;
}

export interface CategoryBudget extends BudgetSlice {
  /** A spend category, or null for budget lines entered without a category. */
  category: SpendCategory | null;
  label: string;
}

export interface VendorSpend {
  vendor: string; // '' = no vendor on the lines
  label: string;
  actual: MoneyFigure;
  lineCount: number;
}

export interface BudgetMonth {
  month: Month;
  budget: Micro;
  /** null for months after the period's end (not yet reported). */
  actual: Micro | null;
  cumulativeBudget: Micro;
  cumulativeActual: Micro | null;
}

export interface BudgetReport extends BudgetSlice {
  /** Thresholds used for the status (fractions of budget; |variance %| ≤ green is green, ≤ amber is amber). */
  thresholds: { green: number; amber: number };
  annualBudget: MoneyFigure;
  ytdBudget: MoneyFigure;
  ytdActual: MoneyFigure;
  /** Fiscal-YTD actual + mean of the last 3 complete months × months left in the fiscal year. */
  forecastYearEnd: MoneyFigure;
  forecastVariance: MoneyFigure;
  forecastVariancePct: NumberFigure;
  forecastStatus: RagStatus;
  monthsLeftInYear: number;
  /** The forecast's 80% range (docs/metrics.md); null with fewer than 3 complete months of actuals. */
  forecastRange: ForecastRange | null;
  /** The forecast as it was computed at each earlier quarter end of this and the previous fiscal year. */
  forecastTrackRecord: ForecastTrackRecordEntry[];
  byCategory: CategoryBudget[];
  byVendor: VendorSpend[];
  /** Every month of the fiscal year, budget vs actual. */
  monthly: BudgetMonth[];
  monthlyExplain: ExplainKey;
}

/** forecast ± z × σ × √(months left), ends rounded to the cent, low clamped at the fiscal-YTD actual. */
export interface ForecastRange {
  low: MoneyFigure;
  high: MoneyFigure;
  /** Coverage of the range: 0.8. */
  level: number;
  /** The method in words, as the CLI JSON and the pack state it. */
  method: string;
  /** The normal quantile used (1.2816). */
  z: number;
  /** Sample standard deviation of `months`' actuals, micro-units (floating point: σ is irrational). */
  sigma: number;
  /** The complete months σ is computed over (at most 12, ending with the as-of month), with their actuals. */
  months: { month: Month; actual: Micro }[];
  monthsLeft: number;
  /** The low end was raised to the fiscal-YTD actual. */
  lowClamped: boolean;
  explain: ExplainKey;
}

/** One earlier quarter end's year-end forecast (recomputed as of that day) against the year's actual. */
export interface ForecastTrackRecordEntry {
  /** The quarter whose end the forecast is as of, e.g. FY2026-Q1. */
  period: string;
  asOf: IsoDate;
  fiscalYear: number;
  forecastYearEnd: MoneyFigure;
  /** The fiscal year's actual spend; null while that fiscal year is not complete as of the report's period. */
  actualYearEnd: MoneyFigure | null;
  /** (forecast − actual) / actual; null while the actual is null or 0. */
  errorPct: NumberFigure;
}

export interface KpiHistoryPoint {
  period: string; // FY2026-Q1
  value: number | null;
  status: RagStatus;
  /** The target in force that quarter (targets have history: a quarter keeps the target it had). */
  target: number;
}

/** A KPI's target, amber threshold and tolerance as one version of its target history. */
export interface KpiTargetVersion {
  target: number;
  amber: number;
  tolerance: number | null;
}

/** The KPI's target changed this quarter: what was in force last quarter and what is now. */
export interface KpiTargetChange {
  from: KpiTargetVersion;
  to: KpiTargetVersion;
  /** The quarter the new target is in force from (this one). */
  effectiveFrom: string;
  changedAt: string;
  note: string | null;
}

/** A KPI's quarter value scored against its target: what a scorecard row and an initiative's KPI row show. */
export interface KpiScore {
  id: string;
  name: string;
  category: KpiCategory;
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  /** Quarter value (the KPI's aggregation of the quarter's observations, or computed for derived KPIs). */
  value: number | null;
  previousValue: number | null;
  target: number;
  amber: number;
  /** Band KPIs: the green distance from the target. */
  tolerance: number | null;
  status: RagStatus;
  trend: Trend;
  /** Observations used for the quarter value (0 for derived KPIs). */
  observationCount: number;
  /** Oldest first, ending with this period: 6 quarters for sparklines. */
  history: KpiHistoryPoint[];
  /** Set when the target in force this quarter differs from last quarter's. */
  targetChange: KpiTargetChange | null;
  explain: ExplainKey;
}

export interface KpiReport extends KpiScore {
  derived: boolean;
}

/**
 * A KPI observed for one initiative (observations carrying its id): the quarter's value by the KPI's own
 * aggregation over those observations only, scored with the KPI's target and thresholds like the scorecard.
 */
export interface InitiativeKpiReport extends KpiScore {
  /** Import batches of the quarter's observations (ids into `ReportModel.batches`), ascending. */
  batchIds: number[];
}

export type AnomalyDimension = 'vendor' | 'category' | 'initiative';

export interface AnomalyContributor {
  dimension: AnomalyDimension;
  key: string;
  label: string;
  /** This month's amount − the contributor's trailing 6-month mean. */
  change: Micro;
}

export interface Anomaly {
  dimension: AnomalyDimension;
  /** vendor name, category, or initiative id ('0' = shared platform). */
  key: string;
  label: string;
  month: Month;
  amount: Micro;
  /** Median of the trailing 6 months (micro-units, rounded half away from zero). */
  baselineMedian: Micro;
  /** amount − baseline median. */
  deviation: Micro;
  /** deviation / baseline median; null when the median is 0. */
  deviationPct: number | null;
  /** |deviation| / MAD; null when the MAD is 0. */
  madMultiple: number | null;
  direction: 'spike' | 'drop';
  /** Largest changes by the other two dimensions, biggest first. */
  contributors: AnomalyContributor[];
  explain: ExplainKey;
}

export interface AnomalySettings {
  madFactor: number;
  minPct: number;
  minAmount: Micro;
  baselineMonths: number;
}

export type ExhaustionStatus =
  /** Cumulative fiscal-year actual already reached the annual budget. */
  | 'exhausted'
  /** Runs out before the fiscal year ends at the current burn. */
  | 'within_year'
  /** Lasts past the fiscal year end. */
  | 'after_year_end'
  | 'no_budget'
  /** Burn ≤ 0: never runs out at this rate. */
  | 'no_burn';

export interface RunRateLine {
  /** null = portfolio (all categories). */
  category: SpendCategory | null;
  label: string;
  /** Mean monthly spend of the last 3 complete months. */
  monthlyBurn: MoneyFigure;
  annualBudget: MoneyFigure;
  ytdActual: MoneyFigure;
  /**
   * Month in which cumulative fiscal-year spend reaches the annual budget at this burn: a past month when
   * 'exhausted', within the fiscal year when 'within_year', after its end when 'after_year_end'; null for
   * 'no_budget' and 'no_burn'. (This is the report's budget exhaustion, per category and for the portfolio.)
   */
  exhaustionMonth: Month | null;
  exhaustionStatus: ExhaustionStatus;
  explain: ExplainKey;
}

export interface RunRateReport {
  /** The 3 complete months the burn is the mean of. */
  months: Month[];
  portfolio: RunRateLine;
  byCategory: RunRateLine[];
}

export interface UnitCostPoint {
  /** A month (YYYY-MM) or a quarter label. */
  period: string;
  /** model_api + compute spend. */
  inferenceCost: Micro;
  /** Key actions served (sum of the key_actions observations). */
  keyActions: number | null;
  /** Currency units per key action (not micro): inferenceCost / 1e6 / keyActions; null without actions. */
  costPerAction: number | null;
  explain: ExplainKey;
}

export interface UnitEconomicsReport {
  months: UnitCostPoint[];
  quarter: UnitCostPoint;
  previousQuarter: UnitCostPoint;
  /** (this quarter − previous) / previous cost per action; null when either is undefined or previous is 0. */
  qoqChange: number | null;
}

export interface CumulativePoint {
  month: Month;
  cost: Micro;
  benefit: Micro;
  projectedBenefit: Micro;
  cumulativeCost: Micro;
  cumulativeBenefit: Micro;
  cumulativeProjectedBenefit: Micro;
}

/**
 * One entry of the assumption register: the benefit lines of one initiative, of one kind (realized or
 * projected), that name the same assumption (a ranged line naming none is an entry of its own), dated on or
 * before the period's end. Amounts in the reporting currency; a line without a range counts at its amount in
 * both `low` and `high`.
 */
export interface AssumptionRegisterEntry {
  /** As written on the lines; null for lines that name none. */
  assumption: string | null;
  initiativeId: number;
  initiative: string;
  realized: boolean;
  lines: number;
  /** Lines with a range (low < high). */
  rangedLines: number;
  firstDate: IsoDate;
  lastDate: IsoDate;
  base: MoneyFigure;
  low: MoneyFigure;
  high: MoneyFigure;
  /** The stated currencies of the lines (their range is stated in them). */
  currencies: string[];
  /** The lines' value when they all agree; `several` when they differ; null when none states one. */
  owner: string | null;
  source: string | null;
  confidence: Confidence | 'several' | null;
  /** The oldest evidence date of the lines, and its age in days at the period's end (negative: after it). */
  evidenceDate: IsoDate | null;
  evidenceAgeDays: number | null;
  /** Latest edit of these lines' register fields in the app; null when all are as imported. */
  editedAt: string | null;
  /** The benefit line ids (the initiative view edits them one by one). */
  lineIds: number[];
}

export interface SensitivityBand<F> {
  p10: F;
  p50: F;
  p90: F;
}

/** One bar of the tornado: the portfolio NPV with one assumption at its low, then its high, the rest at base. */
export interface SensitivityDriver {
  assumption: string;
  /** The initiative whose lines name it; null when several do (see `initiatives`). */
  initiative: string | null;
  initiatives: string[];
  npvLow: MoneyFigure;
  npvHigh: MoneyFigure;
}

/**
 * The portfolio NPV and cumulative ROI when the benefit ranges are taken as uncertain (see DESIGN.md's
 * metric definitions): percentiles over `draws` seeded draws, and the one-at-a-time swings.
 */
export interface SensitivityReport {
  method: string;
  draws: number;
  /** The generator's seed (32-bit): FNV-1a of the workspace id, the period and the ranged lines. */
  seed: number;
  npv: SensitivityBand<MoneyFigure>;
  cumulativeRoi: SensitivityBand<NumberFigure>;
  /** Sorted by |npvHigh − npvLow|, largest first. */
  drivers: SensitivityDriver[];
  /** Realized lines dated to the period end with a range: the lines the bands vary. */
  rangedLines: number;
  /** Ranged lines the bands cannot vary: projected ones (in neither NPV nor ROI, as defined). */
  projectedRangedLines: number;
  explain: ExplainKey;
}

/** Where a commitment stands on the as-of date (shared/metrics/commitments.ts). */
export type CommitmentPhase = 'not_started' | 'active' | 'ended';
/** What the current run rate says about a commitment (docs/metrics.md, "Commitments and prepaid credits"). */
export type CommitmentOutcome = 'overrun' | 'used_up' | 'runs_out_early' | 'under_used' | 'on_track';

/**
 * A commitment or prepaid credit with a vendor, drawn down by that vendor's spend in its window, with
 * when it runs out (or how much is left unused at its end) at the vendor's current 3-month run rate.
 */
export interface CommitmentReport {
  /** The stored commitment's id. */
  id: number;
  vendor: string;
  type: CommitmentType;
  start: IsoDate;
  end: IsoDate;
  /** As stated, in its own currency. */
  statedAmount: Micro;
  statedCurrency: string;
  initiative: string | null;
  description: string | null;
  /** In the reporting currency (converted at its start month's rate when stated in another). */
  amount: MoneyFigure;
  /** Spend with the vendor dated in the window, up to the period's end. */
  used: MoneyFigure;
  /** amount − used; negative is an overrun. */
  remaining: MoneyFigure;
  /** The vendor's mean monthly spend over the last 3 complete months. */
  monthlyRate: MoneyFigure;
  /** The day the remaining amount runs out at that rate; null at a zero rate, once used or after the end. */
  runOutDate: IsoDate | null;
  /** Left unused at its end at that rate (0 when it runs out first). */
  projectedUnused: MoneyFigure;
  /** projectedUnused ÷ amount. */
  projectedUnusedShare: number;
  /** The share's explanation (a warning quotes it: "$69,446.08 (15.4%) will be unused"). */
  projectedUnusedShareExplain: ExplainKey;
  phase: CommitmentPhase;
  outcome: CommitmentOutcome;
  /** The warning a reader must see (runs out before its end, under-used, overrun), in words; null when on track. */
  warning: string | null;
  /** The outlook's explanation: run-out date, unused amount and the warning, with their inputs. */
  explain: ExplainKey;
  batchId: number | null;
  sourceRow: number | null;
}

export interface ReportModel {
  version: typeof REPORT_MODEL_VERSION;
  period: PeriodInfo;
  currency: string;
  /** Settings that shaped the figures, so a pack states what it was computed with. */
  assumptions: {
    fiscalStartMonth: number;
    discountRateAnnual: number;
    discountRateMonthly: number;
    varianceGreen: number;
    varianceAmber: number;
    anomalies: AnomalySettings;
  };
  /** Latest month with any spend on or before the period's end (null if none). */
  dataThrough: Month | null;
  portfolio: PortfolioHeadline;
  initiatives: InitiativeReport[];
  budget: BudgetReport;
  kpis: KpiReport[];
  anomalies: Anomaly[];
  runRate: RunRateReport;
  unitEconomics: UnitEconomicsReport;
  /** From the first month with data to the period's end. */
  cumulative: CumulativePoint[];
  cumulativeExplain: ExplainKey;
  /** Benefit lines' assumptions, ranges and evidence, dated on or before the period's end. */
  assumptionRegister: AssumptionRegisterEntry[];
  sensitivity: SensitivityReport;
  /** Commitments and prepaid credits in force during the fiscal year to the period's end, by start date. */
  commitments: CommitmentReport[];
  explanations: Record<ExplainKey, Explanation>;
  /** Import batches referenced by explanations, by id. */
  batches: Record<number, BatchRef>;
  /** Things a reader should know (e.g. a currency converted with FX rates, a quarter not yet complete). */
  notes: string[];
}
