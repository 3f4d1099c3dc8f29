import { Chart, type ChartConfiguration } from 'chart.js';
import type { ReportModel } from '../../../../shared/report';
import { chartMajor, moneyFull, monthTickLabels } from './axis';
import { categoryScale, frameOptions, legendWithLabels, moneyScale, type ScreenChartOptions } from './frame';
import type { ChartLook } from './look';
import { withAlpha } from './theme';

/**
 * Budget vs actual by month of the fiscal year, for the dashboard and the pack: actual spend as bars (the
 * quarter's months emphasised, months not yet reported without a bar), the budget as a dashed line.
 */
export function budgetVsActualChart(
  r: ReportModel,
  look: ChartLook,
  screen: ScreenChartOptions = {},
): ChartConfiguration<'bar' | 'line'> {
  const monthly = r.budget.monthly;
  const quarter = new Set(r.period.months);
  const full = moneyFull(r.currency);
  const options = frameOptions<'bar'>(look, screen);
  return {
    type: 'bar',
    data: {
      labels: monthTickLabels(monthly.map((m) => m.month)),
      datasets: [
        {
          type: 'bar',
          label: 'Actual',
          data: monthly.map((m) => (m.actual === null ? null : chartMajor(m.actual))),
          backgroundColor: monthly.map((m) =>
            quarter.has(m.month) ? look.cost : withAlpha(look.cost, 0.45),
          ),
          borderRadius: look.medium === 'screen' ? 3 : 0,
          order: 2,
        },
        {
          type: 'line',
          label: 'Budget',
          data: monthly.map((m) => chartMajor(m.budget)),
          borderColor: look.budget,
          backgroundColor: look.budget,
          borderWidth: look.medium === 'screen' ? 2 : 1.5,
          borderDash: [6, 4],
          pointRadius: look.medium === 'screen' ? 2 : 0,
          pointStyle: 'line',
          tension: 0,
          order: 1,
        },
      ],
    },
    options: {
      ...options,
      plugins: {
        ...options.plugins,
        legend: legendWithLabels(options, {
          usePointStyle: true,
          pointStyleWidth: 18,
          // Actual: a swatch in the emphasised colour (not the first, possibly faded, bar's); budget: its dashed line.
          generateLabels: (chart) =>
            Chart.defaults.plugins.legend.labels
              .generateLabels(chart)
              .map((l) =>
                l.text === 'Actual'
                  ? { ...l, fillStyle: look.cost, strokeStyle: look.cost, pointStyle: 'rect', lineWidth: 0 }
                  : { ...l, pointStyle: 'line', lineWidth: 2, lineDash: [4, 2], fillStyle: look.budget },
              ),
        }),
        tooltip: {
          ...options.plugins?.tooltip,
          callbacks: {
            label: (ctx) =>
              `${ctx.dataset.label}: ${ctx.parsed.y === null ? 'not reported' : full(ctx.parsed.y)}`,
          },
        },
      },
      scales: {
        x: categoryScale(look, 'Month'),
        y: moneyScale(look, r.currency, `Spend (${r.currency})`),
      },
    },
  } as ChartConfiguration<'bar' | 'line'>;
}
