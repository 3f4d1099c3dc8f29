import type { ChartConfiguration } from 'chart.js';
import { shortMonth } from '../../../../shared/export/format';
import { microToMajor } from '../../../../shared/money';
import type { ReportModel } from '../../../../shared/report';
import { categoryAxis, moneyAxis } from './axes';
import { BUDGET, COST } from './palette';

/** Budget vs actual by month of the fiscal year; months not yet reported have no actual bar. */
export function budgetMonthlyChart(r: ReportModel): ChartConfiguration {
  const m = r.budget.monthly;
  return {
    type: 'bar',
    data: {
      labels: m.map((x) => shortMonth(x.month)),
      datasets: [
        {
          label: 'Budget',
          data: m.map((x) => microToMajor(x.budget)),
          backgroundColor: BUDGET,
          borderWidth: 0,
          barPercentage: 0.8,
          categoryPercentage: 0.7,
        },
        {
          label: 'Actual',
          data: m.map((x) => (x.actual === null ? null : microToMajor(x.actual))),
          backgroundColor: COST,
          borderWidth: 0,
          barPercentage: 0.8,
          categoryPercentage: 0.7,
        },
      ],
    },
    options: {
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 8 } } },
      scales: { x: { ...categoryAxis, ticks: { maxRotation: 0 } }, y: moneyAxis(r.currency) },
    },
  };
}
