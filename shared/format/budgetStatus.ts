import type { RagStatus } from '../domain';

/** Which side of the budget a figure is on: within tolerance, over, under, or no budget to compare. */
export type BudgetSide = 'on' | 'over' | 'under' | 'no_data';

/**
 * A budget status for people: the RAG severity keeps its meaning (how far from budget), and the side says
 * which way, so an underspend beyond tolerance reads "Under budget" with its own colour and a ▼, never
 * styled like an overspend (▲, the status colour).
 */
export interface BudgetStatusView {
  status: RagStatus;
  side: BudgetSide;
  label: string;
  /** As text (deck, workbook): ● on budget, ▲ over, ▼ under, ○ no budget. */
  glyph: string;
}

const GLYPH: Record<BudgetSide, string> = { on: '●', over: '▲', under: '▼', no_data: '○' };

/** The view of a budget status from its RAG status and the variance's sign (actual − budget). */
export function budgetStatusView(status: RagStatus, varianceMicro: number | null): BudgetStatusView {
  const side: BudgetSide =
    status === 'no_data' || varianceMicro === null
      ? 'no_data'
      : status === 'green'
        ? 'on'
        : varianceMicro > 0
          ? 'over'
          : varianceMicro < 0
            ? 'under'
            : 'on';
  // Amber (beyond the green tolerance, within the amber one) is "Slightly over/under": short enough for a
  // status column, and the severity in words, not in colour alone.
  const label =
    side === 'no_data'
      ? 'No budget'
      : side === 'on'
        ? 'On budget'
        : status === 'amber'
          ? `Slightly ${side}`
          : `${side === 'over' ? 'Over' : 'Under'} budget`;
  return { status, side, label, glyph: GLYPH[side] };
}
