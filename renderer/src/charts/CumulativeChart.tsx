import { useMemo } from 'react';
import { Chart, type ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../kit/ChartCanvas';
import { useThemeVersion } from './useThemeVersion';
import { moneyFull, moneyTick, monthLabel } from './axis';
import { axisTitle, baseOptions, type CommonChartProps } from './options';
import { chartTheme, withAlpha, type ChartTheme } from './theme';

export interface CumulativeSeries {
  label: string;
  /** Major units, one per month. */
  data: (number | null)[];
  /** A theme colour name or any CSS colour. */
  color: keyof ChartTheme | string;
  dashed?: boolean;
  fill?: boolean;
}

export interface CumulativeChartProps extends CommonChartProps {
  months: string[];
  series: CumulativeSeries[];
  currency: string;
  height?: number;
  onDrawn?: () => void;
  testId?: string;
}

/** Lines of running totals over months (e.g. cumulative benefit vs cumulative cost). */
export function CumulativeChart(props: CumulativeChartProps) {
  const { months, series, currency, title, animation } = props;
  const themeVersion = useThemeVersion();
  const config = useMemo((): ChartConfiguration<'line'> => {
    const theme = chartTheme();
    const options = baseOptions<'line'>(theme, { title, animation });
    const full = moneyFull(currency);
    const colorOf = (c: string) => (c in theme ? (theme[c as keyof ChartTheme] as string) : c);
    return {
      type: 'line',
      data: {
        labels: months.map((m) => monthLabel(m)),
        datasets: series.map((s) => ({
          label: s.label,
          data: s.data,
          borderColor: colorOf(s.color),
          backgroundColor: s.fill ? withAlpha(colorOf(s.color), 0.12) : colorOf(s.color),
          borderDash: s.dashed ? [6, 4] : [],
          borderWidth: 2,
          // A single month is a point, not a line: it must be drawn to be seen.
          pointRadius: months.length === 1 ? 4 : 0,
          pointHoverRadius: 4,
          fill: s.fill ? 'origin' : false,
          tension: 0.15,
        })),
      },
      options: {
        ...options,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          ...options.plugins,
          legend: {
            ...options.plugins?.legend,
            labels: {
              ...options.plugins?.legend?.labels,
              // Filled series get a solid swatch in their line colour.
              generateLabels: (chart) =>
                Chart.defaults.plugins.legend.labels
                  .generateLabels(chart)
                  .map((l) => ({ ...l, fillStyle: l.strokeStyle })),
            },
          },
          tooltip: {
            mode: 'index',
            intersect: false,
            callbacks: {
              label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y === null ? '—' : full(ctx.parsed.y)}`,
            },
          },
        },
        scales: {
          x: {
            grid: { display: false },
            ticks: {
              color: theme.muted,
              maxRotation: 0,
              autoSkip: true,
              autoSkipPadding: 16,
              maxTicksLimit: 8,
            },
            title: axisTitle(theme, 'Month'),
          },
          y: {
            beginAtZero: true,
            grid: { color: theme.grid },
            ticks: { color: theme.muted, callback: moneyTick(currency) },
            title: axisTitle(theme, `Cumulative (${currency})`),
          },
        },
      },
    };
  }, [themeVersion, months, series, currency, title, animation]);
  return (
    <ChartCanvas
      config={config as ChartConfiguration}
      label={title}
      summary={`Running totals by month in ${currency}: ${series.map((s) => s.label).join(', ')}`}
      height={props.height}
      onDrawn={props.onDrawn}
      testId={props.testId}
    />
  );
}
