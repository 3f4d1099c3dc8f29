import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBatch, finishBatch } from '../../../electron/store/batches';
import { insertInitiative, namedInitiative, type NewInitiative } from '../../../electron/store/initiatives';
import {
  benefitInserter,
  budgetInserter,
  fxInserter,
  observationInserter,
  spendInserter,
} from '../../../electron/store/lines';
import { updateSettings } from '../../../electron/store/settings';
import { initWorkspace, type WritableWorkspace } from '../../../electron/store/workspace';
import {
  NO_ASSUMPTIONS,
  type DataKind,
  type SpendCategory,
  type WorkspaceSettings,
} from '../../../shared/domain';
import { parseMicro, type Micro } from '../../../shared/money';

/** Exact micro-units from decimal text, as a person writes the amount. */
export function m(text: string): Micro {
  const v = parseMicro(text);
  if (v === null) throw new Error(`bad amount ${text}`);
  return v;
}

export interface SpendSpec {
  date: string;
  amount: string;
  initiative?: number | null;
  category?: SpendCategory;
  vendor?: string | null;
  currency?: string;
}

/** A real temporary workspace file filled through the store's own inserters, one batch per call. */
export class TestWorkspace {
  readonly ws: WritableWorkspace;
  readonly dir: string;

  constructor(settings: Partial<WorkspaceSettings> = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-metrics-'));
    this.ws = initWorkspace(path.join(this.dir, 'w.sqlite'));
    if (Object.keys(settings).length) updateSettings(this.ws.db, settings);
  }

  get db() {
    return this.ws.db;
  }

  private batch(kind: DataKind, fileName: string, fill: (batchId: number) => number): number {
    return this.db.transaction(() => {
      const id = createBatch(this.db, {
        kind,
        format: 'csv',
        fileName,
        fileSha256: 'ab'.repeat(32),
        fileSize: 1,
        sheet: null,
      });
      const rows = fill(id);
      finishBatch(this.db, id, { rows, excluded: 0, total: null, currency: null });
      return id;
    })();
  }

  initiative(name: string, extra: Partial<NewInitiative> = {}): number {
    return insertInitiative(this.db, { ...namedInitiative(name, null), stage: 'production', ...extra }, null);
  }

  spend(lines: SpendSpec[], fileName = 'spend.csv'): number {
    return this.batch('spend', fileName, (batchId) => {
      const insert = spendInserter(this.db);
      lines.forEach((l, i) =>
        insert({
          date: l.date,
          amount: m(l.amount),
          currency: l.currency ?? 'USD',
          initiativeId: l.initiative ?? null,
          category: l.category ?? 'other',
          vendor: l.vendor ?? null,
          costCenter: null,
          description: null,
          tokensIn: null,
          tokensOut: null,
          requests: null,
          batchId,
          sourceRow: i + 2,
        }),
      );
      return lines.length;
    });
  }

  budget(
    lines: { month: string; amount: string; category?: SpendCategory | null; currency?: string }[],
  ): number {
    return this.batch('budget', 'budget.csv', (batchId) => {
      const insert = budgetInserter(this.db);
      lines.forEach((l, i) =>
        insert({
          month: l.month,
          amount: m(l.amount),
          currency: l.currency ?? 'USD',
          initiativeId: null,
          category: l.category ?? null,
          batchId,
          sourceRow: i + 2,
        }),
      );
      return lines.length;
    });
  }

  benefits(
    lines: {
      date: string;
      initiative: number;
      amount: string;
      realized?: boolean;
      currency?: string;
      low?: string;
      high?: string;
      assumption?: string;
    }[],
  ): number {
    return this.batch('benefits', 'benefits.csv', (batchId) => {
      const insert = benefitInserter(this.db);
      lines.forEach((l, i) =>
        insert({
          date: l.date,
          initiativeId: l.initiative,
          amount: m(l.amount),
          currency: l.currency ?? 'USD',
          type: 'cost_savings',
          realized: l.realized ?? true,
          description: null,
          batchId,
          sourceRow: i + 2,
          assumptions: {
            ...NO_ASSUMPTIONS,
            low: l.low === undefined ? null : m(l.low),
            high: l.high === undefined ? null : m(l.high),
            assumption: l.assumption ?? null,
          },
        }),
      );
      return lines.length;
    });
  }

  observations(
    kpiId: string,
    values: {
      start: string;
      end: string;
      value: number;
      initiative?: number | null;
      segment?: string | null;
    }[],
  ): number {
    return this.batch('kpis', `${kpiId}.csv`, (batchId) => {
      const insert = observationInserter(this.db);
      values.forEach((o, i) =>
        insert({
          kpiId,
          periodStart: o.start,
          periodEnd: o.end,
          value: o.value,
          initiativeId: o.initiative ?? null,
          segment: o.segment ?? null,
          batchId,
          sourceRow: i + 2,
        }),
      );
      return values.length;
    });
  }

  /** Monthly observations: `{ '2026-07': 0.5, … }`. */
  monthly(kpiId: string, values: Record<string, number>): number {
    return this.observations(
      kpiId,
      Object.entries(values).map(([month, value]) => ({ start: `${month}-01`, end: lastDay(month), value })),
    );
  }

  fx(rates: { month: string; currency: string; rate: string }[]): number {
    return this.batch('fx', 'fx.csv', (batchId) => {
      const insert = fxInserter(this.db);
      rates.forEach((r, i) => insert({ ...r, batchId, sourceRow: i + 2 }));
      return rates.length;
    });
  }

  close(): void {
    this.ws.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export function lastDay(month: string): string {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
}
