import {
  addMonths,
  fiscalYearStart,
  shiftQuarter,
  type FiscalQuarter,
  type Month,
} from '../../shared/fiscal';
import type { WorkspaceSettings } from '../../shared/domain';
import type { VarianceThresholds } from '../../shared/metrics/budget';
import { monthlyRateFromAnnual } from '../../shared/metrics/cashflow';
import type { ExplanationBook } from './explanations';
import type { WorkspaceFacts } from './facts';
import { reportQuarter } from './periods';

/** What every report section is built from. */
export interface ReportContext {
  facts: WorkspaceFacts;
  /** First month with any spend or benefit, on or before `asOf`. */
  firstMonth: Month | null;
  /** First month with spend, on or before `asOf`. */
  firstSpendMonth: Month | null;
  /** Latest month with spend, on or before `asOf`. */
  dataThrough: Month | null;
  quarter: FiscalQuarter;
  previousQuarter: FiscalQuarter;
  /** The 6 quarters of KPI history, oldest first, ending with `quarter`. */
  historyQuarters: FiscalQuarter[];
  fiscalYearStart: Month;
  fiscalYearEnd: Month;
  /** The period's last month: figures are as of its last day. */
  asOf: Month;
  /** The last 3 complete months as of the period's end (forecast and run-rate). */
  lastThreeMonths: Month[];
  thresholds: VarianceThresholds;
  monthlyDiscountRate: number;
  /**
   * The month every NPV is discounted to: the portfolio's first month with a cash flow (spend or realized
   * benefit), on or before `asOf`. One base for all, so the initiatives' NPVs and the shared platform's add
   * up to the portfolio's (NPV is linear in the flows only at a common date).
   */
  discountBase: Month | null;
  book: ExplanationBook;
}

export const HISTORY_QUARTERS = 6;

/**
 * False for a quarter no spend has been reported for yet: it starts after the last month with spend (a
 * budgeted quarter still ahead). Its budget comparisons are "no data", not −100% off track.
 */
export function spendReportedFor(ctx: Pick<ReportContext, 'dataThrough'>, q: FiscalQuarter): boolean {
  return ctx.dataThrough !== null && ctx.dataThrough >= q.months[0];
}

/** The note that says so, on every figure it changes. */
export function notReportedNote(ctx: Pick<ReportContext, 'dataThrough'>, q: FiscalQuarter): string {
  return `No spend is reported for ${q.label} yet${ctx.dataThrough ? ` (spend data runs through ${ctx.dataThrough})` : ''}: its status is "no data".`;
}

export interface PeriodFrame {
  quarter: FiscalQuarter;
  previousQuarter: FiscalQuarter;
  historyQuarters: FiscalQuarter[];
  fiscalYearStart: Month;
  fiscalYearEnd: Month;
  asOf: Month;
  lastThreeMonths: Month[];
}

/** The quarter's frame; a label outside the plausible range (or no label at all) is a PeriodError. */
export function periodFrame(
  label: string,
  settings: Pick<WorkspaceSettings, 'fiscalStartMonth' | 'earliestYear' | 'latestYear'>,
): PeriodFrame {
  const { fiscalStartMonth } = settings;
  const quarter = reportQuarter(label, settings);
  const historyQuarters: FiscalQuarter[] = [];
  for (let i = HISTORY_QUARTERS - 1; i >= 0; i--)
    historyQuarters.push(shiftQuarter(quarter, -i, fiscalStartMonth));
  const start = fiscalYearStart(quarter.fiscalYear, fiscalStartMonth);
  const asOf = quarter.months[2];
  return {
    quarter,
    previousQuarter: shiftQuarter(quarter, -1, fiscalStartMonth),
    historyQuarters,
    fiscalYearStart: start,
    fiscalYearEnd: addMonths(start, 11),
    asOf,
    lastThreeMonths: [addMonths(asOf, -2), addMonths(asOf, -1), asOf],
  };
}

/** The earliest of some months, ignoring the missing ones. */
export function earliest(...months: (Month | null)[]): Month | null {
  let first: Month | null = null;
  for (const m of months) if (m !== null && (first === null || m < first)) first = m;
  return first;
}

export function contextFrom(frame: PeriodFrame, facts: WorkspaceFacts, book: ExplanationBook): ReportContext {
  const firstSpendMonth = facts.spendTotal.firstMonthWithLines('all', frame.asOf);
  return {
    ...frame,
    facts,
    firstSpendMonth,
    firstMonth: earliest(
      firstSpendMonth,
      facts.benefitTotal.firstMonthWithLines('realized', frame.asOf),
      facts.benefitTotal.firstMonthWithLines('projected', frame.asOf),
    ),
    dataThrough: facts.spendTotal.lastMonthWithLines('all', frame.asOf),
    thresholds: { green: facts.settings.varianceGreen, amber: facts.settings.varianceAmber },
    monthlyDiscountRate: monthlyRateFromAnnual(facts.settings.discountRate),
    discountBase: earliest(firstSpendMonth, facts.benefitTotal.firstMonthWithLines('realized', frame.asOf)),
    book,
  };
}
