import type { Commentary } from '../api/workspace';
import type {
  ImportBatch,
  Initiative,
  KpiDefinition,
  KpiDirection,
  KpiUnit,
  RagStatus,
  WorkspaceSettings,
} from '../domain';
import type { BatchRef, ExplainKey, Explanation, KpiTargetVersion, ReportModel } from '../report';
import type { MetricDefinition } from './definitions';

/** A red KPI that has no commentary for the quarter: blocks an export unless explicitly overridden. */
export interface PreflightIssue {
  kind: 'red_kpi_without_commentary' | 'no_data_kpi' | 'no_summary' | 'no_decisions' | 'quarter_incomplete';
  /** Blocking issues stop an export unless the user overrides them. */
  blocking: boolean;
  ref: string;
  message: string;
}

export interface Preflight {
  period: string;
  /** True when nothing blocks the export. */
  ok: boolean;
  issues: PreflightIssue[];
}

/** A figure compared between the last pack and now. Money in micro-units, ratios as fractions. */
export interface FigureMove {
  key: string;
  label: string;
  unit: 'money' | 'ratio';
  from: number | null;
  to: number | null;
  /** to − from (micro-units for money, fraction points for ratios); null when either is missing. */
  change: number | null;
  /** change / |from|; null when from is 0 or missing. */
  changePct: number | null;
  /** The figure's explanation in the current report, and in the earlier model (PackChanges.earlier). */
  explain: ExplainKey | null;
  fromExplain: ExplainKey | null;
}

export interface StatusChange {
  id: string;
  name: string;
  from: RagStatus;
  to: RagStatus;
  /** The KPI's explanation in the current report, and in the earlier model (PackChanges.earlier). */
  explain: ExplainKey | null;
  fromExplain: ExplainKey | null;
  /**
   * 'target': the value scored against the earlier target would have kept the earlier status, so the status
   * changed because the target changed (listed with the target changes, not as performance).
   */
  cause: 'performance' | 'target';
}

/** A KPI whose target, amber threshold or tolerance differs from the earlier pack's. */
export interface TargetChange {
  id: string;
  name: string;
  unit: KpiUnit;
  direction: KpiDirection;
  from: KpiTargetVersion;
  to: KpiTargetVersion;
  /** The quarter the new target is in force from, when the report knows it. */
  effectiveFrom: string | null;
  note: string | null;
  /** The status in the earlier pack and now. */
  statusFrom: RagStatus;
  statusTo: RagStatus;
  /** 'target': the status changed only because the target did; 'performance': the value moved it too. */
  statusCause: 'none' | 'target' | 'performance';
  explain: ExplainKey | null;
}

export interface ImportedSince {
  id: number;
  kind: string;
  fileName: string;
  rows: number;
  importedAt: string;
}

export interface PackChanges {
  /** What the comparison is against: the last pack exported for an earlier quarter, else last quarter's figures. */
  basis: 'snapshot' | 'previous_quarter' | 'none';
  againstPeriod: string | null;
  againstCreatedAt: string | null;
  againstSnapshotId: number | null;
  statusChanges: StatusChange[];
  /** KPIs whose target or thresholds changed since, in scorecard order. */
  targetChanges: TargetChange[];
  /** Largest moves first. */
  movers: FigureMove[];
  importedSince: ImportedSince[];
  /**
   * The earlier model's explanations of the figures listed (and the batches they name), as recorded in the
   * last pack's snapshot or computed for last quarter: where each "was" value comes from. Left out of the
   * print view's copy (slimPackData), as the report's own explanations are.
   */
  earlier: { explanations: Record<ExplainKey, Explanation>; batches: Record<number, BatchRef> } | null;
}

/** Everything the print view and the Excel pack format: one fetch, nothing recomputed. */
export interface PackData {
  period: string;
  report: ReportModel;
  settings: WorkspaceSettings;
  commentary: Commentary[];
  kpiDefinitions: KpiDefinition[];
  initiatives: Initiative[];
  /** Committed import batches, oldest first (the data sources appendix). */
  batches: ImportBatch[];
  changes: PackChanges;
  preflight: Preflight;
  /** The formulas the pack states (appendix and Definitions sheet), in the model's own words. */
  definitions: MetricDefinition[];
  /** SHA-256 of the pack's inputs (report model, commentary, pack settings): equal inputs, equal hash. */
  inputsSha256: string;
}

export interface PackFile {
  kind: 'pdf' | 'xlsx' | 'pptx';
  path: string;
  name: string;
  sha256: string;
  bytes: number;
}

export interface PackSnapshot {
  id: number;
  period: string;
  createdAt: string;
  inputsSha256: string;
  files: PackFile[];
}

export interface PackExportResult {
  period: string;
  outDir: string;
  files: PackFile[];
  snapshot: PackSnapshot;
  preflight: Preflight;
  /** Things the user should know (e.g. red KPIs exported without commentary by override). */
  warnings: string[];
  /** The same quarter was exported before from different inputs: figures were restated. */
  restatedSince: PackSnapshot | null;
}
