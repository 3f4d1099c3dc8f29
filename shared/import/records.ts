import type { BenefitAssumptions, BenefitType, CommitmentTerms, Initiative, SpendCategory } from '../domain';
import type { IsoDate, Month } from '../fiscal';
import type { Micro } from '../money';

/** Rows as they will be stored, with initiatives still named (resolved to ids when committing). */
export interface SpendRecord {
  kind: 'spend';
  row: number;
  date: IsoDate;
  amount: Micro;
  currency: string;
  initiative: string | null;
  category: SpendCategory;
  vendor: string | null;
  costCenter: string | null;
  description: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  requests: number | null;
}

export interface BudgetRecord {
  kind: 'budget';
  row: number;
  month: Month;
  amount: Micro;
  currency: string;
  initiative: string | null;
  category: SpendCategory | null;
}

export interface BenefitRecord {
  kind: 'benefits';
  row: number;
  date: IsoDate;
  initiative: string;
  amount: Micro;
  currency: string;
  type: BenefitType;
  realized: boolean;
  description: string | null;
  assumptions: BenefitAssumptions;
}

export interface KpiRecord {
  kind: 'kpis';
  row: number;
  kpiId: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  value: number;
  initiative: string | null;
  segment: string | null;
}

/** An initiative as read from a file: the stored fields, minus what the store assigns. */
export interface InitiativeRecord extends Omit<Initiative, 'id' | 'batchId'> {
  kind: 'initiatives';
  row: number;
  /** Columns the mapping does not use, kept with the initiative rather than dropped. */
  extra: Record<string, string>;
}

/** A monthly exchange rate: units of the reporting currency per unit of `currency`, as exact decimal text. */
export interface FxRecord {
  kind: 'fx';
  row: number;
  month: Month;
  currency: string;
  rate: string;
}

/** A commitment or prepaid credit with a vendor: drawn down by that vendor's spend between start and end. */
export interface CommitmentRecord extends CommitmentTerms {
  kind: 'commitments';
  row: number;
  initiative: string | null;
}

export type ImportRecord =
  SpendRecord | BudgetRecord | BenefitRecord | KpiRecord | InitiativeRecord | FxRecord | CommitmentRecord;

/** The amount of a record, for totals; null for kinds without amounts. */
export function recordAmount(r: ImportRecord): { amount: Micro; currency: string } | null {
  return 'amount' in r ? { amount: r.amount, currency: r.currency } : null;
}

export function recordInitiative(r: ImportRecord): string | null {
  return r.kind === 'initiatives' || r.kind === 'fx' ? null : r.initiative;
}
