import { addMonths, type Month } from '../../shared/fiscal';
import { annualRateFromMonthly, irr, npv } from '../../shared/metrics/cashflow';
import type { MonthlyFlow } from '../../shared/metrics/roi';
import type { Micro } from '../../shared/money';
import type { MoneyFigure, NumberFigure } from '../../shared/report';
import type { ReportContext } from './context';
import { figureInput, valueInput } from './explanations';

/** Consecutive months [from, to] with cost, realized benefit and spend line counts. */
export function monthlyFlows(
  from: Month | null,
  to: Month,
  cost: (m: Month) => Micro,
  benefit: (m: Month) => Micro,
  spendLines: (m: Month) => number,
): { months: Month[]; flows: MonthlyFlow[] } {
  const months: Month[] = [];
  const flows: MonthlyFlow[] = [];
  if (from === null) return { months, flows };
  for (let m = from; m <= to; m = addMonths(m, 1)) {
    months.push(m);
    flows.push({ cost: cost(m), benefit: benefit(m), spendLines: spendLines(m) });
  }
  return { months, flows };
}

function roundHalfAway(x: number): Micro {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** NPV and (annualized) IRR of monthly net flows, with their explanations. */
export function discountedFigures(
  ctx: ReportContext,
  keyPrefix: string,
  subject: string,
  months: Month[],
  flows: MonthlyFlow[],
): { npv: MoneyFigure; irr: NumberFigure } {
  const net = flows.map((f) => f.benefit - f.cost);
  const rate = ctx.monthlyDiscountRate;
  const npvMicro = roundHalfAway(npv(rate, net));
  const monthlyIrr = irr(net);
  const span = months.length ? `${months[0]} to ${months[months.length - 1]}` : 'no months with data';
  const flowInputs = months.map((m, i) =>
    valueInput(`Net cash flow ${m} (realized benefit − cost, micro-units)`, 'figure', net[i]!),
  );
  const annual = ctx.facts.settings.discountRate;
  const npvFigure = ctx.book.money(`${keyPrefix}.npv`, npvMicro, {
    label: `NPV, ${subject}, ${ctx.quarter.label}`,
    formula:
      'Sum over months t = 0, 1, … of net cash flow (realized benefit − cost) ÷ (1 + monthly rate)^t, ' +
      'discounted to the first month with data; monthly rate = (1 + annual discount rate)^(1/12) − 1.',
    inputs: [
      valueInput('Annual discount rate (setting)', 'settings', annual),
      valueInput('Monthly discount rate', 'settings', rate),
      ...flowInputs,
    ],
    notes: [
      `Months ${span}; data dated after ${ctx.quarter.end} is ignored. Projected benefits are not included.`,
    ],
  });
  const irrValue = monthlyIrr === null ? null : annualRateFromMonthly(monthlyIrr);
  const irrFigure = ctx.book.number(`${keyPrefix}.irr`, 'ratio', irrValue, {
    label: `IRR (annual), ${subject}, ${ctx.quarter.label}`,
    formula:
      'The monthly rate r at which the NPV of the monthly net cash flows is 0, stated as an annual rate: (1 + r)^12 − 1. ' +
      'Not defined (blank) when the flows never change sign or when more than one rate solves it.',
    inputs: [figureInput('Monthly net cash flows (listed under the NPV)', npvFigure)],
    notes:
      monthlyIrr === null ? ['No unique IRR exists for these cash flows.'] : [`Monthly IRR ${monthlyIrr}.`],
  });
  return { npv: npvFigure, irr: irrFigure };
}
