import type { ChartConfiguration } from 'chart.js';
import { pct } from '../../../../shared/format/number';
import type { InitiativeReport } from '../../../../shared/report';
import { axisTitle, frameOptions, type ScreenChartOptions } from './frame';
import type { ChartLook } from './look';

/** Which ROI a series of the chart draws: the quarter's, or cumulative to the quarter's end. */
export type RoiSeries = 'quarter' | 'cumulative';

const SERIES_LABEL: Record<RoiSeries, string> = {
  quarter: 'Quarter ROI',
  cumulative: 'Cumulative ROI',
};

/**
 * ROI by initiative as horizontal bars, one row per initiative in the order given (each side chooses its
 * rows: the pack the largest cost first, the dashboard the most material ones). Values are the model's
 * ratios; the axis and the tooltip write them with the kit's percent. The quarter's bars are coloured by
 * sign (a loss in the negative colour), a cumulative series in the projected grey.
 */
export function roiByInitiativeChart(
  rows: readonly InitiativeReport[],
  series: readonly RoiSeries[],
  look: ChartLook,
  screen: ScreenChartOptions = {},
): ChartConfiguration<'bar'> {
  const options = frameOptions<'bar'>(look, screen, series.length > 1);
  return {
    type: 'bar',
    data: {
      labels: rows.map((i) => i.name),
      datasets: series.map((s) => {
        const data = rows.map((i) => (s === 'quarter' ? i.roi.value : i.cumulativeRoi.value));
        return {
          label: SERIES_LABEL[s],
          data,
          backgroundColor:
            s === 'quarter'
              ? data.map((v) => ((v ?? 0) >= 0 ? look.benefit : look.negative))
              : look.projected,
          borderWidth: 0,
          borderRadius: look.medium === 'screen' ? 3 : 0,
          barPercentage: 0.7,
          maxBarThickness: 18,
        };
      }),
    },
    options: {
      ...options,
      indexAxis: 'y',
      plugins: {
        ...options.plugins,
        tooltip: {
          ...options.plugins?.tooltip,
          mode: 'nearest',
          callbacks: {
            label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.x === null ? '—' : pct(ctx.parsed.x)}`,
          },
        },
      },
      scales: {
        x: {
          grid: { color: look.grid },
          border: { display: false },
          ticks: { color: look.muted, callback: (v: number | string) => pct(Number(v), 0) },
          title: axisTitle(look, 'ROI (%)'),
        },
        y: {
          grid: { display: false },
          ticks: {
            color: look.text,
            autoSkip: false,
            ...(look.medium === 'print' ? { font: { size: rows.length > 10 ? 8 : 10 } } : {}),
          },
        },
      },
    },
  };
}
