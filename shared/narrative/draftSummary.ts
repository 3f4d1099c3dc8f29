import type { KpiReport, ReportModel, RunRateLine } from '../report';
import { shortMonth } from '../export/format';
import { exhaustionText } from '../format/exhaustion';
import { kpiTarget, kpiValue, type TargetComparator } from '../format/kpi';
import { money, signedMoney } from '../format/money';
import { pct, signedPct } from '../format/number';

/** How the draft writes its figures (the kit's formatters; see summaryFormat). */
export interface SummaryFormat {
  money(micro: number, currency: string): string;
  signedMoney(micro: number, currency: string): string;
  pct(fraction: number | null): string;
  signedPct(fraction: number | null): string;
  kpiValue(k: KpiReport, value: number | null, currency: string): string;
  kpiTarget(k: KpiReport, currency: string): string;
  month(month: string): string;
  exhaustion(line: RunRateLine): string;
}

/**
 * The draft's figures as the kit writes them everywhere; only a target's direction differs by medium: a
 * symbol on screen ("≥ 15.0%"), a word in the pack ("min 15.0%": its typeface has no ≥ ≤).
 */
export function summaryFormat(comparator: TargetComparator): SummaryFormat {
  return {
    money: (m, c) => money(m, c),
    signedMoney: (m, c) => signedMoney(m, c),
    pct: (f) => pct(f),
    signedPct: (f) => signedPct(f),
    kpiValue: (k, v, c) => kpiValue(v, k, c),
    kpiTarget: (k, c) => kpiTarget(k, c, { comparator }),
    month: shortMonth,
    exhaustion: (line) => exhaustionText(line, shortMonth),
  };
}

/** The Narrative screen's draft. */
export const SCREEN_FORMAT: SummaryFormat = summaryFormat('symbol');

/** Relative change of a KPI against the previous quarter (null when not comparable). */
function movement(k: KpiReport): number | null {
  if (k.value === null || k.previousValue === null) return null;
  if (k.previousValue === 0) return k.value === 0 ? 0 : null;
  return (k.value - k.previousValue) / Math.abs(k.previousValue);
}

/**
 * A deterministic, offline first draft of the executive summary, written only from the report model:
 * headline ROI, spend vs budget, the year-end forecast, red KPIs, the biggest movers, anomalies and the
 * commitments to act on.
 * Same report in, same text out. The user edits it before it goes into the pack; a pack whose summary was
 * left empty prints this same draft, in the pack's formats (`f`).
 */
export function draftSummary(r: ReportModel, f: SummaryFormat = SCREEN_FORMAT): string {
  const c = r.currency;
  const p = r.portfolio;
  const b = r.budget;
  const lines: string[] = [];

  const roi = p.roi.value === null ? 'not defined (no cost)' : f.pct(p.roi.value);
  lines.push(
    `In ${r.period.label} the AI portfolio of ${p.initiativeCount} initiatives cost ${f.money(p.cost.micro, c)} and returned ${f.money(p.benefit.micro, c)} of realized benefit: a quarterly ROI of ${roi}, and ${f.pct(p.cumulativeRoi.value)} cumulative to ${r.period.end}.`,
  );

  const dir = b.variance.micro > 0 ? 'over' : b.variance.micro < 0 ? 'under' : 'on';
  const tolerance: Record<typeof b.status, string> = {
    green: ', within tolerance',
    amber: ', above the green tolerance',
    red: ', beyond tolerance',
    no_data: '',
  };
  lines.push(
    b.status === 'no_data' && b.actual.micro === 0
      ? `No spend is reported for ${r.period.label} yet; its budget is ${f.money(b.budget.micro, c)}.`
      : dir === 'on'
        ? `Spend was exactly on the quarter's budget of ${f.money(b.budget.micro, c)}.`
        : `Spend was ${f.signedMoney(b.variance.micro, c)} (${f.signedPct(b.variancePct.value)}) ${dir} the quarter's budget of ${f.money(b.budget.micro, c)}${tolerance[b.status]}.`,
  );

  const overCats = b.byCategory.filter((x) => x.status === 'red' && x.variance.micro > 0);
  if (overCats.length > 0)
    lines.push(
      `Over plan: ${overCats.map((x) => `${x.label} ${f.signedMoney(x.variance.micro, c)} (${f.signedPct(x.variancePct.value)})`).join('; ')}.`,
    );

  lines.push(
    `At the current run rate, year-end spend is forecast at ${f.money(b.forecastYearEnd.micro, c)} against an annual budget of ${f.money(b.annualBudget.micro, c)} (${f.signedPct(b.forecastVariancePct.value)}).${['within_year', 'exhausted'].includes(r.runRate.portfolio.exhaustionStatus) ? ` ${f.exhaustion(r.runRate.portfolio)}.` : ''}`,
  );

  const red = r.kpis.filter((k) => k.status === 'red');
  const green = r.kpis.filter((k) => k.status === 'green').length;
  lines.push(
    `${green} of ${r.kpis.length} KPIs ${green === 1 ? 'is' : 'are'} on track${red.length ? `; ${red.length} ${red.length === 1 ? 'is' : 'are'} off track: ${red.map((k) => `${k.name} (${f.kpiValue(k, k.value, c)} vs target ${f.kpiTarget(k, c)})`).join('; ')}` : ''}.`,
  );

  const movers = r.kpis
    .map((k) => ({ k, m: movement(k) }))
    .filter((x): x is { k: KpiReport; m: number } => x.m !== null && x.m !== 0 && x.k.trend !== 'flat')
    .sort((a, b2) => Math.abs(b2.m) - Math.abs(a.m) || a.k.id.localeCompare(b2.k.id))
    .slice(0, 3);
  if (movers.length > 0)
    lines.push(
      `Biggest movers since ${r.period.previous}: ${movers
        .map(
          ({ k }) =>
            `${k.name} ${k.trend === 'improving' ? 'improved' : 'worsened'} from ${f.kpiValue(k, k.previousValue, c)} to ${f.kpiValue(k, k.value, c)}`,
        )
        .join('; ')}.`,
    );

  if (r.anomalies.length > 0) {
    const a = r.anomalies[0]!;
    lines.push(
      `${r.anomalies.length} spend ${r.anomalies.length === 1 ? 'anomaly was' : 'anomalies were'} flagged; the largest: ${a.label} in ${f.month(a.month)}, ${f.signedMoney(a.deviation, c)} against its usual level${a.contributors[0] ? `, driven by ${a.contributors[0].label}` : ''}.`,
    );
  }
  const warnings = r.commitments.flatMap((x) => (x.warning ? [x.warning] : []));
  if (warnings.length > 0)
    lines.push(
      `Commitments and prepaid credits to act on (at each vendor's current 3-month run rate): ${warnings.join(' ')}`,
    );
  return lines.join('\n\n');
}
