import {
  addMonths,
  fiscalYearStart,
  monthsBetween,
  shiftQuarter,
  type FiscalQuarter,
  type Month,
} from '../../shared/fiscal';
import { yearEndForecast } from '../../shared/metrics/budget';
import {
  FORECAST_RANGE_LEVEL,
  FORECAST_RANGE_METHOD,
  FORECAST_RANGE_WINDOW,
  FORECAST_RANGE_Z,
  forecastError,
  forecastRange,
} from '../../shared/metrics/forecastRange';
import type { ForecastRange, ForecastTrackRecordEntry, MoneyFigure } from '../../shared/report';
import type { ReportContext } from './context';
import { figureInput, moneyInput, tallyInput, valueInput } from './explanations';

const FORECAST_FORMULA =
  'Fiscal-YTD actual + mean monthly actual of the last 3 complete months × months left in the fiscal year ' +
  '(rounded to the micro-unit once).';

/** A quarter's fiscal-year bounds. */
function yearOf(ctx: ReportContext, q: FiscalQuarter): { start: Month; end: Month } {
  const start = fiscalYearStart(q.fiscalYear, ctx.facts.settings.fiscalStartMonth);
  return { start, end: addMonths(start, 11) };
}

/**
 * The year-end forecast as of quarter `q`'s last day, from the data dated on or before it (the as-of rule):
 * the same computation for the report's own quarter and for every quarter of the track record.
 */
function forecastAsOf(
  ctx: ReportContext,
  q: FiscalQuarter,
  key: string,
  ytdActual: MoneyFigure | null,
  extraNotes: string[] = [],
): { forecast: MoneyFigure; ytd: MoneyFigure; monthsLeft: number } {
  const { facts, book } = ctx;
  const asOf = q.months[2];
  const year = yearOf(ctx, q);
  const ytdTally = facts.spendTotal.sum('all', year.start, asOf);
  const ytd =
    ytdActual ??
    book.sum(`${key}.ytdActual`, ytdTally, 'spend', {
      label: `Fiscal-YTD actual to ${q.end}`,
      formula: `Sum of spend lines dated ${year.start}-01 to ${q.end}.`,
    });
  const lastThree = [addMonths(asOf, -2), addMonths(asOf, -1), asOf];
  const tallies = lastThree.map((m) => facts.spendTotal.sum('all', m, m));
  const monthsLeft = monthsBetween(asOf, year.end);
  const forecast = book.money(
    key,
    yearEndForecast(
      ytd.micro,
      tallies.map((t) => t.micro),
      monthsLeft,
    ),
    {
      label: `Year-end forecast, FY${q.fiscalYear}, as of ${q.end}`,
      formula: FORECAST_FORMULA,
      inputs: [
        figureInput('Fiscal-YTD actual', ytd),
        ...tallies.map((t, i) => tallyInput(`Actual ${lastThree[i]}`, 'spend', t)),
        valueInput('Months left in the fiscal year', 'figure', monthsLeft),
      ],
      notes: extraNotes,
    },
  );
  return { forecast, ytd, monthsLeft };
}

/** The report quarter's year-end forecast. */
export function buildForecast(
  ctx: ReportContext,
  ytdActual: MoneyFigure,
): { forecast: MoneyFigure; monthsLeft: number } {
  const { forecast, monthsLeft } = forecastAsOf(ctx, ctx.quarter, 'budget.forecastYearEnd', ytdActual);
  return { forecast, monthsLeft };
}

/**
 * The complete months σ is taken over: up to 12 ending with the as-of month, none before the first month
 * with spend (a month inside the window without spend counts as zero, as in the forecast).
 */
function rangeMonths(ctx: ReportContext): Month[] {
  if (ctx.firstSpendMonth === null) return [];
  const months: Month[] = [];
  for (let i = FORECAST_RANGE_WINDOW - 1; i >= 0; i--) {
    const m = addMonths(ctx.asOf, -i);
    if (m >= ctx.firstSpendMonth) months.push(m);
  }
  return months;
}

/** The forecast's 80% range with its explanation (`budget.forecastRange`, `.low`, `.high`); null under 3 months. */
export function buildForecastRange(
  ctx: ReportContext,
  forecast: MoneyFigure,
  ytdActual: MoneyFigure,
  monthsLeft: number,
): ForecastRange | null {
  const { facts, book, quarter: q } = ctx;
  const months = rangeMonths(ctx);
  const tallies = months.map((m) => facts.spendTotal.sum('all', m, m));
  const band = forecastRange(
    forecast.micro,
    tallies.map((t) => t.micro),
    monthsLeft,
    ytdActual.micro,
  );
  if (band === null) return null;
  const inputs = [
    figureInput('Year-end forecast', forecast),
    moneyInput(`σ of the ${months.length} monthly actuals ${months[0]} to ${ctx.asOf}`, 'figure', band.sigma),
    ...tallies.map((t, i) => tallyInput(`Actual ${months[i]}`, 'spend', t)),
    valueInput('z (80% range)', 'figure', FORECAST_RANGE_Z),
    valueInput('Months left in the fiscal year', 'figure', monthsLeft),
    moneyInput('Half-width z × σ × √(months left)', 'figure', band.halfWidth),
    figureInput('Fiscal-YTD actual (floor of the low end)', ytdActual),
  ];
  const notes = [
    'σ is irrational in general: it is computed in floating point from the exact monthly sums, and only the range ends are rounded (to the cent).',
    ...(months.length < FORECAST_RANGE_WINDOW
      ? [`Only ${months.length} complete months since the first spend (${months[0]}): σ is over those.`]
      : []),
    ...(band.lowClamped
      ? [`The low end was raised to the fiscal-YTD actual: what is spent cannot be unspent.`]
      : []),
  ];
  const spec = (label: string) => ({ label, formula: FORECAST_RANGE_METHOD, inputs, notes });
  const low = book.money(
    'budget.forecastRange.low',
    band.low,
    spec(`Forecast range low (80%), FY${q.fiscalYear}`),
  );
  const high = book.money(
    'budget.forecastRange.high',
    band.high,
    spec(`Forecast range high (80%), FY${q.fiscalYear}`),
  );
  const explain = book.other(
    'budget.forecastRange',
    'money',
    null,
    spec(`Year-end forecast range (80%), FY${q.fiscalYear}, as of ${q.end}`),
  );
  return {
    low,
    high,
    level: FORECAST_RANGE_LEVEL,
    method: FORECAST_RANGE_METHOD,
    z: FORECAST_RANGE_Z,
    sigma: band.sigma,
    months: months.map((month, i) => ({ month, actual: tallies[i]!.micro })),
    monthsLeft,
    lowClamped: band.lowClamped,
    explain,
  };
}

const TRACK_RECORD_NOTE =
  'Recomputed now by the as-of rule (only data dated on or before that day), so it is the forecast a pack for ' +
  'that quarter showed — from the data as now stored: lines for those months imported or undone since change it.';

/**
 * The forecast as of each earlier quarter end of the previous and the current fiscal year (oldest first),
 * from the first quarter with spend on or before its end, against the year's actual once that year is
 * complete as of the report's period.
 */
export function buildForecastTrackRecord(ctx: ReportContext): ForecastTrackRecordEntry[] {
  const { facts, book, quarter: current } = ctx;
  const fiscalStart = facts.settings.fiscalStartMonth;
  const out: ForecastTrackRecordEntry[] = [];
  const back = current.quarter - 1 + 4; // earlier quarters of this fiscal year, plus all four of the previous one
  for (let i = back; i >= 1; i--) {
    const q = shiftQuarter(current, -i, fiscalStart);
    if (ctx.firstSpendMonth === null || ctx.firstSpendMonth > q.months[2]) continue;
    const key = `budget.trackRecord.${q.label}`;
    const { forecast } = forecastAsOf(ctx, q, `${key}.forecast`, null, [TRACK_RECORD_NOTE]);
    const year = yearOf(ctx, q);
    const complete = year.end <= ctx.asOf;
    const actualYearEnd = complete
      ? book.sum(`${key}.actual`, facts.spendTotal.sum('all', year.start, year.end), 'spend', {
          label: `Actual spend, FY${q.fiscalYear}`,
          formula: `Sum of spend lines dated ${year.start}-01 to the end of ${year.end}.`,
        })
      : null;
    const error = forecastError(forecast.micro, actualYearEnd?.micro ?? null);
    const errorPct = book.number(`${key}.errorPct`, 'ratio', error, {
      label: `Forecast error, as of ${q.end}`,
      formula: '(Forecast − actual year end) ÷ actual year end; blank until the fiscal year is complete.',
      inputs: [
        figureInput(`Forecast as of ${q.end}`, forecast),
        ...(actualYearEnd ? [figureInput(`Actual FY${q.fiscalYear}`, actualYearEnd)] : []),
      ],
      notes: complete
        ? [TRACK_RECORD_NOTE]
        : [`FY${q.fiscalYear} ends ${year.end}, after ${current.end}: no actual yet.`, TRACK_RECORD_NOTE],
    });
    out.push({
      period: q.label,
      asOf: q.end,
      fiscalYear: q.fiscalYear,
      forecastYearEnd: forecast,
      actualYearEnd,
      errorPct,
    });
  }
  return out;
}
