import { monthRange } from '../../shared/fiscal';
import type { CumulativePoint } from '../../shared/report';
import type { ReportContext } from './context';
import { tallyInput } from './explanations';

/** Cost, realized and projected benefit by month from the first month with data, with running totals. */
export function buildCumulative(ctx: ReportContext): { points: CumulativePoint[]; explain: string } {
  const { facts, asOf, quarter: q } = ctx;
  const points: CumulativePoint[] = [];
  let cumulativeCost = 0;
  let cumulativeBenefit = 0;
  let cumulativeProjectedBenefit = 0;
  if (ctx.firstMonth !== null) {
    for (const month of monthRange(ctx.firstMonth, asOf)) {
      const cost = facts.spendTotal.month('all', month);
      const benefit = facts.benefitTotal.month('realized', month);
      const projectedBenefit = facts.benefitTotal.month('projected', month);
      cumulativeCost += cost;
      cumulativeBenefit += benefit;
      cumulativeProjectedBenefit += projectedBenefit;
      points.push({
        month,
        cost,
        benefit,
        projectedBenefit,
        cumulativeCost,
        cumulativeBenefit,
        cumulativeProjectedBenefit,
      });
    }
  }
  const explain = ctx.book.other('cumulative', 'money', null, {
    label: `Cumulative benefit vs cost by month to ${q.end}`,
    formula:
      'Per month: all spend, realized benefit and projected benefit dated in the month; running totals from the first month with data.',
    inputs: [
      tallyInput(`Spend lines to ${q.end}`, 'spend', facts.spendTotal.sum('all', null, asOf)),
      tallyInput(
        `Realized benefit lines to ${q.end}`,
        'benefits',
        facts.benefitTotal.sum('realized', null, asOf),
      ),
      tallyInput(
        `Projected benefit lines to ${q.end}`,
        'benefits',
        facts.benefitTotal.sum('projected', null, asOf),
      ),
    ],
    notes: ['Projected benefit is shown apart and never counted in ROI.'],
  });
  return { points, explain };
}
