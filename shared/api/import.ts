import { z } from 'zod';
import {
  IMPORT_KINDS,
  ImportMappingSchema,
  RowFilterSchema,
  type ImportKind,
  type ImportMapping,
} from '../import/mapping';
import type { ImportProblem } from '../import/problems';
import type { ImportPreview, ImportSummary } from '../import/summary';
import { Empty, Id, method } from './contract';

export type { ImportPreview, ImportSummary, ImportProblem, ImportMapping, ImportKind };
export type { ColumnCandidate, ColumnChoice, CurrencyTotal, KindCandidate } from '../import/summary';
export type { ImportRecord } from '../import/records';

/** An uploaded file (POST /upload or the file dialog) and how to read it; everything but the file is optional. */
export const ImportRequest = z
  .object({
    fileId: z.string().min(1).max(100),
    as: z.enum(['auto', ...IMPORT_KINDS]).default('auto'),
    sheet: z.string().min(1).max(200).optional(),
    /** The mapping as adjusted in the wizard; omitted: saved for this layout, built-in, or proposed. */
    mapping: ImportMappingSchema.optional(),
    /**
     * Field → column the user chose between close candidates (the preview's `columnChoices`), over the
     * proposed mapping; the CLI's `--column FIELD=COLUMN`.
     */
    columns: z
      .record(z.string().regex(/^[A-Za-z]{1,40}$/), z.string().min(1).max(500))
      .refine((r) => Object.keys(r).length <= 40, { message: 'at most 40 column choices' })
      .optional(),
    basis: z.enum(['effective', 'billed']).optional(),
    /**
     * The file writes costs negative (true: flip every amount's sign) or not (false), over the mapping and
     * the proposal; the CLI's `--negate` / `--no-negate`.
     */
    negate: z.boolean().optional(),
    /** Rows to keep ("Type = Expense"), over the mapping's filters; the CLI's `--where`. */
    where: z.array(RowFilterSchema).max(20).optional(),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    skipInvalid: z.boolean().default(false),
    /**
     * Import although the file's own total (or a subtotal) does not equal the rows it covers; without it
     * such a file is refused, the preview saying by how much (`reconciliation`).
     */
    acceptTotalMismatch: z.boolean().default(false),
    /**
     * Names in the file the user matched to initiatives the workspace has (a preview's
     * `initiativeProposals`, confirmed): their rows are stored under those, nothing new is created. The CLI's
     * `--match-initiative NAME=INITIATIVE`.
     */
    initiativeMatches: z
      .array(z.object({ name: z.string().min(1).max(500), initiative: z.string().min(1).max(500) }).strict())
      .max(1000)
      .default([]),
    /** Rows (by row number, as the preview lists them) the user leaves out; the batch records them. */
    excludeRows: z.array(z.number().int().positive()).max(1_000_000).default([]),
  })
  .strict();

export const ImportStartRequest = ImportRequest.extend({
  /** Import a file already imported (same SHA-256) on purpose. */
  allowDuplicate: z.boolean().default(false),
  /** Data already imported for the same dates: keep it (append) or undo those batches (replace). */
  overlap: z.enum(['append', 'replace']).default('append'),
  /** Name to remember the mapping under (default: format and file name). */
  mappingName: z.string().trim().min(1).max(200).optional(),
}).strict();

export const JobId = z.object({ jobId: z.string().min(1).max(100) }).strict();

export type ImportJobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ImportJobStatus {
  jobId: string;
  fileName: string;
  state: ImportJobState;
  /** Rows read so far; bytes read of totalBytes (for the progress bar); totalRows when a preview counted them. */
  progress: { rows: number; totalRows: number | null; bytes: number; totalBytes: number };
  result: ImportSummary | null;
  /** Why the import was rejected or failed; nothing was written. */
  error: { message: string; problems: ImportProblem[] } | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface SavedMappingInfo {
  id: number;
  name: string;
  kind: ImportKind;
  format: string;
  headerSignature: string;
  mapping: ImportMapping;
  createdAt: string;
  updatedAt: string;
}

export const importMethods = {
  /** Reads and checks the whole file, writes nothing. */
  'import.preview': method<ImportPreview>()(ImportRequest),
  /** Starts the commit in the background; poll import.status. */
  'import.start': method<{ jobId: string }>()(ImportStartRequest),
  'import.status': method<ImportJobStatus>()(JobId),
  /** Cancels a running import: its transaction is rolled back, nothing is written. */
  'import.cancel': method<ImportJobStatus>()(JobId),
  'mappings.list': method<SavedMappingInfo[]>()(Empty),
  'mappings.delete': method<{ deleted: boolean }>()(z.object({ id: Id }).strict()),
};
