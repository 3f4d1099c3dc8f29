import { describe, expect, it } from 'vitest';
import { budgetStatusView } from '../../../shared/format/budgetStatus';

describe('budget status for people: severity and side', () => {
  it('says which side of the budget a status beyond tolerance is on', () => {
    expect(budgetStatusView('red', 65_820_720_000)).toEqual({
      status: 'red',
      side: 'over',
      label: 'Over budget',
      glyph: '▲',
    });
    expect(budgetStatusView('red', -2_200_740_000)).toEqual({
      status: 'red',
      side: 'under',
      label: 'Under budget',
      glyph: '▼',
    });
    expect(budgetStatusView('amber', -9_140_660_000).label).toBe('Slightly under');
    expect(budgetStatusView('amber', 1).label).toBe('Slightly over');
  });

  it('within tolerance is on budget whatever the sign; no budget is said so', () => {
    expect(budgetStatusView('green', -1_529_040_000)).toMatchObject({
      side: 'on',
      label: 'On budget',
      glyph: '●',
    });
    expect(budgetStatusView('green', 47_917_270_000).label).toBe('On budget');
    expect(budgetStatusView('no_data', null)).toMatchObject({
      side: 'no_data',
      label: 'No budget',
      glyph: '○',
    });
    expect(budgetStatusView('red', null).side).toBe('no_data');
  });
});
