import { monthRange, monthsBetween, type Month } from '../../shared/fiscal';
import { annualRateFromMonthly, irr, npv } from '../../shared/metrics/cashflow';
import type { MonthlyFlow } from '../../shared/metrics/roi';
import type { Micro } from '../../shared/money';
import type { ExplanationInput, MoneyFigure, NumberFigure } from '../../shared/report';
import type { ReportContext } from './context';
import { figureInput, moneyInput, percentText, ratioInput } from './explanations';
import type { MonthlySeries } from './series';

/** One key of a cost series and one of a benefit series. */
export interface FlowSource<C, B> {
  cost: MonthlySeries<C>;
  costKey: C;
  benefit: MonthlySeries<B>;
  benefitKey: B;
}

/** Where each month's net cash flow comes from: the spend and benefit lines summed, and their import batches. */
export interface FlowSources {
  lines: number[];
  batchIds: number[][];
}

/** Monthly flows with their months and sources, as monthlyFlows returns them. */
export interface Flows {
  months: Month[];
  flows: MonthlyFlow[];
  sources: FlowSources;
}

/**
 * Flows by their series (a new object after every write: facts are reloaded), keys and months: a report built
 * again from unchanged data, or another quarter ending the same month, reuses them. Shared between reports,
 * so read-only.
 */
const flowsBySeries = new WeakMap<
  MonthlySeries<unknown>,
  WeakMap<MonthlySeries<unknown>, Map<string, Flows>>
>();

/**
 * Consecutive months [from, to] with cost, realized benefit and spend line counts, and their sources (kept
 * with the series: see flowsBySeries; the caller must not change them).
 */
export function monthlyFlows<C, B>(from: Month | null, to: Month, s: FlowSource<C, B>): Flows {
  if (from === null || from > to) return { months: [], flows: [], sources: { lines: [], batchIds: [] } };
  const cost = s.cost as MonthlySeries<unknown>;
  const benefit = s.benefit as MonthlySeries<unknown>;
  let byBenefit = flowsBySeries.get(cost);
  if (!byBenefit) flowsBySeries.set(cost, (byBenefit = new WeakMap()));
  let byKey = byBenefit.get(benefit);
  if (!byKey) byBenefit.set(benefit, (byKey = new Map()));
  const key = `${String(s.costKey)}|${String(s.benefitKey)}|${from}|${to}`;
  const hit = byKey.get(key);
  if (hit) return hit;
  const flows = computeFlows(from, to, s);
  byKey.set(key, flows);
  return flows;
}

function computeFlows<C, B>(from: Month, to: Month, s: FlowSource<C, B>): Flows {
  const months = monthRange(from, to);
  const cost = s.cost.amounts(s.costKey, from, to);
  const lines = s.cost.lineCountsFor(s.costKey, from, to);
  const benefit = s.benefit.amounts(s.benefitKey, from, to);
  const tallies = months.map(
    (m) => [s.cost.sum(s.costKey, m, m), s.benefit.sum(s.benefitKey, m, m)] as const,
  );
  return {
    months,
    flows: months.map((_, i) => ({ cost: cost[i]!, benefit: benefit[i]!, spendLines: lines[i]! })),
    sources: {
      lines: tallies.map(([c, b]) => c.lines + b.lines),
      batchIds: tallies.map(([c, b]) =>
        [...new Set([...c.batchIds(), ...b.batchIds()])].sort((x, y) => x - y),
      ),
    },
  };
}

function roundHalfAway(x: number): Micro {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * npv() of monthly net flows at the report's monthly rate, discounted to its common base month
 * (`ctx.discountBase`): months between the base and the first of `months` count as flows of 0, so every NPV
 * is stated at the same date. Not rounded (the figure is rounded to the micro-unit; the sensitivity analysis
 * moves this sum).
 */
export function npvOfFlows(ctx: ReportContext, months: Month[], net: number[]): number {
  const base = ctx.discountBase;
  const lead = base !== null && months.length ? monthsBetween(base, months[0]!) : 0;
  return npv(ctx.monthlyDiscountRate, [...new Array<number>(Math.max(0, lead)).fill(0), ...net]);
}

/** An NPV's net flows, its value and its explanation's inputs: kept per flows (see flowsBySeries). */
interface Discounted {
  net: number[];
  npvMicro: Micro;
  inputs: ExplanationInput[];
}

/**
 * By flows array: flows monthlyFlows keeps belong to one state of the data and one period end, which fix the
 * discount rate and base too, so a report built again reuses the NPV and the ~30 inputs naming each month's lines.
 */
const discountedByFlows = new WeakMap<readonly MonthlyFlow[], Discounted>();

function discounted(
  ctx: ReportContext,
  months: Month[],
  flows: readonly MonthlyFlow[],
  sources: FlowSources | undefined,
): Discounted {
  const hit = discountedByFlows.get(flows);
  if (hit) return hit;
  const net = flows.map((f) => f.benefit - f.cost);
  const d: Discounted = {
    net,
    npvMicro: roundHalfAway(npvOfFlows(ctx, months, net)),
    inputs: [
      ratioInput('Annual discount rate (setting)', 'settings', ctx.facts.settings.discountRate),
      ratioInput('Monthly discount rate', 'settings', ctx.monthlyDiscountRate),
      // Each month's net flow names the spend and benefit lines behind it and their import batches.
      ...months.map((m, i) => ({
        ...moneyInput(m, 'figure', net[i]!),
        lineCount: sources?.lines[i] ?? 0,
        batchIds: sources?.batchIds[i] ?? [],
      })),
    ],
  };
  // Only flows kept by monthlyFlows come back; an empty list is new each time (nothing to keep).
  if (flows.length > 0) discountedByFlows.set(flows, d);
  return d;
}

/** NPV of monthly net flows (see npvOfFlows), rounded half away from zero to the micro-unit, explained. */
export function npvFigure(
  ctx: ReportContext,
  key: string,
  subject: string,
  months: Month[],
  flows: MonthlyFlow[],
  sources?: FlowSources,
): { figure: MoneyFigure; net: number[] } {
  const { net, npvMicro, inputs } = discounted(ctx, months, flows, sources);
  const base = ctx.discountBase;
  const lead = base !== null && months.length ? monthsBetween(base, months[0]!) : 0;
  const span = months.length ? `${months[0]} to ${months[months.length - 1]}` : 'no months with data';
  const figure = ctx.book.money(key, npvMicro, {
    label: `NPV, ${subject}, ${ctx.quarter.label}`,
    formula:
      'Sum over months t = 0, 1, … of net cash flow (realized benefit − cost) ÷ (1 + monthly rate)^t, ' +
      'where t = 0 is the portfolio’s first month with a cash flow (the same date for every NPV, so the ' +
      'initiatives’ and the shared platform’s add up to the portfolio’s); monthly rate = ' +
      '(1 + annual discount rate)^(1/12) − 1. Inputs after the rates: each month’s net cash flow.',
    inputs,
    notes: [
      `Months ${span}${base !== null && lead > 0 ? `, discounted to ${base} (t = 0; ${lead} months before the first)` : ''}; ` +
        `data dated after ${ctx.quarter.end} is ignored. Projected benefits are not included.`,
    ],
  });
  return { figure, net };
}

/** Monthly IRRs by flows: the flows monthlyFlows keeps give the same root every time (a solve per report is costly). */
const irrByFlows = new WeakMap<readonly MonthlyFlow[], number | null>();

function irrOf(flows: readonly MonthlyFlow[], net: number[]): number | null {
  const hit = irrByFlows.get(flows);
  if (hit !== undefined) return hit;
  const r = irr(net);
  irrByFlows.set(flows, r);
  return r;
}

/** NPV (see npvFigure) and annualized IRR of monthly net flows, with their explanations. */
export function discountedFigures(
  ctx: ReportContext,
  keyPrefix: string,
  subject: string,
  months: Month[],
  flows: MonthlyFlow[],
  sources?: FlowSources,
): { npv: MoneyFigure; irr: NumberFigure } {
  const { figure: npvFig, net } = npvFigure(ctx, `${keyPrefix}.npv`, subject, months, flows, sources);
  // Leading months of 0 change no root: the IRR is the flows' own (solved once per flows: see irrOf).
  const monthlyIrr = irrOf(flows, net);
  const irrValue = monthlyIrr === null ? null : annualRateFromMonthly(monthlyIrr);
  const irrFigure = ctx.book.number(`${keyPrefix}.irr`, 'ratio', irrValue, {
    label: `IRR (annual), ${subject}, ${ctx.quarter.label}`,
    formula:
      'The monthly rate r at which the NPV of the monthly net cash flows is 0, stated as an annual rate: (1 + r)^12 − 1. ' +
      'Not defined (blank) when the flows never change sign or when more than one rate solves it.',
    inputs: [figureInput('Monthly net cash flows (listed under the NPV)', npvFig)],
    notes:
      monthlyIrr === null
        ? ['No unique IRR exists for these cash flows.']
        : [`Monthly IRR ${percentText(monthlyIrr)}.`],
  });
  return { npv: npvFig, irr: irrFigure };
}
