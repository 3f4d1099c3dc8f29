import type { KpiDefinition, KpiObservation } from '../../shared/domain';
import { BUILTIN_KPIS } from '../../shared/kpiCatalog';
import { FROM_THE_START, sameTargets, targetInForce } from '../../shared/kpiTargets';
import { cached, writeTransaction, type ReadableDb, type WritableDb } from './connection';
import { setKpiTarget, targetHistory } from './kpiTargets';

interface KpiRow {
  id: string;
  name: string;
  category: string;
  description: string;
  unit: string;
  direction: string;
  target: number;
  amber: number;
  tolerance: number | null;
  aggregation: string;
  frequency: string;
  owner: string | null;
  builtin: number;
  derived: number;
  input: number;
  sort_order: number;
}

function fromRow(r: KpiRow): KpiDefinition {
  return {
    id: r.id,
    name: r.name,
    category: r.category as KpiDefinition['category'],
    description: r.description,
    unit: r.unit as KpiDefinition['unit'],
    direction: r.direction as KpiDefinition['direction'],
    target: r.target,
    amber: r.amber,
    tolerance: r.tolerance,
    aggregation: r.aggregation as KpiDefinition['aggregation'],
    frequency: r.frequency as KpiDefinition['frequency'],
    owner: r.owner,
    builtin: r.builtin === 1,
    derived: r.derived === 1,
    input: r.input === 1,
    sortOrder: r.sort_order,
  };
}

const COLUMNS =
  'id, name, category, description, unit, direction, target, amber, tolerance, aggregation, frequency, owner, builtin, derived, input, sort_order';

function toParams(k: KpiDefinition) {
  return {
    ...k,
    builtin: k.builtin ? 1 : 0,
    derived: k.derived ? 1 : 0,
    input: k.input ? 1 : 0,
    sort_order: k.sortOrder,
  };
}

/** Inserts built-in KPIs the workspace does not have yet; user edits to existing ones are kept. */
export function seedBuiltinKpis(db: WritableDb): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO kpis (${COLUMNS}) VALUES (@id, @name, @category, @description, @unit, @direction, @target, @amber, @tolerance, @aggregation, @frequency, @owner, @builtin, @derived, @input, @sort_order)`,
  );
  db.transaction(() => {
    for (const k of BUILTIN_KPIS) insert.run(toParams(k));
  })();
}

export function listKpis(db: ReadableDb): KpiDefinition[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM kpis ORDER BY sort_order, id`).all() as KpiRow[]).map(fromRow);
}

export function getKpi(db: ReadableDb, id: string): KpiDefinition | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM kpis WHERE id = ?`).get(id) as KpiRow | undefined;
  return row ? fromRow(row) : null;
}

export type KpiEditable = Pick<
  KpiDefinition,
  | 'name'
  | 'description'
  | 'direction'
  | 'target'
  | 'amber'
  | 'tolerance'
  | 'aggregation'
  | 'owner'
  | 'category'
  | 'unit'
  | 'frequency'
>;

/** When a change of target or thresholds takes effect, and why it was made. */
export interface TargetChangeOptions {
  /** The fiscal quarter it is in force from (earlier quarters keep theirs); default: from the start. */
  effectiveFrom?: string;
  note?: string | null;
  /** ISO time of the change (default: now). */
  changedAt?: string;
}

/**
 * Edits a KPI. Its target, amber threshold and tolerance are versioned: a change of any of them takes
 * effect from `options.effectiveFrom` (see store/kpiTargets.ts); the other fields apply to every quarter.
 */
export function updateKpi(
  db: WritableDb,
  id: string,
  patch: Partial<KpiEditable>,
  options: TargetChangeOptions = {},
): KpiDefinition {
  const current = getKpi(db, id);
  if (!current) throw new Error(`Unknown KPI: ${id}`);
  const { target, amber, tolerance, ...rest } = patch;
  const next = { ...current, ...rest };
  writeTransaction(db, () => {
    db.prepare(
      `UPDATE kpis SET name=@name, description=@description, direction=@direction, aggregation=@aggregation,
         owner=@owner, category=@category, unit=@unit, frequency=@frequency
       WHERE id=@id`,
    ).run(toParams(next));
    if (target === undefined && amber === undefined && tolerance === undefined) return;
    const from = options.effectiveFrom ?? FROM_THE_START;
    const inForce = targetInForce(current, targetHistory(db, id), from);
    const values = {
      target: target ?? inForce.target,
      amber: amber ?? inForce.amber,
      tolerance: tolerance === undefined ? inForce.tolerance : tolerance,
    };
    if (sameTargets(values, inForce)) return;
    setKpiTarget(
      db,
      id,
      current,
      values,
      from,
      options.changedAt ?? new Date().toISOString(),
      options.note ?? null,
    );
  });
  return getKpi(db, id)!;
}

export function createKpi(
  db: WritableDb,
  k: Omit<KpiDefinition, 'builtin' | 'derived' | 'input' | 'sortOrder'>,
): KpiDefinition {
  const max = (db.prepare('SELECT coalesce(max(sort_order), 0) AS m FROM kpis').get() as { m: number }).m;
  const def: KpiDefinition = { ...k, builtin: false, derived: false, input: false, sortOrder: max + 10 };
  db.prepare(
    `INSERT INTO kpis (${COLUMNS}) VALUES (@id, @name, @category, @description, @unit, @direction, @target, @amber, @tolerance, @aggregation, @frequency, @owner, @builtin, @derived, @input, @sort_order)`,
  ).run(toParams(def));
  return def;
}

export function listObservations(db: ReadableDb, kpiId?: string): KpiObservation[] {
  const rows = db
    .prepare(
      `SELECT kpi_id, period_start, period_end, value, initiative_id, segment, batch_id, source_row
         FROM kpi_observations ${kpiId ? 'WHERE kpi_id = ?' : ''} ORDER BY kpi_id, period_end`,
    )
    .all(...(kpiId ? [kpiId] : [])) as {
    kpi_id: string;
    period_start: string;
    period_end: string;
    value: number;
    initiative_id: number | null;
    segment: string | null;
    batch_id: number | null;
    source_row: number | null;
  }[];
  return rows.map((r) => ({
    kpiId: r.kpi_id,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    value: r.value,
    initiativeId: r.initiative_id,
    segment: r.segment,
    batchId: r.batch_id,
    sourceRow: r.source_row,
  }));
}

/** Each KPI's id and name (what an import matches KPI columns and values against). */
export function kpiNames(db: ReadableDb): { id: string; name: string }[] {
  return cached(db, 'SELECT id, name FROM kpis').all() as { id: string; name: string }[];
}
