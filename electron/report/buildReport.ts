import { quarterOfMonth, type Month } from '../../shared/fiscal';
import { REPORT_MODEL_VERSION, type BatchRef, type PeriodInfo, type ReportModel } from '../../shared/report';
import type { Db } from '../store/db';
import { getSettings } from '../store/settings';
import { anomalySettings, buildAnomalies } from './anomalies';
import { buildBudget } from './budget';
import { contextFrom, periodFrame, type PeriodFrame, type ReportContext } from './context';
import { buildCumulative } from './cumulative';
import { ExplanationBook, valueInput } from './explanations';
import { loadFacts } from './facts';
import { buildKpis } from './kpis';
import { buildInitiative, buildPortfolio } from './portfolio';
import { buildRunRate } from './runRate';
import { buildUnitEconomics } from './unitEconomics';

function periodInfo(f: PeriodFrame): PeriodInfo {
  return {
    label: f.quarter.label,
    fiscalYear: f.quarter.fiscalYear,
    quarter: f.quarter.quarter,
    months: f.quarter.months,
    start: f.quarter.start,
    end: f.quarter.end,
    fiscalYearStart: f.fiscalYearStart,
    fiscalYearEnd: f.fiscalYearEnd,
    previous: f.previousQuarter.label,
  };
}

function batchRefs(db: Db, ids: number[]): Record<number, BatchRef> {
  const out: Record<number, BatchRef> = {};
  if (ids.length === 0) return out;
  const stmt = db.prepare(
    'SELECT id, kind, format, file_name, file_sha256, sheet, imported_at FROM import_batches WHERE id = ?',
  );
  for (const id of ids) {
    const r = stmt.get(id) as
      | {
          id: number;
          kind: string;
          format: string;
          file_name: string;
          file_sha256: string;
          sheet: string | null;
          imported_at: string;
        }
      | undefined;
    if (r) {
      out[id] = {
        id: r.id,
        kind: r.kind,
        format: r.format,
        fileName: r.file_name,
        fileSha256: r.file_sha256,
        sheet: r.sheet,
        importedAt: r.imported_at,
      };
    }
  }
  return out;
}

function notesFor(ctx: ReportContext, dataThrough: Month | null): string[] {
  const notes: string[] = [];
  const { facts, quarter: q } = ctx;
  if (dataThrough === null) notes.push(`No spend dated on or before ${q.end}.`);
  else if (dataThrough < ctx.asOf) {
    notes.push(
      `Spend data runs through ${dataThrough}; later months of ${q.label} count as zero in the forecast and run-rate.`,
    );
  }
  if (facts.fx.used.size > 0) {
    const currencies = [...new Set([...facts.fx.used.values()].map((r) => r.currency))].sort();
    notes.push(
      `Amounts in ${currencies.join(', ')} were converted to ${facts.settings.currency} at monthly FX rates (see "fx").`,
    );
  }
  return notes;
}

/**
 * Builds the report model for one fiscal quarter: one read of the rollup and the small tables, then the
 * pure metric functions. Figures are as of the quarter's last day; data dated later is ignored.
 */
export function buildReport(db: Db, period: string): ReportModel {
  const settings = getSettings(db);
  const frame = periodFrame(period, settings.fiscalStartMonth);
  const oldest = frame.historyQuarters[0]!;
  const facts = loadFacts(db, {
    asOfMonth: frame.asOf,
    budgetThrough: frame.fiscalYearEnd > frame.asOf ? frame.fiscalYearEnd : frame.asOf,
    observationsFrom: oldest.start < frame.previousQuarter.start ? oldest.start : frame.previousQuarter.start,
    observationsTo: frame.quarter.end,
  });
  const book = new ExplanationBook();
  const ctx = contextFrom(frame, facts, book);

  const portfolio = buildPortfolio(ctx);
  const initiatives = facts.initiatives.map((i) => buildInitiative(ctx, i));
  const budget = buildBudget(ctx);
  const unitEconomics = buildUnitEconomics(ctx);
  const kpis = buildKpis(ctx);
  const anomalyConfig = anomalySettings(ctx);
  const anomalies = buildAnomalies(ctx, anomalyConfig);
  const runRate = buildRunRate(ctx);
  const cumulative = buildCumulative(ctx);
  if (facts.fx.used.size > 0) {
    const rates = [...facts.fx.used.values()].sort(
      (a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency),
    );
    book.other('fx', 'number', null, {
      label: `FX rates used (to ${facts.settings.currency})`,
      formula:
        'Each monthly sum in another currency × the rate for its month and currency, rounded half away from zero to the micro-unit.',
      inputs: rates.map((r) =>
        valueInput(`${r.currency} ${r.month}`, 'fx_rates', r.rate, 1, r.batchId ? [r.batchId] : []),
      ),
      notes: [],
    });
  }

  const dataThrough = facts.lastSpendMonth;
  return {
    version: REPORT_MODEL_VERSION,
    period: periodInfo(frame),
    currency: settings.currency,
    assumptions: {
      fiscalStartMonth: settings.fiscalStartMonth,
      discountRateAnnual: settings.discountRate,
      discountRateMonthly: ctx.monthlyDiscountRate,
      varianceGreen: settings.varianceGreen,
      varianceAmber: settings.varianceAmber,
      anomalies: anomalyConfig,
    },
    dataThrough,
    portfolio,
    initiatives,
    budget,
    kpis,
    anomalies,
    runRate,
    unitEconomics,
    cumulative: cumulative.points,
    cumulativeExplain: cumulative.explain,
    explanations: book.entries,
    batches: batchRefs(db, book.batchIds()),
    notes: notesFor(ctx, dataThrough),
  };
}

/** Quarters with any data (oldest first) and the latest quarter with spend. */
export function reportPeriods(db: Db): { periods: string[]; defaultPeriod: string | null } {
  const { fiscalStartMonth } = getSettings(db);
  const months = db
    .prepare(
      `SELECT DISTINCT month FROM spend_monthly UNION SELECT DISTINCT month FROM budget UNION SELECT DISTINCT month FROM benefits
       UNION SELECT DISTINCT substr(period_end, 1, 7) FROM kpi_observations ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
  const periods = [...new Set(months.map((m) => quarterOfMonth(m, fiscalStartMonth).label))];
  const lastSpend = db.prepare('SELECT max(month) FROM spend_monthly').pluck().get() as string | null;
  return {
    periods,
    defaultPeriod: lastSpend
      ? quarterOfMonth(lastSpend, fiscalStartMonth).label
      : (periods[periods.length - 1] ?? null),
  };
}
