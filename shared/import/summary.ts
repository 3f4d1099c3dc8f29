import type { InitiativeMatchProposal } from './initiativeMatch';
import type { ColumnChoice } from './columnRoles';
import type { Reconciliation } from './controlRows';
import type { DetectedFormat } from './formats';
import { sourceOf } from './sources';
import type { ImportKind, ImportMapping } from './mapping';
import type { ImportProblem } from './problems';
import type { KindCandidate } from './propose';
import type { ImportRecord } from './records';

export type { ColumnCandidate, ColumnChoice } from './columnRoles';
export type { KindCandidate } from './propose';
export type { ControlRow, ExactAmount, FileTotal, Reconciliation } from './controlRows';

/** What a file is, read from its bytes: delimited text, an Excel workbook, a Parquet file, JSON records. */
export type ContainerType = 'csv' | 'xlsx' | 'parquet' | 'json';

/** The format name reported for a batch: the vendor layout, or the container for a generic table. */
export function reportedFormat(format: DetectedFormat['format'], container: ContainerType): string {
  if (format === 'generic') return container;
  const source = sourceOf(format);
  return source?.reported ?? format;
}

export interface CurrencyTotal {
  currency: string;
  /** Exact sum in micro-units (as a decimal string: it may exceed 2^53 before rounding). */
  micro: string;
  /** Major units rounded to cents, half away from zero ("1234.57"). */
  cents: string;
}

/** Rows the mapping's filters did not keep (never problems): how many, and by reason with their first rows. */
export interface FilteredRows {
  rows: number;
  reasons: { reason: string; rows: number; firstRows: number[] }[];
}

/** What the user sees before committing (and what `--dry-run` prints). */
export interface ImportPreview {
  fileName: string;
  fileSize: number;
  sha256: string;
  container: ContainerType;
  encoding: string | null;
  delimiter: string | null;
  sheets: { name: string; hidden: boolean }[];
  sheet: string | null;
  headerRow: number;
  headers: string[];
  format: string;
  formatLabel: string;
  kind: ImportKind | null;
  mapping: ImportMapping | null;
  mappingSource: 'given' | 'saved' | 'builtin' | 'proposed' | null;
  savedMapping: { id: number; name: string } | null;
  /**
   * Field → why its column is read as it, in sentences: the header's words (any of seven languages) and
   * what the first rows hold ("Betrag (EUR)": German "betrag"; 25/25 values are amounts with decimal comma).
   */
  evidence: Record<string, string[]>;
  /** Fields two columns could fill about equally well: none is read until the user chooses (CLI: --column). */
  columnChoices: ColumnChoice[];
  /** When the kind was inferred: the kinds the file could hold, best first, each with its fit and why. */
  kindCandidates: KindCandidate[];
  /** The best two kinds are too close to pick: nothing is mapped until the user chooses (CLI: --as). */
  kindUndecided: boolean;
  /** Decided from all rows when the mapping left them open (null: the rows do not decide: ask). */
  decimal: '.' | ',' | null;
  dateOrder: 'ymd' | 'mdy' | 'dmy' | null;
  /** The zone timestamps are bucketed to: the mapping's, else the workspace's import time zone. */
  timeZone: string;
  unmappedColumns: string[];
  /**
   * What the user should know that is not a problem: amounts whose currency the file does not name, booked
   * as the workspace currency ("no currency in the file: booked as USD (workspace currency)"), a "$" read
   * as the workspace's dollar.
   */
  notes: string[];
  /** The first records as they will be stored (initiatives still by name). */
  sample: ImportRecord[];
  counts: {
    dataRows: number;
    valid: number;
    invalid: number;
    totalRowsExcluded: number;
    records: number;
    /** Rows the mapping's filters left out (see `filtered`). */
    filtered: number;
  };
  /** Rows the mapping's filters left out, by reason ("Type is "Income" (keeping Type = Expense)"). */
  filtered: FilteredRows;
  totals: CurrencyTotal[];
  /**
   * The file's totals and subtotals (left out, each checked exactly against the rows it covers), its own
   * total against the imported sum, and the notes below the table left out. A mismatch blocks the commit
   * until accepted (`acceptTotalMismatch`).
   */
  reconciliation: Reconciliation;
  /** Problems by row and column (listed up to a cap; problemCount counts all). */
  problems: ImportProblem[];
  problemCount: number;
  /** Initiatives named in the file that the workspace does not have: the import creates them. */
  newInitiatives: { name: string; row: number }[];
  /**
   * New names close to an initiative the workspace has ("Support Copilot" → "Customer Support Copilot"),
   * each proposed as it: the user confirms (the request's `initiativeMatches`) or lets the import create it.
   */
  initiativeProposals: InitiativeMatchProposal[];
  /** Names the request matched to existing initiatives: their rows are stored under those. */
  matchedInitiatives: { name: string; initiative: string }[];
  dateRange: { from: string; to: string } | null;
  /** The same file (same SHA-256) was already imported and not undone. */
  duplicateOf: { batch: number; importedAt: string } | null;
  /**
   * Batches of the same kind already holding data in the months this file covers (append or replace):
   * `rows` of theirs in those months, `batchRows` in all (replacing undoes the whole batch), and the months
   * their data spans.
   */
  overlaps: ImportOverlap[];
  /** False when committing would be rejected (file-level problems, or invalid rows without skip-invalid). */
  canCommit: boolean;
  blockers: string[];
}

export interface ImportOverlap {
  batch: number;
  fileName: string;
  /** The batch's stored records (lines, observations) dated in the months this file covers. */
  rows: number;
  /** All the batch's stored records: replacing undoes every one of them. */
  batchRows: number;
  /** The first and last month of the batch's data. */
  from: string;
  to: string;
}

/** The summary of a committed batch (the CLI's `--json`). */
export interface ImportSummary {
  batch: number | null;
  kind: ImportKind;
  format: string;
  /** Records stored: lines, budget months, observations (a KPI row with months as columns stores one per month). */
  rows: number;
  /** Data rows read below the header (blank rows not counted; Total rows and rows left out are). */
  sourceRows: number;
  excluded: number;
  problems: ImportProblem[];
  total: number | null;
  currency: string | null;
  fileName: string;
  sheet: string | null;
  sha256: string;
  createdInitiatives: string[];
  /** Names in the file stored under an existing initiative, as the user matched them. */
  matchedInitiatives: { name: string; initiative: string }[];
  /**
   * Initiatives this import created (or, on a dry run, would create) whose name is close to one the workspace
   * had: the CLI says which, with the `--match-initiative` that stores the rows under it instead.
   */
  initiativeProposals: Omit<InitiativeMatchProposal, 'row'>[];
  savedMapping: { id: number; name: string } | null;
  /** Batches undone because this import replaced their period (overlap: replace). */
  replacedBatches: number[];
  /** As the preview's: currencies the file does not name and what they were booked as. */
  notes: string[];
  /** Field → why its column was read as it (see ImportPreview.evidence). */
  evidence: Record<string, string[]>;
  /** As the preview's; stored with the batch. */
  reconciliation: Reconciliation;
  /** Rows the mapping's filters left out, by reason (the filters are in the batch's mapping). */
  filtered: FilteredRows;
}
