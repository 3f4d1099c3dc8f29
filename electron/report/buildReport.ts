import {
  REPORT_MODEL_VERSION,
  type InitiativeKpiReport,
  type PeriodInfo,
  type ReportModel,
} from '../../shared/report';
import { compareText } from '../../shared/metrics/order';
import { batchRefs } from '../store/batches';
import type { ReadableDb } from '../store/connection';
import { buildAssumptionRegister } from './assumptionRegister';
import { anomalySettings, buildAnomalies } from './anomalies';
import { buildBudget } from './budget';
import { buildCommitments } from './commitments';
import { contextFrom, periodFrame, spendReportedFor, type PeriodFrame, type ReportContext } from './context';
import { buildCumulative } from './cumulative';
import { ExplanationBook, valueInput } from './explanations';
import type { AppliedRate } from './facts';
import { workspaceFacts } from './factsCache';
import { MissingFxRateError } from './fx';
import { buildInitiativeKpis } from './initiativeKpis';
import { buildKpis } from './kpis';
import { outsideRangeNote } from './periods';
import { buildInitiative, buildPortfolio } from './portfolio';
import { buildRunRate } from './runRate';
import { buildSensitivity } from './sensitivity';
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

/** FX rates the period's figures used: spend and benefits to the period end, budget to the fiscal year end. */
function ratesUsed(ctx: ReportContext): AppliedRate[] {
  const inScope = (r: AppliedRate) => r.month <= (r.table === 'budget' ? ctx.fiscalYearEnd : ctx.asOf);
  const seen = new Map<string, AppliedRate>();
  for (const r of ctx.facts.appliedRates.filter(inScope)) seen.set(`${r.month}|${r.currency}`, r);
  return [...seen.values()].sort(
    (a, b) => compareText(a.month, b.month) || compareText(a.currency, b.currency),
  );
}

/** A missing FX rate for a month the period needs is an error naming the currency and month. */
function assertRates(ctx: ReportContext): void {
  const needed = ctx.facts.missingRates
    .filter((r) => r.month <= (r.table === 'budget' ? ctx.fiscalYearEnd : ctx.asOf))
    .sort((a, b) => compareText(a.month, b.month) || compareText(a.currency, b.currency));
  const first = needed[0];
  if (first) throw new MissingFxRateError(first.currency, first.month, ctx.facts.settings.currency);
}

function notesFor(ctx: ReportContext, rates: AppliedRate[]): string[] {
  const notes: string[] = [];
  const { quarter: q, dataThrough } = ctx;
  if (dataThrough === null) notes.push(`No spend dated on or before ${q.end}.`);
  else if (!spendReportedFor(ctx, q)) {
    notes.push(`No spend is reported for ${q.label} yet: its budget comparisons show no data.`);
  } else if (dataThrough < ctx.asOf) {
    notes.push(
      `Months of ${q.label} after ${dataThrough} have no spend yet and count as zero in the forecast and run-rate.`,
    );
  }
  const outside = outsideRangeNote(ctx.facts.outsideRange, ctx.facts.settings);
  if (outside) notes.push(outside);
  if (rates.length > 0) {
    const currencies = [...new Set(rates.map((r) => r.currency))].sort();
    notes.push(
      `Amounts in ${currencies.join(', ')} were converted to ${ctx.facts.settings.currency} at monthly FX rates (see "fx").`,
    );
  }
  return notes;
}

export interface ReportOptions {
  /** Each initiative's KPI rows (default true); without them `initiatives[].kpis` is empty. */
  initiativeKpis?: boolean;
}

/**
 * Builds the report model for one fiscal quarter from the workspace facts (read once per change of the
 * data, see `workspaceFacts`) and the pure metric functions. Figures are as of the quarter's last day;
 * data dated later is ignored.
 */
export function buildReport(db: ReadableDb, period: string, options: ReportOptions = {}): ReportModel {
  const facts = workspaceFacts(db);
  const settings = facts.settings;
  const frame = periodFrame(period, settings);
  const book = new ExplanationBook();
  const ctx = contextFrom(frame, facts, book);
  assertRates(ctx);

  const portfolio = buildPortfolio(ctx);
  const withKpis = options.initiativeKpis ?? true;
  const initiatives = facts.initiatives.map((i) => buildInitiative(ctx, i, withKpis));
  const budget = buildBudget(ctx);
  const unitEconomics = buildUnitEconomics(ctx);
  const kpis = buildKpis(ctx);
  const anomalyConfig = anomalySettings(ctx);
  const anomalies = buildAnomalies(ctx, anomalyConfig);
  const runRate = buildRunRate(ctx);
  const cumulative = buildCumulative(ctx);
  const assumptionRegister = buildAssumptionRegister(ctx);
  const sensitivity = buildSensitivity(ctx, portfolio);
  const commitments = buildCommitments(ctx);
  const rates = ratesUsed(ctx);
  if (rates.length > 0) {
    book.other('fx', 'number', null, {
      label: `FX rates used (to ${settings.currency})`,
      formula:
        'Each monthly sum in another currency × the rate for its month and currency, rounded half away from zero to the micro-unit.',
      inputs: rates.map((r) =>
        // A rate entered by hand has no batch: its label says where it comes from instead.
        r.batchId
          ? valueInput(`${r.currency} ${r.month}`, 'fx_rates', r.rate, 1, [r.batchId])
          : valueInput(
              `${r.currency} ${r.month} (entered in Settings › Exchange rates)`,
              'fx_rates',
              r.rate,
              1,
              [],
            ),
      ),
      notes: [],
    });
  }

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
    dataThrough: ctx.dataThrough,
    portfolio,
    initiatives,
    budget,
    kpis,
    anomalies,
    runRate,
    unitEconomics,
    cumulative: cumulative.points,
    cumulativeExplain: cumulative.explain,
    assumptionRegister,
    sensitivity,
    commitments,
    explanations: book.entries,
    batches: batchRefs(db, book.batchIds()),
    notes: notesFor(ctx, rates),
  };
}

/**
 * One initiative's KPIs for one quarter, exactly as `buildReport` puts them in its `initiatives[].kpis`
 * (the same facts, frame and code), without building the rest of the report; null for an unknown id.
 */
export function buildInitiativeKpiReport(
  db: ReadableDb,
  period: string,
  id: number,
): InitiativeKpiReport[] | null {
  const facts = workspaceFacts(db);
  const initiative = facts.initiatives.find((i) => i.id === id);
  if (!initiative) return null;
  const frame = periodFrame(period, facts.settings);
  return buildInitiativeKpis(contextFrom(frame, facts, new ExplanationBook()), initiative);
}

/** Kept here too: callers import it with the report. */
export { reportPeriods } from './periods';
