import type { ChartConfiguration, LegendItem } from 'chart.js';
import type { RagStatus } from '../../../../shared/domain';
import { UNDER } from '../../../../shared/export/palette';
import { budgetStatusView, type BudgetStatusView } from '../../../../shared/format/budgetStatus';
import type { ReportModel } from '../../../../shared/report';
import { chartMajor, moneyFull } from './axis';
import { frameOptions, legendWithLabels, moneyScale, type ScreenChartOptions } from './frame';
import type { ChartLook } from './look';

const ORDER: RagStatus[] = ['green', 'amber', 'red', 'no_data'];
const SIDES = ['on', 'over', 'under', 'no_data'] as const;

/** The status marks of StatusShape, as Chart.js point styles (● on track, ▲ at risk, ■ off track). */
export const STATUS_POINT: Record<RagStatus, 'circle' | 'triangle' | 'rect'> = {
  green: 'circle',
  amber: 'triangle',
  red: 'rect',
  no_data: 'circle',
};

/** A bar's colour: an underspend beyond tolerance in its own colour, else its status colour. */
function barColour(look: ChartLook, v: BudgetStatusView): string {
  return v.side === 'under' ? UNDER : look.status[v.status];
}

/**
 * One legend entry per budget status among the bars, in the words and marks of the table beside the chart
 * ("▲ Over budget", "▼ Under budget", "● On budget").
 */
function statusLegend(look: ChartLook, views: readonly BudgetStatusView[]): LegendItem[] {
  const seen = new Map<string, BudgetStatusView>();
  for (const side of SIDES)
    for (const status of ORDER)
      for (const v of views) if (v.side === side && v.status === status) seen.set(v.label, v);
  return [...seen.values()].map((v) => ({
    text: v.label,
    fontColor: look.text,
    fillStyle: barColour(look, v),
    strokeStyle: barColour(look, v),
    lineWidth: 0,
    pointStyle: v.side === 'over' || v.side === 'under' ? 'triangle' : STATUS_POINT[v.status],
    rotation: v.side === 'under' ? 180 : 0,
    hidden: false,
    datasetIndex: 0,
  }));
}

/**
 * Quarter variance (actual − budget) by spend category: over-spend right, under-spend left. Each bar has
 * its category's budget status colour — the same status as the table ("Variance by category"), from
 * the same |variance %| thresholds — so a small over-spend within tolerance is not drawn as off track, and
 * an under-spend beyond them is drawn in the under-budget colour, not the over-spend's.
 */
export function varianceByCategoryChart(
  r: ReportModel,
  look: ChartLook,
  screen: ScreenChartOptions = {},
): ChartConfiguration<'bar'> {
  const rows = r.budget.byCategory;
  const views = rows.map((c) => budgetStatusView(c.status, c.variance.micro));
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
          backgroundColor: views.map((v) => barColour(look, v)),
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
        legend: legendWithLabels(options, {
          usePointStyle: true,
          boxHeight: 7,
          generateLabels: () => statusLegend(look, views),
        }),
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
