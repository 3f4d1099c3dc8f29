import type { ChartConfiguration, LegendItem } from 'chart.js';
import type { RagStatus } from '../../../../shared/domain';
import { STATUS_LABEL } from '../../../../shared/export/format';
import { microToMajor } from '../../../../shared/money';
import type { ReportModel } from '../../../../shared/report';
import { moneyAxis } from './axes';
import { STATUS_COLOUR, STATUS_POINT } from './palette';

const ORDER: RagStatus[] = ['green', 'amber', 'red', 'no_data'];

/** One legend entry per status among the bars, with the status mark of the table beside the chart. */
function statusLegend(statuses: readonly RagStatus[]): LegendItem[] {
  return ORDER.filter((s) => statuses.includes(s)).map((s) => ({
    text: STATUS_LABEL[s],
    fillStyle: STATUS_COLOUR[s],
    strokeStyle: STATUS_COLOUR[s],
    lineWidth: 0,
    pointStyle: STATUS_POINT[s],
    hidden: false,
    datasetIndex: 0,
  }));
}

/**
 * Quarter variance (actual − budget) by spend category: over-spend right, under-spend left. Each bar has
 * its category's budget status colour — the same status as the table ("Variance by category"), from
 * the same |variance %| thresholds — so a small over-spend within tolerance is not drawn as off track.
 */
export function varianceChart(r: ReportModel): ChartConfiguration<'bar'> {
  const rows = r.budget.byCategory;
  return {
    type: 'bar',
    data: {
      labels: rows.map((c) => c.label),
      datasets: [
        {
          label: 'Variance (actual − budget)',
          data: rows.map((c) => microToMajor(c.variance.micro)),
          backgroundColor: rows.map((c) => STATUS_COLOUR[c.status]),
          borderWidth: 0,
          barPercentage: 0.7,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            usePointStyle: true,
            boxHeight: 7,
            generateLabels: () => statusLegend(rows.map((c) => c.status)),
          },
        },
      },
      scales: { x: moneyAxis(r.currency), y: { grid: { display: false } } },
    },
  };
}
