import { compactMoney } from '../../../../shared/export/format';
import { GRID } from './palette';

export function moneyAxis(currency: string) {
  return {
    grid: { color: GRID },
    border: { display: false },
    ticks: { callback: (v: number | string) => compactMoney(Number(v), currency) },
  };
}

export const categoryAxis = { grid: { display: false }, border: { color: '#94a3b8' } };
