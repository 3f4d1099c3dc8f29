import { monthsBetween } from '../../shared/fiscal';
import { fnv1a32 } from '../../shared/metrics/prng';
import {
  discountDivisors,
  runSensitivity,
  SENSITIVITY_DRAWS,
  SENSITIVITY_METHOD,
  type RangedLine,
  type SensitivityResult,
} from '../../shared/metrics/sensitivity';
import type { Micro } from '../../shared/money';
import type {
  ExplanationInput,
  MoneyFigure,
  NumberFigure,
  PortfolioHeadline,
  SensitivityBand,
  SensitivityReport,
} from '../../shared/report';
import { monthlyFlows, npvOfFlows } from './cashflows';
import type { ReportContext } from './context';
import { figureInput, valueInput } from './explanations';
import type { RegisterLine, WorkspaceFacts } from './facts';

/** The lines an input sums, with their batches (as tallies state them). */
function linesInput(
  label: string,
  micro: Micro | undefined,
  lines: readonly RegisterLine[],
): ExplanationInput {
  const batchIds = [...new Set(lines.map((l) => l.batchId).filter((b) => b !== 0))].sort((a, b) => a - b);
  const unbatched = lines.filter((l) => l.batchId === 0).length;
  const input: ExplanationInput = { label, source: 'benefits', lineCount: lines.length, batchIds };
  if (micro !== undefined) input.micro = micro;
  if (unbatched > 0) input.unbatchedLineCount = unbatched;
  return input;
}

/** The realized lines dated to the period end whose range is not empty: what the bands vary. */
export function rangedRealizedLines(ctx: ReportContext): RegisterLine[] {
  return ctx.facts.register.filter((l) => l.realized && l.month <= ctx.asOf && l.low < l.high);
}

interface Computed {
  seed: number;
  result: SensitivityResult;
  lines: RegisterLine[];
}

/**
 * Results by facts (a new object after every write) and period: the draws depend on nothing else, so a
 * report built again from unchanged data reuses them instead of drawing 10,000 times again.
 */
const computed = new WeakMap<WorkspaceFacts, Map<string, Computed>>();

function compute(ctx: ReportContext, portfolio: PortfolioHeadline): Computed {
  let byPeriod = computed.get(ctx.facts);
  if (!byPeriod) computed.set(ctx.facts, (byPeriod = new Map()));
  const hit = byPeriod.get(ctx.quarter.label);
  if (hit) return hit;

  const lines = rangedRealizedLines(ctx);
  const { months, flows } = monthlyFlows(ctx.discountBase, ctx.asOf, {
    cost: ctx.facts.spendTotal,
    costKey: 'all',
    benefit: ctx.facts.benefitTotal,
    benefitKey: 'realized',
  });
  const npvUnrounded = npvOfFlows(
    ctx,
    months,
    flows.map((f) => f.benefit - f.cost),
  );
  const base = ctx.discountBase;
  const divisors = discountDivisors(
    ctx.monthlyDiscountRate,
    base === null ? 0 : monthsBetween(base, ctx.asOf) + 1,
  );
  const ranged: RangedLine[] = lines.map((l) => ({
    group: l.group,
    label: l.assumption?.trim() || `Benefit line ${l.id} (no assumption named)`,
    initiativeId: l.initiativeId,
    low: l.low,
    base: l.base,
    high: l.high,
    divisor: divisors[monthsBetween(base!, l.month)]!,
  }));
  // The seed: the workspace, the period and every input the draws use, so the same inputs give the same bands.
  let h = fnv1a32(
    `${ctx.facts.workspaceId}|${ctx.quarter.label}|${ctx.monthlyDiscountRate}|${npvUnrounded}|` +
      `${portfolio.cumulativeBenefit.micro}|${portfolio.cumulativeCost.micro}|`,
  );
  for (let i = 0; i < ranged.length; i++) {
    const r = ranged[i]!;
    h = fnv1a32(`${lines[i]!.id},${lines[i]!.month},${r.low},${r.base},${r.high},${r.group};`, h);
  }
  const result = runSensitivity({
    seed: h,
    draws: SENSITIVITY_DRAWS,
    npvUnrounded,
    cumulativeBenefit: portfolio.cumulativeBenefit.micro,
    cumulativeCost: portfolio.cumulativeCost.micro,
    lines: ranged,
  });
  const c = { seed: h, result, lines };
  byPeriod.set(ctx.quarter.label, c);
  return c;
}

const PERCENTILES = [
  ['p10', 10],
  ['p50', 50],
  ['p90', 90],
] as const;

const RULE =
  'Each of the draws moves every ranged realized benefit line dated to the period end to a value from its ' +
  'triangular distribution (minimum its low, mode its amount, maximum its high); lines naming the same assumption ' +
  'take the same point of their distributions (they move together), different assumptions move independently. ' +
  'Percentile by nearest rank: the ⌈q/100 × draws⌉-th smallest of the draws.';

const inputsByComputed = new WeakMap<
  Computed,
  Map<string, Record<'low' | 'high' | 'base', ExplanationInput>>
>();

/** Each drawn assumption's lines summed at their low, high and amount (kept with the draws: built once). */
function driverInputs(c: Computed): Map<string, Record<'low' | 'high' | 'base', ExplanationInput>> {
  const hit = inputsByComputed.get(c);
  if (hit) return hit;
  const byGroup = new Map<string, RegisterLine[]>();
  for (const l of c.lines) {
    const list = byGroup.get(l.group);
    if (list) list.push(l);
    else byGroup.set(l.group, [l]);
  }
  const out = new Map<string, Record<'low' | 'high' | 'base', ExplanationInput>>();
  for (const [group, own] of byGroup) {
    const at = (end: 'low' | 'high' | 'base', label: string) =>
      linesInput(
        label,
        own.reduce((s, l) => s + l[end], 0),
        own,
      );
    out.set(group, {
      low: at('low', 'The assumption’s lines at their low (sum, undiscounted)'),
      high: at('high', 'The assumption’s lines at their high (sum, undiscounted)'),
      base: at('base', 'The same lines at their amounts (sum, undiscounted)'),
    });
  }
  inputsByComputed.set(c, out);
  return out;
}

interface Spec {
  label: string;
  formula: string;
  inputs: ExplanationInput[];
  notes: string[];
}

/** Everything of the section but its figures' keys and results: depends on the draws' facts and period only. */
interface Prepared {
  common: ExplanationInput[];
  notes: string[];
  projected: number;
  drivers: {
    assumption: string;
    initiative: string | null;
    initiatives: string[];
    low: Spec;
    high: Spec;
  }[];
}

const preparedByComputed = new WeakMap<Computed, Prepared>();

function prepare(ctx: ReportContext, portfolio: PortfolioHeadline, computed: Computed): Prepared {
  const hit = preparedByComputed.get(computed);
  if (hit) return hit;
  const { quarter: q, facts } = ctx;
  const { seed, result, lines } = computed;
  const names = new Map(facts.initiatives.map((i) => [i.id, i.name]));
  const projected = facts.register.filter((l) => !l.realized && l.month <= ctx.asOf && l.low < l.high).length;
  const common: ExplanationInput[] = [
    valueInput('Draws', 'settings', SENSITIVITY_DRAWS),
    valueInput('Seed (FNV-1a of the workspace id, period and inputs)', 'settings', seed),
    linesInput('Ranged realized benefit lines to the period end', undefined, lines),
  ];
  const notes = [
    `${result.assumptions} assumption${result.assumptions === 1 ? '' : 's'} drawn` +
      (lines.length === 0 ? '; with no range every draw is the point figure, exactly.' : '.'),
    ...(projected > 0
      ? [
          `${projected} projected line${projected === 1 ? '' : 's'} with a range: projected benefits are in neither ` +
            'NPV nor ROI (as defined), so their ranges show in the register only.',
        ]
      : []),
  ];
  const groupInputs = driverInputs(computed);
  const drivers = result.drivers.map((d) => {
    const own = groupInputs.get(d.group)!;
    const initiatives = d.initiativeIds.map((id) => names.get(id) ?? `#${id}`);
    const swing = (end: 'low' | 'high'): Spec => ({
      label: `Portfolio NPV with “${d.assumption}” at its ${end}, ${q.label}`,
      formula:
        `The NPV as defined with every line naming this assumption at its ${end} and every other line at its ` +
        'amount: the point NPV plus each line’s change, discounted to the base month as its month’s flow is, ' +
        'rounded to the micro-unit. Bars are sorted by |high − low|, the largest first.',
      inputs: [figureInput('NPV at the amounts stated (point)', portfolio.npv), own[end], own.base],
      notes: [`Initiative${initiatives.length === 1 ? '' : 's'}: ${initiatives.join(', ')}.`],
    });
    return {
      assumption: d.assumption,
      initiative: initiatives.length === 1 ? initiatives[0]! : null,
      initiatives,
      low: swing('low'),
      high: swing('high'),
    };
  });
  const p = { common, notes, projected, drivers };
  preparedByComputed.set(computed, p);
  return p;
}

/**
 * The sensitivity section: bands and tornado, every figure explained. The draws and the figures' words are
 * kept per facts and period (compute, prepare); a report puts the figures in its book.
 */
export function buildSensitivity(ctx: ReportContext, portfolio: PortfolioHeadline): SensitivityReport {
  const { book, quarter: q } = ctx;
  const computed = compute(ctx, portfolio);
  const { seed, result, lines } = computed;
  const { common, notes, projected, drivers: specs } = prepare(ctx, portfolio, computed);
  const npv = {} as SensitivityBand<MoneyFigure>;
  const roi = {} as SensitivityBand<NumberFigure>;
  for (const [k, pct] of PERCENTILES) {
    npv[k] = book.money(`sensitivity.npv.${k}`, result.npv[k], {
      label: `Portfolio NPV, ${pct}th percentile under the benefit ranges, ${q.label}`,
      formula:
        `The NPV as defined (realized benefit − cost, monthly, discounted) evaluated in each draw, rounded to the ` +
        `micro-unit; the ${pct}th percentile of the draws. ${RULE}`,
      inputs: [figureInput('NPV at the amounts stated (point)', portfolio.npv), ...common],
      notes,
    });
    roi[k] = book.number(`sensitivity.cumulativeRoi.${k}`, 'ratio', result.cumulativeRoi[k], {
      label: `Cumulative portfolio ROI, ${pct}th percentile under the benefit ranges, to ${q.end}`,
      formula:
        `(Cumulative realized benefit − cumulative cost) ÷ cumulative cost, the benefit moved in each draw and ` +
        `rounded to the micro-unit; the ${pct}th percentile of the draws. Projected benefits stay out of ROI. ${RULE}`,
      inputs: [
        figureInput('Cumulative ROI at the amounts stated (point)', portfolio.cumulativeRoi),
        figureInput('Cumulative cost', portfolio.cumulativeCost),
        ...common,
      ],
      notes,
    });
  }
  const drivers = result.drivers.map((d, n) => {
    const spec = specs[n]!;
    return {
      assumption: spec.assumption,
      initiative: spec.initiative,
      initiatives: spec.initiatives,
      npvLow: book.money(`sensitivity.driver.${n}.low`, d.npvLow, spec.low),
      npvHigh: book.money(`sensitivity.driver.${n}.high`, d.npvHigh, spec.high),
    };
  });
  const explain = book.other('sensitivity', 'number', result.assumptions, {
    label: `Sensitivity of NPV and cumulative ROI to the benefit ranges, ${q.label}`,
    formula: `${SENSITIVITY_METHOD}. ${RULE}`,
    inputs: common,
    notes,
  });
  return {
    method: SENSITIVITY_METHOD,
    draws: SENSITIVITY_DRAWS,
    seed,
    npv,
    cumulativeRoi: roi,
    drivers,
    rangedLines: lines.length,
    projectedRangedLines: projected,
    explain,
  };
}
