import type { ChartConfiguration } from 'chart.js';
import type { ReportModel } from '../../../../shared/report';
import { chartMajor, moneyFull, monthLabel } from './axis';
import { categoryScale, frameOptions, legendWithLabels, moneyScale, type ScreenChartOptions } from './frame';
import { LINE_DASH, lineLegend, type LegendLine } from './lineLegend';
import type { ChartLook } from './look';
import { withAlpha } from './theme';

/** The projected line is named so everywhere: it is never part of ROI. */
export const PROJECTED_LINE_LABEL = 'Realized + projected benefit (not in ROI)';

/**
 * Cumulative realized benefit vs cumulative cost by month, for the dashboard and the pack; realized plus
 * projected benefit apart, when there is any. The lines differ in dash (solid, dashed, dotted) as well as
 * colour, so they read in greyscale; on screen the realized benefit is also shaded.
 */
export function cumulativeChart(
  r: ReportModel,
  look: ChartLook,
  screen: ScreenChartOptions = {},
): ChartConfiguration<'line', (number | null)[]> {
  const pts = r.cumulative;
  const onScreen = look.medium === 'screen';
  const line = (
    label: string,
    colour: string,
    dash: number[],
    width: number,
    data: number[],
    fill = false,
  ): LegendLine => ({
    label,
    data,
    borderColor: colour,
    backgroundColor: fill && onScreen ? withAlpha(colour, 0.12) : colour,
    borderDash: dash,
    borderWidth: width,
    borderCapStyle: 'butt',
    // A single month is a point, not a line: it must be drawn to be seen.
    pointRadius: pts.length === 1 ? 4 : 0,
    pointHoverRadius: 4,
    fill: fill && onScreen ? 'origin' : false,
    tension: 0,
  });
  const datasets = [
    line(
      'Cumulative cost',
      look.cost,
      LINE_DASH.solid,
      2,
      pts.map((p) => chartMajor(p.cumulativeCost)),
    ),
    line(
      'Cumulative realized benefit',
      look.benefit,
      LINE_DASH.dashed,
      2,
      pts.map((p) => chartMajor(p.cumulativeBenefit)),
      true,
    ),
  ];
  if (pts.some((p) => p.cumulativeProjectedBenefit !== 0))
    datasets.push(
      line(
        PROJECTED_LINE_LABEL,
        look.projected,
        LINE_DASH.dotted,
        1.5,
        pts.map((p) => chartMajor(p.cumulativeBenefit + p.cumulativeProjectedBenefit)),
      ),
    );
  const full = moneyFull(r.currency);
  const options = frameOptions<'line'>(look, screen);
  return {
    type: 'line',
    data: { labels: pts.map((p) => monthLabel(p.month)), datasets },
    options: {
      ...options,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        ...options.plugins,
        legend: legendWithLabels(options, {
          usePointStyle: true,
          pointStyleWidth: 26,
          boxHeight: 6,
          generateLabels: () => lineLegend(datasets, look.text),
        }),
        tooltip: {
          ...options.plugins?.tooltip,
          callbacks: {
            label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y === null ? '—' : full(ctx.parsed.y)}`,
          },
        },
      },
      scales: {
        x: {
          ...categoryScale(look, 'Month'),
          ticks: { color: look.muted, maxRotation: 0, autoSkip: true, autoSkipPadding: 16, maxTicksLimit: 8 },
        },
        y: moneyScale(look, r.currency, `Cumulative (${r.currency})`),
      },
    },
  };
}
