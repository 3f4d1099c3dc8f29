import type { DataKind, RagStatus, SpendCategory, Stage, Trend } from './domain';
import type { ExhaustionStatus } from './report';

/** The words the app, the packs and the report use for its enumerations: one place, so they agree. */
export const STATUS_LABEL: Record<RagStatus, string> = {
  green: 'On track',
  amber: 'At risk',
  red: 'Off track',
  no_data: 'No data',
};

export const TREND_LABEL: Record<Trend, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  flat: 'Flat',
  no_data: 'No trend',
};

export const STAGE_LABEL: Record<Stage, string> = {
  idea: 'Idea',
  experiment: 'Experiment',
  pilot: 'Pilot',
  production: 'Production',
  retired: 'Retired',
};

export const CATEGORY_LABEL: Record<SpendCategory, string> = {
  platform: 'Platform',
  model_api: 'Model APIs',
  compute: 'Compute',
  labor: 'Labor',
  tooling: 'Tooling',
  other: 'Other',
};

export const KIND_LABEL: Record<DataKind, string> = {
  spend: 'Spend',
  budget: 'Budget',
  benefits: 'Benefits',
  kpis: 'KPI values',
  initiatives: 'Initiatives',
  fx: 'FX rates',
  commitments: 'Commitments',
};

/** When an annual budget runs out at the current burn, as the pack's run-rate tables say it. */
export const EXHAUSTION_LABEL: Record<ExhaustionStatus, string> = {
  exhausted: 'Budget already used up',
  within_year: 'Runs out before year end',
  after_year_end: 'Lasts the year',
  no_budget: 'No budget',
  no_burn: 'No burn',
};

/** The same, short, after "Budget runs out:" in a headline tile (the PDF's and the deck's). */
export const EXHAUSTION_TILE_LABEL: Record<ExhaustionStatus, string> = {
  exhausted: 'already reached',
  within_year: 'before year end',
  after_year_end: 'after year end',
  no_budget: 'no budget',
  no_burn: 'no burn',
};
