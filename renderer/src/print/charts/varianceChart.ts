import type { ChartConfiguration } from 'chart.js';
import { microToMajor } from '../../../../shared/money';
import type { ReportModel } from '../../../../shared/report';
import { moneyAxis } from './axes';
import { OVER, UNDER } from './palette';

/** Quarter variance (actual − budget) by spend category: over-spend right, under-spend left. */
export function varianceChart(r: ReportModel): ChartConfiguration {
  const rows = r.budget.byCategory;
  return {
    type: 'bar',
    data: {
      labels: rows.map((c) => c.label),
      datasets: [
        {
          label: 'Variance (actual − budget)',
          data: rows.map((c) => microToMajor(c.variance.micro)),
          backgroundColor: rows.map((c) => (c.variance.micro > 0 ? OVER : UNDER)),
          borderWidth: 0,
          barPercentage: 0.7,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: moneyAxis(r.currency), y: { grid: { display: false } } },
    },
  };
}
