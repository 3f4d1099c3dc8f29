import crypto from 'node:crypto';
import { createBatch, finishBatch, forEachBatchRow, setBatchSha256 } from '../store/batches';
import type { WritableDb } from '../store/connection';
import type { DataKind } from '../../shared/domain';
import type { Micro } from '../../shared/money';

export const DEMO_VERSION = 'caio-demo-v1';
export const DEMO_TIME = '2026-10-05T09:00:00.000Z';

/**
 * A demo batch has no file: its SHA-256 is that of its own rows as stored (each row's columns as JSON, in
 * order), so every batch has its own fingerprint and anyone can recompute it from the workspace.
 */
function rowsSha256(db: WritableDb, kind: DataKind, batchId: number): string {
  const hash = crypto.createHash('sha256').update(`${DEMO_VERSION}\n`);
  forEachBatchRow(db, kind, batchId, (row) => hash.update(`${JSON.stringify(row)}\n`));
  return hash.digest('hex');
}

/** What every part of the demo generator shares: the database, one seeded random stream, the currency. */
export interface DemoContext {
  db: WritableDb;
  rnd: () => number;
  currency: string;
  months: string[];
}

/** One demo "import batch": numbers its rows, sums its amounts and records both when finished. */
export interface DemoBatch {
  id: number;
  /** The next source row number. */
  nextRow(): number;
  /** Counts an amount into the batch total. */
  add(amount: Micro): void;
  /** Records row count and total; returns the row count. */
  finish(withTotal: boolean): number;
}

export function demoBatch(ctx: DemoContext, kind: DataKind, name: string): DemoBatch {
  const id = createBatch(
    ctx.db,
    { kind, format: 'demo', fileName: `Demo data: ${name}`, fileSha256: '', fileSize: 0, sheet: null },
    DEMO_TIME,
  );
  let rows = 0;
  let total = 0;
  return {
    id,
    nextRow: () => ++rows,
    add: (amount) => {
      total += amount;
    },
    finish: (withTotal) => {
      finishBatch(ctx.db, id, {
        rows,
        excluded: 0,
        total: withTotal ? total : null,
        currency: withTotal ? ctx.currency : null,
      });
      setBatchSha256(ctx.db, id, rowsSha256(ctx.db, kind, id));
      return rows;
    },
  };
}

/** Whole units → micro-units, with a sub-cent tail like real token billing. */
export function toMicro(units: number, rnd: () => number): Micro {
  return Math.round(units * 100) * 10_000 + Math.floor(rnd() * 10_000);
}
