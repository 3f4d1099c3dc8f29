import type { ReportModel } from '../report';

export interface MetricDefinition {
  name: string;
  formula: string;
}

/** Rules the report model applies that are not a single figure's explanation. */
const RULES: MetricDefinition[] = [
  {
    name: 'Money',
    formula:
      'Amounts are summed exactly in millionths of the currency unit and rounded to cents (half away from zero) only when shown.',
  },
  {
    name: 'KPI status',
    formula:
      'Higher-is-better: on track (green) if the value is at or above the target, at risk (amber) if at or above the amber threshold, else off track (red); lower-is-better mirrored; band KPIs by distance from the target. No value is "No data", never green.',
  },
  {
    name: 'KPI trend',
    formula: "Compared with the previous quarter's value, in the KPI's good direction.",
  },
  {
    name: 'Budget status',
    formula:
      "|variance %| within the green threshold is on budget; within the amber threshold slightly over or slightly under; beyond it over budget (▲, in the off-track colour) or under budget (▼, in its own colour: an underspend is not styled like an overspend). The workbook states the same as on track / at risk / off track with the variance's sign.",
  },
];

/**
 * Where one formula serves two figures, the words that tell them apart: the model explains the quarter's
 * ROI and the cumulative ROI with the same ROI formula, but their sums run over different months.
 */
const RESTATED: Record<string, string> = {
  'NPV band (10th–90th percentile)':
    'The NPV (and the cumulative ROI) evaluated in each of 10,000 seeded draws in which every realized benefit line with a range, dated to the period end, takes a value from triangular(low, amount, high); lines naming the same assumption take the same point of their distributions, different assumptions vary independently; the 10th, 50th and 90th percentiles by nearest rank. Projected benefits stay out, as they do of NPV and ROI. With no range the band is the point figure.',
  'NPV swing (tornado)':
    'The NPV with one assumption’s lines at their low, then at their high, every other line at its amount; assumptions sorted by the size of the swing.',
  'Cumulative ROI':
    '(Cumulative realized benefit − cumulative cost) ÷ cumulative cost, to the period end: both summed over all lines dated on or before it, shared platform cost included; blank when cost is 0. Projected benefits are not included.',
};

/** The figures whose formula the appendix states, in reading order, with the model's own wording. */
export function metricDefinitions(r: ReportModel): MetricDefinition[] {
  const firstInitiative = r.initiatives[0];
  const wanted: [string, string | undefined][] = [
    ['Portfolio cost', 'portfolio.cost'],
    ['Shared platform cost', 'portfolio.sharedPlatformCost'],
    ['Realized benefit', 'portfolio.benefit'],
    ['Projected benefit', 'portfolio.projectedBenefit'],
    ['ROI', 'portfolio.roi'],
    ['Cumulative ROI', 'portfolio.cumulativeRoi'],
    ['Payback (months)', firstInitiative?.paybackMonths.explain],
    ['NPV', 'portfolio.npv'],
    ['IRR (annual)', 'portfolio.irr'],
    ['Budget variance', 'budget.variance'],
    ['Budget variance %', 'budget.variancePct'],
    ['Year-end forecast', 'budget.forecastYearEnd'],
    ['Year-end forecast range (80%)', r.budget.forecastRange?.explain],
    [
      'Forecast error (track record)',
      r.budget.forecastTrackRecord.find((t) => t.errorPct.value !== null)?.errorPct.explain,
    ],
    ['Monthly burn (run-rate)', 'runRate.portfolio.monthlyBurn'],
    ['Budget exhaustion', 'runRate.portfolio.exhaustion'],
    ['Commitment used', r.commitments[0]?.used.explain],
    ['Commitment remaining', r.commitments[0]?.remaining.explain],
    ['Commitment run-out date and under-use', r.commitments[0]?.explain],
    ['Inference cost per key action', r.unitEconomics.quarter.explain],
    ['Spend anomaly', r.anomalies[0]?.explain],
    ['NPV band (10th–90th percentile)', r.sensitivity.npv.p10.explain],
    ['NPV swing (tornado)', r.sensitivity.drivers[0]?.npvLow.explain],
    ['Break-even fall', firstInitiative?.breakEven.share.explain],
  ];
  const out: MetricDefinition[] = [];
  for (const [name, key] of wanted) {
    const e = key ? r.explanations[key] : undefined;
    if (e) out.push({ name, formula: RESTATED[name] ?? e.formula });
  }
  return [...out, ...RULES];
}
