import { z } from 'zod';
import type { PackData, PackExportResult, PackSnapshot, Preflight } from '../export/packTypes';
import { isCalendarDate, YEAR_LIMITS } from '../fiscal';
import { Period, method } from './contract';

export type {
  PackData,
  PackExportResult,
  PackFile,
  PackSnapshot,
  Preflight,
  PreflightIssue,
  PackChanges,
  FigureMove,
  StatusChange,
} from '../export/packTypes';

/**
 * What the renderer may ask for. No paths: the files go to "Briefing packs" beside the workspace, or in the
 * desktop app to the folder the user picks in the native dialog (main process), so a page cannot name a
 * folder to write into or read from.
 */
export const PackExportInput = z
  .object({
    period: Period,
    /** Write the PDF pack (default true). */
    pdf: z.boolean().default(true),
    /** Write the Excel pack (default true). */
    xlsx: z.boolean().default(true),
    /** Write the PowerPoint deck with native charts (default false, so earlier callers get what they got). */
    pptx: z.boolean().default(false),
    /** Export even though a red KPI has no commentary (the override is recorded in the result's warnings). */
    allowUncommentedRed: z.boolean().default(false),
    /** The pack date printed on the cover and footer (YYYY-MM-DD); default today. */
    packDate: z
      .string()
      .refine(
        (d) => isCalendarDate(d),
        `expected a calendar date YYYY-MM-DD in ${YEAR_LIMITS.earliestYear}–${YEAR_LIMITS.latestYear}`,
      )
      .optional(),
  })
  .strict();

export const packMethods = {
  /** Everything the print view and the Excel pack format, for one quarter. */
  'pack.data': method<PackData>()(z.object({ period: Period }).strict()),
  /** The checks before export: a red KPI without commentary blocks it unless overridden. */
  'pack.preflight': method<Preflight>()(z.object({ period: Period }).strict()),
  /** Writes the PDF, Excel and/or PowerPoint pack and records a snapshot. */
  'pack.export': method<PackExportResult>()(PackExportInput),
  /** Snapshots of earlier exports, newest first (optionally for one quarter). */
  'pack.snapshots': method<PackSnapshot[]>()(z.object({ period: Period.optional() }).strict()),
};
