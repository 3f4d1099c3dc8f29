import type { Initiative, RiskTier, Stage } from '../../shared/domain';
import { cached, type ReadableDb, type WritableDb } from './connection';

interface InitiativeRow {
  id: number;
  name: string;
  owner: string | null;
  business_unit: string | null;
  stage: string;
  risk_tier: number;
  approval_date: string | null;
  has_baseline: number;
  has_outcome_instrumentation: number;
  concept_approved_date: string | null;
  production_date: string | null;
  description: string | null;
  batch_id: number | null;
}

function fromRow(r: InitiativeRow): Initiative {
  return {
    id: r.id,
    name: r.name,
    owner: r.owner,
    businessUnit: r.business_unit,
    stage: r.stage as Stage,
    riskTier: r.risk_tier as RiskTier,
    approvalDate: r.approval_date,
    hasBaseline: r.has_baseline === 1,
    hasOutcomeInstrumentation: r.has_outcome_instrumentation === 1,
    conceptApprovedDate: r.concept_approved_date,
    productionDate: r.production_date,
    description: r.description,
    batchId: r.batch_id,
  };
}

export function listInitiatives(db: ReadableDb): Initiative[] {
  return (db.prepare('SELECT * FROM initiatives ORDER BY name').all() as InitiativeRow[]).map(fromRow);
}

export type NewInitiative = Omit<Initiative, 'id' | 'batchId'> & {
  sourceRow?: number | null;
  extra?: unknown;
};

/** An initiative known only by its name (named by a spend or KPI row, or a test): stage idea, tier 1. */
export function namedInitiative(name: string, sourceRow: number | null): NewInitiative {
  return {
    name,
    owner: null,
    businessUnit: null,
    stage: 'idea',
    riskTier: 1,
    approvalDate: null,
    hasBaseline: false,
    hasOutcomeInstrumentation: false,
    conceptApprovedDate: null,
    productionDate: null,
    description: null,
    sourceRow,
  };
}

export function insertInitiative(db: WritableDb, i: NewInitiative, batchId: number | null): number {
  const info = db
    .prepare(
      `INSERT INTO initiatives (name, owner, business_unit, stage, risk_tier, approval_date, has_baseline,
         has_outcome_instrumentation, concept_approved_date, production_date, description, extra_json, batch_id, source_row)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      i.name,
      i.owner,
      i.businessUnit,
      i.stage,
      i.riskTier,
      i.approvalDate,
      i.hasBaseline ? 1 : 0,
      i.hasOutcomeInstrumentation ? 1 : 0,
      i.conceptApprovedDate,
      i.productionDate,
      i.description,
      i.extra === undefined ? null : JSON.stringify(i.extra),
      batchId,
      i.sourceRow ?? null,
    );
  return Number(info.lastInsertRowid);
}

/** Name → id lookup, case-insensitive (the column collates NOCASE). */
export function initiativeIdByName(db: ReadableDb): (name: string) => number | undefined {
  const stmt = db.prepare('SELECT id FROM initiatives WHERE name = ?');
  return (name) => (stmt.get(name.trim()) as { id: number } | undefined)?.id;
}

/** Every initiative's name, as stored. */
export function initiativeNames(db: ReadableDb): string[] {
  return cached(db, 'SELECT name FROM initiatives', 'pluck').all() as string[];
}
