import { z } from 'zod';
import {
  KPI_AGGREGATIONS,
  KPI_CATEGORIES,
  KPI_DIRECTIONS,
  KPI_UNITS,
  type ImportBatch,
  type Initiative,
  type KpiDefinition,
  type WorkspaceSettings,
} from '../domain';
import { Empty, Id, Period, method } from './contract';
import { TimeZoneName } from '../import/timeZoneName';
import { YEAR_LIMITS } from '../fiscal';
import { isIsoCurrency } from '../money';

export interface WorkspaceInfo {
  name: string;
  file: string;
  settings: WorkspaceSettings;
  /** Fiscal quarters that have any data, oldest first. */
  periods: string[];
  /** The latest quarter with spend data (what the app opens on). */
  defaultPeriod: string | null;
  counts: {
    initiatives: number;
    spend: number;
    budget: number;
    benefits: number;
    observations: number;
    batches: number;
  };
  /** Spend in the default period (integer micro-units), the first real number the shell shows. */
  totalSpendMicro: number;
}

const PlausibleYear = z
  .number()
  .int('a whole year')
  .min(YEAR_LIMITS.earliestYear, `a year from ${YEAR_LIMITS.earliestYear} to ${YEAR_LIMITS.latestYear}`)
  .max(YEAR_LIMITS.latestYear, `a year from ${YEAR_LIMITS.earliestYear} to ${YEAR_LIMITS.latestYear}`);

export const SettingsPatch = z
  .object({
    name: z.string().trim().min(1).max(200),
    companyName: z.string().trim().min(1).max(200),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD')
      .refine(isIsoCurrency, 'not an ISO 4217 currency code (USD, EUR, GBP, …)'),
    fiscalStartMonth: z.number().int().min(1).max(12),
    varianceGreen: z.number().min(0).max(1),
    varianceAmber: z.number().min(0).max(1),
    discountRate: z.number().min(-0.99).max(10),
    focusCostBasis: z.enum(['effective', 'billed']),
    initiativeTagKey: z.string().trim().min(1).max(100),
    importTimeZone: TimeZoneName,
    pageSize: z.enum(['A4', 'Letter']),
    preparedBy: z.string().max(200),
    confidentiality: z.string().max(200),
    logoDataUrl: z
      .string()
      .max(2_000_000)
      .regex(
        /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/,
        'expected a PNG, JPEG or SVG data URL',
      )
      .nullable(),
    anomalyMadFactor: z.number().min(0).max(100),
    anomalyMinPct: z.number().min(0).max(100),
    anomalyMinAmount: z.number().min(0),
    earliestYear: PlausibleYear,
    latestYear: PlausibleYear,
  })
  .partial()
  .strict()
  .refine(
    (p) =>
      p.varianceGreen === undefined || p.varianceAmber === undefined || p.varianceGreen <= p.varianceAmber,
    {
      message: 'the green variance threshold must not exceed the amber one',
    },
  )
  .refine(
    (p) => p.earliestYear === undefined || p.latestYear === undefined || p.earliestYear <= p.latestYear,
    { message: 'the earliest plausible year must not be after the latest one' },
  );

const KpiId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, 'lowercase letters, digits and _ (e.g. nps_internal)');

export const KpiPatch = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000),
    category: z.enum(KPI_CATEGORIES),
    unit: z.enum(KPI_UNITS),
    direction: z.enum(KPI_DIRECTIONS),
    target: z.number().finite(),
    amber: z.number().finite(),
    tolerance: z.number().finite().min(0).nullable(),
    aggregation: z.enum(KPI_AGGREGATIONS),
    frequency: z.enum(['weekly', 'monthly', 'quarterly']),
    owner: z.string().max(200).nullable(),
  })
  .partial()
  .strict();

export const NewKpi = z
  .object({
    id: KpiId,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).default(''),
    category: z.enum(KPI_CATEGORIES),
    unit: z.enum(KPI_UNITS),
    direction: z.enum(KPI_DIRECTIONS),
    target: z.number().finite(),
    amber: z.number().finite(),
    tolerance: z.number().finite().min(0).nullable().default(null),
    aggregation: z.enum(KPI_AGGREGATIONS),
    frequency: z.enum(['weekly', 'monthly', 'quarterly']),
    owner: z.string().max(200).nullable().default(null),
  })
  .strict();

export const COMMENTARY_SCOPES = ['kpi', 'risks', 'decisions', 'priorities', 'summary'] as const;
export type CommentaryScope = (typeof COMMENTARY_SCOPES)[number];

export interface Commentary {
  period: string;
  scope: CommentaryScope;
  ref: string;
  body: string;
  updatedAt: string;
}

export interface SpendSummary {
  period: string;
  currency: string;
  totalMicro: number;
  lines: number;
  byCategory: { category: string; totalMicro: number; lines: number }[];
}

/** Why a backup was taken (its file name says so). */
export const BACKUP_REASONS = [
  'manual',
  'before-migration',
  'before-undo',
  'before-replace',
  'before-restore',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  file: string;
  /** 'unknown' for a file whose name carries no reason this version knows. */
  reason: BackupReason | 'unknown';
  createdAt: string;
  size: number;
}

export const workspaceMethods = {
  'workspace.backup': method<BackupInfo>()(Empty),
  'workspace.backups': method<BackupInfo[]>()(Empty),
  'workspace.restore': method<WorkspaceInfo>()(z.object({ file: z.string().min(1).max(4096) }).strict()),
  'spend.summary': method<SpendSummary>()(z.object({ period: Period }).strict()),
  'workspace.info': method<WorkspaceInfo>()(Empty),
  'settings.get': method<WorkspaceSettings>()(Empty),
  'settings.update': method<WorkspaceSettings>()(z.object({ patch: SettingsPatch }).strict()),
  'initiatives.list': method<Initiative[]>()(Empty),
  'kpis.list': method<KpiDefinition[]>()(Empty),
  /**
   * A change of target, amber threshold or tolerance takes effect from `effectiveFrom` (a fiscal quarter;
   * default: the workspace's current reporting quarter): earlier quarters keep the target they had.
   */
  'kpis.update': method<KpiDefinition>()(
    z
      .object({
        id: KpiId,
        patch: KpiPatch,
        effectiveFrom: z
          .string()
          .regex(/^FY\d{4}-Q[1-4]$/, 'a fiscal quarter, e.g. FY2026-Q3')
          .optional(),
        note: z.string().max(500).nullable().optional(),
      })
      .strict(),
  ),
  'kpis.create': method<KpiDefinition>()(z.object({ kpi: NewKpi }).strict()),
  'batches.list': method<ImportBatch[]>()(Empty),
  'batches.undo': method<ImportBatch>()(z.object({ id: Id }).strict()),
  'commentary.list': method<Commentary[]>()(z.object({ period: Period }).strict()),
  'commentary.set': method<Commentary>()(
    z
      .object({
        period: Period,
        scope: z.enum(COMMENTARY_SCOPES),
        ref: z.string().max(64).default(''),
        body: z.string().max(20_000),
      })
      .strict(),
  ),
};
