import type { ImportRecord } from '../../shared/import/records';
import type { WritableDb } from '../store/connection';
import { initiativeIdByName, insertInitiative, namedInitiative } from '../store/initiatives';
import { commitmentInserter } from '../store/commitments';
import { benefitInserter, budgetInserter, fxInserter, observationInserter } from '../store/lines';
import { bulkSpendInserter, type BulkSpendInserter } from '../store/spendBulk';
import { monthOf } from '../../shared/fiscal';
import { batchTexts, NUMBERS, orNull, TEXTS, type ReaderSink } from './scanProtocol';

export interface RecordWriter {
  write(r: ImportRecord): void;
  /** Completes what is kept per batch rather than per row (the spend rollup); call before COMMIT. */
  finish(): void;
  /**
   * The spend lines to come are summed into their rollup by the thread reading them (a worker): this writer
   * stores them without summing, takes them in columns as they crossed (or as records through `write`),
   * and the reader's groups (initiatives by their spelling in the file) once every line was written. Call
   * before the first record.
   */
  rollupFromReader(): ReaderSink;
  /** Initiatives this batch created because a row named one the workspace did not have. */
  readonly createdInitiatives: string[];
  /** Names in the file stored under an existing initiative the user matched them to. */
  readonly matchedInitiatives: { name: string; initiative: string }[];
}

/**
 * Stores records of one batch. Must run inside the batch's transaction. An initiative named by a
 * spend, budget, benefit or KPI row that the workspace does not have is created in the same batch
 * (stage idea, tier 1): the preview lists these, and undoing the batch removes them again.
 */
export function createWriter(
  db: WritableDb,
  batchId: number,
  /** File spelling (trimmed, lower case) → the existing initiative the user matched it to. */
  aliases: ReadonlyMap<string, string> = new Map(),
): RecordWriter {
  const lookup = initiativeIdByName(db);
  const ids = new Map<string, number>();
  const createdInitiatives: string[] = [];
  const matchedInitiatives: { name: string; initiative: string }[] = [];
  // By the name as spelled in the file, so a million rows naming a handful of initiatives look each up once.
  const bySpelling = new Map<string, number>();
  const initiativeId = (name: string, row: number): number => {
    const known = bySpelling.get(name);
    if (known !== undefined) return known;
    const id = initiativeIdOf(name, row);
    bySpelling.set(name, id);
    return id;
  };
  const initiativeIdOf = (name: string, row: number): number => {
    const key = name.trim().toLowerCase();
    const alias = aliases.get(key);
    if (alias !== undefined && !ids.has(key))
      matchedInitiatives.push({ name: name.trim(), initiative: alias });
    let id = ids.get(key) ?? lookup(alias ?? name);
    if (id === undefined) {
      id = insertInitiative(db, namedInitiative(name.trim(), row), batchId);
      createdInitiatives.push(name.trim());
    }
    ids.set(key, id);
    return id;
  };
  let spend: BulkSpendInserter | null = null;
  let summedElsewhere = false;
  const spendInserter = () => (spend ??= bulkSpendInserter(db, { summedElsewhere }));
  let budget: ReturnType<typeof budgetInserter> | null = null;
  let commitment: ReturnType<typeof commitmentInserter> | null = null;
  let benefit: ReturnType<typeof benefitInserter> | null = null;
  let observation: ReturnType<typeof observationInserter> | null = null;
  let fx: ReturnType<typeof fxInserter> | null = null;
  return {
    createdInitiatives,
    matchedInitiatives,
    finish() {
      spend?.finish();
    },
    rollupFromReader() {
      if (spend) throw new Error('rollupFromReader after the first spend line');
      summedElsewhere = true;
      return {
        spendColumns(batch) {
          const insert = spendInserter();
          const { numbers, texts } = batch;
          const text = batchTexts(batch);
          // By text index: a batch names a handful of dates and initiatives over its thousand lines.
          const months: (string | undefined)[] = new Array(batch.ends.length);
          const initiatives: (number | undefined)[] = new Array(batch.ends.length);
          const n = numbers.length / NUMBERS;
          for (let line = 0, a = 0, b = 0; line < n; line++, a += NUMBERS, b += TEXTS) {
            const row = numbers[a]!;
            const d = texts[b]!;
            const date = text(d)!;
            const i = texts[b + 2]!;
            insert.insertValues(
              date,
              (months[d] ??= monthOf(date)),
              numbers[a + 1]!,
              text(texts[b + 1]!)!,
              i < 0 ? null : (initiatives[i] ??= initiativeId(text(i)!, row)),
              text(texts[b + 3]!)!,
              text(texts[b + 4]!),
              text(texts[b + 5]!),
              text(texts[b + 6]!),
              orNull(numbers[a + 2]!),
              orNull(numbers[a + 3]!),
              orNull(numbers[a + 4]!),
              batchId,
              row,
            );
          }
        },
        rollup(groups) {
          if (groups.length === 0) return;
          // Each spelling was resolved (or created) when its first line was written.
          spendInserter().addSummed(
            batchId,
            groups.map((g) => ({
              ...g,
              initiative: g.initiative === null ? 0 : initiativeId(g.initiative, 0),
            })),
          );
        },
      };
    },
    write(r) {
      switch (r.kind) {
        case 'spend':
          spendInserter().insert({
            date: r.date,
            amount: r.amount,
            currency: r.currency,
            initiativeId: r.initiative === null ? null : initiativeId(r.initiative, r.row),
            category: r.category,
            vendor: r.vendor,
            costCenter: r.costCenter,
            description: r.description,
            tokensIn: r.tokensIn,
            tokensOut: r.tokensOut,
            requests: r.requests,
            batchId,
            sourceRow: r.row,
          });
          return;
        case 'budget':
          (budget ??= budgetInserter(db))({
            month: r.month,
            amount: r.amount,
            currency: r.currency,
            initiativeId: r.initiative === null ? null : initiativeId(r.initiative, r.row),
            category: r.category,
            batchId,
            sourceRow: r.row,
          });
          return;
        case 'benefits':
          (benefit ??= benefitInserter(db))({
            date: r.date,
            initiativeId: initiativeId(r.initiative, r.row),
            amount: r.amount,
            currency: r.currency,
            type: r.type,
            realized: r.realized,
            description: r.description,
            batchId,
            sourceRow: r.row,
            assumptions: r.assumptions,
          });
          return;
        case 'kpis':
          (observation ??= observationInserter(db))({
            kpiId: r.kpiId,
            periodStart: r.periodStart,
            periodEnd: r.periodEnd,
            value: r.value,
            initiativeId: r.initiative === null ? null : initiativeId(r.initiative, r.row),
            segment: r.segment,
            batchId,
            sourceRow: r.row,
          });
          return;
        case 'fx':
          (fx ??= fxInserter(db))({
            month: r.month,
            currency: r.currency,
            rate: r.rate,
            batchId,
            sourceRow: r.row,
          });
          return;
        case 'commitments':
          (commitment ??= commitmentInserter(db))({
            vendor: r.vendor,
            amount: r.amount,
            currency: r.currency,
            start: r.start,
            end: r.end,
            type: r.type,
            initiativeId: r.initiative === null ? null : initiativeId(r.initiative, r.row),
            description: r.description,
            batchId,
            sourceRow: r.row,
          });
          return;
        case 'initiatives': {
          const { kind: _kind, row, name, extra, ...fields } = r;
          const id = insertInitiative(
            db,
            { ...fields, name, sourceRow: row, ...(Object.keys(extra).length ? { extra } : {}) },
            batchId,
          );
          ids.set(name.toLowerCase(), id);
          return;
        }
      }
    },
  };
}
