import type { ChartConfiguration, LegendItem } from 'chart.js';
import type { RagStatus } from '../../../../shared/domain';
import { STATUS_LABEL } from '../../../../shared/labels';
import type { ReportModel } from '../../../../shared/report';
import { chartMajor, moneyFull } from './axis';
import { frameOptions, moneyScale, type ScreenChartOptions } from './frame';
import type { ChartLook } from './look';

const ORDER: RagStatus[] = ['green', 'amber', 'red', 'no_data'];

/** The status marks of StatusShape, as Chart.js point styles (● on track, ▲ at risk, ■ off track). */
export const STATUS_POINT: Record<RagStatus, 'circle' | 'triangle' | 'rect'> = {
  green: 'circle',
  amber: 'triangle',
  red: 'rect',
  no_data: 'circle',
};

/** One legend entry per status among the bars, with the status mark of the table beside the chart. */
function statusLegend(look: ChartLook, statuses: readonly RagStatus[]): LegendItem[] {
  return ORDER.filter((s) => statuses.includes(s)).map((s) => ({
    text: STATUS_LABEL[s],
    fontColor: look.text,
    fillStyle: look.status[s],
    strokeStyle: look.status[s],
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
export function varianceByCategoryChart(
  r: ReportModel,
  look: ChartLook,
  screen: ScreenChartOptions = {},
): ChartConfiguration<'bar'> {
  const rows = r.budget.byCategory;
  const full = moneyFull(r.currency);
  const options = frameOptions<'bar'>(look, screen);
  const x = moneyScale(look, r.currency, `Variance (${r.currency})`);
  return {
    type: 'bar',
    data: {
      labels: rows.map((c) => c.label),
      datasets: [
        {
          label: 'Variance (actual − budget)',
          data: rows.map((c) => chartMajor(c.variance.micro)),
          backgroundColor: rows.map((c) => look.status[c.status]),
          borderWidth: 0,
          barPercentage: 0.7,
        },
      ],
    },
    options: {
      ...options,
      indexAxis: 'y',
      plugins: {
        ...options.plugins,
        legend: {
          ...options.plugins?.legend,
          labels: {
            ...options.plugins?.legend?.labels,
            usePointStyle: true,
            boxHeight: 7,
            generateLabels: () =>
              statusLegend(
                look,
                rows.map((c) => c.status),
              ),
          },
        },
        tooltip: {
          ...options.plugins?.tooltip,
          mode: 'nearest',
          callbacks: {
            label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.x === null ? '—' : full(ctx.parsed.x)}`,
          },
        },
      },
      scales: { x, y: { grid: { display: false }, ticks: { color: look.text } } },
    },
  };
}
