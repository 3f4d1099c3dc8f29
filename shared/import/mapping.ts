import { z } from 'zod';
import { BENEFIT_TYPES, SPEND_CATEGORIES } from '../domain';
import { isFormatId } from './sources';
import { TimeZoneName } from './timeZoneName';

/** The data kinds a file can be imported as (`fx`: monthly exchange rates into the reporting currency). */
export const IMPORT_KINDS = [
  'spend',
  'budget',
  'benefits',
  'kpis',
  'initiatives',
  'fx',
  'commitments',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type { FormatId } from './sources';

/**
 * A row filter saved with the mapping: keep the rows whose column's text is (`is`) or is not (`is-not`) one of
 * the values (trimmed, case ignored; a value ending in `*` matches as a prefix: "4*" is every 4xxx account).
 * Several filters all apply ("Type = Expense" and "Status ≠ Void").
 */
export const RowFilterSchema = z
  .object({
    column: z.string().min(1).max(500),
    op: z.enum(['is', 'is-not']).default('is'),
    values: z.array(z.string().max(500)).min(1).max(100),
  })
  .strict();
export type RowFilter = z.output<typeof RowFilterSchema>;

/** How the spend category of a row is decided when the file has no category column of ours. */
export const CATEGORY_RULES = ['column', 'cloud-service', 'constant'] as const;

export const ImportMappingSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    /** A registered source's id (see sources/index.ts) or `generic`. */
    format: z
      .string()
      .refine((id) => isFormatId(id), { message: 'not a known import format' })
      .default('generic'),
    /** Field → the column header it is read from, as written in the file. */
    columns: z.record(z.string(), z.string()).default({}),
    /** KPI files: one row per observation (long) or one column per period (wide). */
    layout: z.enum(['long', 'wide']).default('long'),
    /** Null: detected from all rows of the file (and asked when the rows do not decide). */
    decimal: z.enum(['.', ',']).nullable().default(null),
    dateOrder: z.enum(['ymd', 'mdy', 'dmy']).nullable().default(null),
    /**
     * IANA time zone whose calendar dates timestamps (with a zone or offset, unix seconds) are bucketed
     * to; null: the workspace's import time zone (UTC unless set in Settings). Dates and times written without a zone are taken as written.
     */
    timeZone: TimeZoneName.nullable().default(null),
    /**
     * The currency of amounts the file does not name (no currency cell, no code or sign in the amount or its
     * header); it also decides a sign several currencies share ("$"). Null: the workspace's reporting
     * currency, which the preview then says.
     */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable()
      .default(null),
    categoryRule: z.enum(CATEGORY_RULES).default('column'),
    /** The category when the rule is `constant`, or when a `column` rule finds the cell empty. */
    category: z.enum(SPEND_CATEGORIES).nullable().default(null),
    vendor: z.string().max(200).nullable().default(null),
    /** Initiative read from a tags column (FOCUS, Azure, CUR 2.0): the tag key to look up. */
    tagKey: z.string().max(200).nullable().default(null),
    benefitType: z.enum(BENEFIT_TYPES).nullable().default(null),
    /** Benefits without a realized/projected column: realized unless told otherwise. */
    realized: z.boolean().default(true),
    /** OpenAI cost exports leave the amount empty on days without spend: store 0 rather than reject. */
    emptyAmountIsZero: z.boolean().default(false),
    /**
     * Initiatives: a name already used by an earlier row is an error (`reject`), or, for registers
     * that list distinct use cases under one generic name (the OMB inventory), is kept apart by
     * adding its source row (`qualify-with-row`), with a warning on that row.
     */
    duplicateNames: z.enum(['reject', 'qualify-with-row']).default('reject'),
    /** FOCUS: the cost column used; the other one is never added on top. */
    basis: z.enum(['effective', 'billed']).nullable().default(null),
    /**
     * The file writes costs negative (a bank or card export, an expense tool's outflows): every amount's
     * sign is flipped, after debit − credit or the debit/credit indicator formed it.
     */
    negate: z.boolean().default(false),
    /** Rows kept: only those every filter keeps (the others are counted by reason, never stored). */
    filters: z.array(RowFilterSchema).max(20).default([]),
  })
  .strict();

export type ImportMapping = z.output<typeof ImportMappingSchema>;
export type ImportMappingInput = z.input<typeof ImportMappingSchema>;

export function completeMapping(m: ImportMappingInput): ImportMapping {
  return ImportMappingSchema.parse(m);
}
