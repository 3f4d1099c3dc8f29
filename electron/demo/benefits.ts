import type { BenefitType } from '../../shared/domain';
import { addMonths, lastDayOfMonth, monthRange } from '../../shared/fiscal';
import { MICRO_PER_UNIT } from '../../shared/money';
import { benefitInserter } from '../store/lines';
import { demoAssumptions } from './assumptions';
import { DEMO_FIRST_MONTH, DEMO_INITIATIVES, DEMO_LAST_MONTH } from './catalog';
import { demoBatch, toMicro, type DemoContext } from './context';

/** Realized benefits as measured are larger than the catalog's conservative run-rates. */
const BENEFIT_SCALE = 1.8;

/** Realized benefit from production, ramping up; projected benefit for pilots and experiments. */
export function generateBenefits(ctx: DemoContext, ids: Map<string, number>): number {
  const { rnd } = ctx;
  const batch = demoBatch(ctx, 'benefits', 'benefits');
  const addBenefit = benefitInserter(ctx.db);
  const add = (
    initiativeId: number,
    month: string,
    amount: number,
    realized: boolean,
    type: BenefitType,
    description: string,
    initiative: string,
  ) => {
    addBenefit({
      date: lastDayOfMonth(month),
      initiativeId,
      amount,
      currency: ctx.currency,
      type,
      realized,
      description,
      batchId: batch.id,
      sourceRow: batch.nextRow(),
      assumptions: demoAssumptions(initiative, amount),
    });
    batch.add(amount);
  };
  for (const d of DEMO_INITIATIVES) {
    const id = ids.get(d.name)!;
    if (d.production && d.benefit > 0) {
      const start = d.production.slice(0, 7);
      monthRange(start < DEMO_FIRST_MONTH ? DEMO_FIRST_MONTH : start, d.to ?? DEMO_LAST_MONTH).forEach(
        (month, k) => {
          const ramp = Math.min(1, (k + 1) / d.rampMonths) * BENEFIT_SCALE;
          const amount = toMicro(d.benefit * ramp * (0.9 + rnd() * 0.2), rnd);
          add(id, month, amount, true, d.benefitType, `${d.name}: measured against baseline`, d.name);
        },
      );
    }
    if (d.projected) {
      // A business case projects round figures: measurement noise in the cents (as on realized lines)
      // made the board page show projections such as $216,000.01.
      const projected = d.projected * MICRO_PER_UNIT;
      for (const month of monthRange(addMonths(d.from, 3), '2026-12')) {
        rnd(); // the draw the cents used to take: kept, so every later figure of the demo stays as it was
        add(id, month, projected, false, d.benefitType, `${d.name}: business-case projection`, d.name);
      }
    }
  }
  return batch.finish(true);
}
