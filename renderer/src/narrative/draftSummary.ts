import { exhaustionText } from '../report/exhaustion';
import type { KpiReport, ReportModel } from '../../../shared/report';
import { monthLabel } from '../charts/axis';
import { formatMoney, formatPct, formatSignedMoney, formatSignedPct } from '../format';
import { formatKpiTarget, kpiFormatter } from '../kpiFormat';

/** Relative change of a KPI against the previous quarter (null when not comparable). */
function movement(k: KpiReport): number | null {
  if (k.value === null || k.previousValue === null) return null;
  if (k.previousValue === 0) return k.value === 0 ? 0 : null;
  return (k.value - k.previousValue) / Math.abs(k.previousValue);
}

/**
 * A deterministic, offline first draft of the executive summary, written only from the report model:
 * headline ROI, spend vs budget, the year-end forecast, red KPIs, the biggest movers and anomalies.
 * Same report in, same text out. The user edits it before it goes into the pack.
 */
export function draftSummary(r: ReportModel): string {
  const c = r.currency;
  const p = r.portfolio;
  const b = r.budget;
  const lines: string[] = [];

  const roi = p.roi.value === null ? 'not defined (no cost)' : formatPct(p.roi.value);
  lines.push(
    `In ${r.period.label} the AI portfolio of ${p.initiativeCount} initiatives cost ${formatMoney(p.cost.micro, c)} and returned ${formatMoney(p.benefit.micro, c)} of realized benefit: a quarterly ROI of ${roi}, and ${formatPct(p.cumulativeRoi.value)} cumulative to ${r.period.end}.`,
  );

  const dir = b.variance.micro > 0 ? 'over' : b.variance.micro < 0 ? 'under' : 'on';
  lines.push(
    dir === 'on'
      ? `Spend was exactly on the quarter's budget of ${formatMoney(b.budget.micro, c)}.`
      : `Spend was ${formatSignedMoney(b.variance.micro, c)} (${formatSignedPct(b.variancePct.value)}) ${dir} the quarter's budget of ${formatMoney(b.budget.micro, c)}${b.status === 'green' ? ', within tolerance' : b.status === 'amber' ? ', above the green tolerance' : ', beyond tolerance'}.`,
  );

  const overCats = b.byCategory.filter((x) => x.status === 'red' && x.variance.micro > 0);
  if (overCats.length > 0)
    lines.push(
      `Over plan: ${overCats.map((x) => `${x.label} ${formatSignedMoney(x.variance.micro, c)} (${formatSignedPct(x.variancePct.value)})`).join('; ')}.`,
    );

  lines.push(
    `At the current run rate, year-end spend is forecast at ${formatMoney(b.forecastYearEnd.micro, c)} against an annual budget of ${formatMoney(b.annualBudget.micro, c)} (${formatSignedPct(b.forecastVariancePct.value)}).${['within_year', 'exhausted'].includes(r.runRate.portfolio.exhaustionStatus) ? ` ${exhaustionText(r.runRate.portfolio)}.` : ''}`,
  );

  const red = r.kpis.filter((k) => k.status === 'red');
  const green = r.kpis.filter((k) => k.status === 'green').length;
  lines.push(
    `${green} of ${r.kpis.length} KPIs are on track${red.length ? `; ${red.length} are off track: ${red.map((k) => `${k.name} (${kpiFormatter(k, c)(k.value)} vs target ${formatKpiTarget(k, c)})`).join('; ')}` : ''}.`,
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
            `${k.name} ${k.trend === 'improving' ? 'improved' : 'worsened'} from ${kpiFormatter(k, c)(k.previousValue)} to ${kpiFormatter(k, c)(k.value)}`,
        )
        .join('; ')}.`,
    );

  if (r.anomalies.length > 0) {
    const a = r.anomalies[0]!;
    lines.push(
      `${r.anomalies.length} spend ${r.anomalies.length === 1 ? 'anomaly was' : 'anomalies were'} flagged; the largest: ${a.label} in ${monthLabel(a.month)}, ${formatSignedMoney(a.deviation, c)} against its usual level${a.contributors[0] ? `, driven by ${a.contributors[0].label}` : ''}.`,
    );
  }
  return lines.join('\n\n');
}
