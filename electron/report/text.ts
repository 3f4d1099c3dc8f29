import { microToCentsString, type Micro } from '../../shared/money';
import type { ReportModel } from '../../shared/report';

function money(m: Micro): string {
  const s = microToCentsString(m);
  const [int, frac] = s.replace('-', '').split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${s.startsWith('-') ? '-' : ''}${grouped}.${frac}`;
}

function pct(x: number | null): string {
  return x === null ? '—' : `${(x * 100).toFixed(1)}%`;
}

function num(x: number | null, digits = 2): string {
  return x === null ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: digits });
}

function table(headers: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The readable form of `report` (without --json). */
export function formatReportText(r: ReportModel): string {
  const c = r.currency;
  const p = r.portfolio;
  const b = r.budget;
  const out: string[] = [];
  out.push(`AI scorecard ${r.period.label} (${r.period.start} to ${r.period.end}), amounts in ${c}`);
  for (const n of r.notes) out.push(`Note: ${n}`);
  out.push('');
  out.push('Portfolio');
  out.push(
    table(
      ['', 'Quarter', 'Cumulative'],
      [
        ['Cost', money(p.cost.micro), money(p.cumulativeCost.micro)],
        ['  of which shared platform', money(p.sharedPlatformCost.micro), ''],
        ['Realized benefit', money(p.benefit.micro), money(p.cumulativeBenefit.micro)],
        [
          'Projected benefit (apart)',
          money(p.projectedBenefit.micro),
          money(p.cumulativeProjectedBenefit.micro),
        ],
        ['ROI', pct(p.roi.value), pct(p.cumulativeRoi.value)],
        ['NPV', '', money(p.npv.micro)],
        ['IRR (annual)', '', pct(p.irr.value)],
      ],
      [false, true, true],
    ),
  );
  out.push('');
  out.push('Initiatives');
  out.push(
    table(
      ['Initiative', 'Stage', 'Cost', 'Benefit', 'ROI', 'Cum. ROI', 'Payback (mo)', 'NPV', 'IRR'],
      r.initiatives.map((i) => [
        i.name,
        i.stage,
        money(i.cost.micro),
        money(i.benefit.micro),
        pct(i.roi.value),
        pct(i.cumulativeRoi.value),
        num(i.paybackMonths.value, 0),
        money(i.npv.micro),
        pct(i.irr.value),
      ]),
      [false, false, true, true, true, true, true, true, true],
    ),
  );
  out.push('');
  out.push(`Budget (${b.status}; green ≤ ${pct(b.thresholds.green)}, amber ≤ ${pct(b.thresholds.amber)})`);
  out.push(
    table(
      ['Slice', 'Budget', 'Actual', 'Variance', 'Var %', 'Status'],
      [
        [
          'Total',
          money(b.budget.micro),
          money(b.actual.micro),
          money(b.variance.micro),
          pct(b.variancePct.value),
          b.status,
        ],
        ...b.byCategory.map((x) => [
          `  ${x.label}`,
          money(x.budget.micro),
          money(x.actual.micro),
          money(x.variance.micro),
          pct(x.variancePct.value),
          x.status,
        ]),
      ],
      [false, true, true, true, true, false],
    ),
  );
  out.push(
    `Year-end forecast FY${r.period.fiscalYear}: ${money(b.forecastYearEnd.micro)} vs annual budget ${money(b.annualBudget.micro)} ` +
      `(${pct(b.forecastVariancePct.value)}, ${b.forecastStatus})`,
  );
  out.push(
    b.forecastRange
      ? `  80% range: ${money(b.forecastRange.low.micro)} to ${money(b.forecastRange.high.micro)}`
      : '  80% range: — (fewer than 3 complete months of actuals)',
  );
  for (const t of b.forecastTrackRecord) {
    out.push(
      `  as of ${t.asOf} (${t.period}): forecast ${money(t.forecastYearEnd.micro)}, actual ` +
        `${t.actualYearEnd ? money(t.actualYearEnd.micro) : '— (year not complete)'}, error ${pct(t.errorPct.value)}`,
    );
  }
  const rr = r.runRate.portfolio;
  out.push(
    `Run-rate: ${money(rr.monthlyBurn.micro)}/month (${r.runRate.months.join(', ')}); budget exhaustion: ` +
      `${rr.exhaustionMonth ?? '—'} (${rr.exhaustionStatus.replace(/_/g, ' ')})`,
  );
  out.push('');
  out.push('KPIs');
  out.push(
    table(
      ['KPI', 'Value', 'Target', 'Status', 'Trend', ''],
      r.kpis.map((k) => [
        k.name,
        k.unit === 'ratio' ? pct(k.value) : num(k.value, 4),
        k.unit === 'ratio' ? pct(k.target) : num(k.target, 4),
        k.status.replace('_', ' '),
        k.trend.replace('_', ' '),
        k.derived ? 'derived' : '',
      ]),
      [false, true, true, false, false, false],
    ),
  );
  const u = r.unitEconomics;
  out.push('');
  out.push(
    `Inference cost per key action: ${num(u.quarter.costPerAction, 4)} ${c} (${r.period.previous}: ${num(u.previousQuarter.costPerAction, 4)}; ` +
      `QoQ ${pct(u.qoqChange)})`,
  );
  out.push('');
  if (r.anomalies.length === 0) {
    out.push('Anomalies: none');
  } else {
    out.push('Anomalies');
    out.push(
      table(
        ['Month', 'Dimension', 'Name', 'Amount', 'Baseline median', 'Deviation', 'Dev %'],
        r.anomalies.map((a) => [
          a.month,
          a.dimension,
          a.label,
          money(a.amount),
          money(a.baselineMedian),
          money(a.deviation),
          pct(a.deviationPct),
        ]),
        [false, false, false, true, true, true, true],
      ),
    );
  }
  return out.join('\n');
}
