import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../kit/ChartCanvas';
import { useThemeVersion } from '../kit/charts/useThemeVersion';
import { moneyFull, moneyTick, monthTickLabels } from '../kit/charts/axis';
import { axisTitle, baseOptions, type CommonChartProps } from '../kit/charts/options';
import { chartTheme, type ChartTheme } from '../kit/charts/theme';

export interface GroupedBarChartProps extends CommonChartProps {
  /** Months (`YYYY-MM`) or other period labels. */
  periods: string[];
  series: { label: string; data: (number | null)[]; color: keyof ChartTheme | string }[];
  currency: string;
  xLabel?: string;
  height?: number;
  onDrawn?: () => void;
  testId?: string;
}

/** Vertical bars side by side per period (e.g. cost vs benefit by quarter), money on the y axis. */
export function GroupedBarChart(props: GroupedBarChartProps) {
  const { periods, series, currency, title, animation, xLabel = 'Period' } = props;
  const themeVersion = useThemeVersion();
  const config = useMemo((): ChartConfiguration<'bar'> => {
    const theme = chartTheme();
    const options = baseOptions<'bar'>(theme, { title, animation });
    const full = moneyFull(currency);
    const colorOf = (c: string) => (c in theme ? (theme[c as keyof ChartTheme] as string) : c);
    return {
      type: 'bar',
      data: {
        labels: monthTickLabels(periods),
        datasets: series.map((s) => ({
          label: s.label,
          data: s.data,
          backgroundColor: colorOf(s.color),
          borderRadius: 3,
          maxBarThickness: 28,
        })),
      },
      options: {
        ...options,
        plugins: {
          ...options.plugins,
          tooltip: {
            mode: 'index',
            intersect: false,
            callbacks: {
              label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y === null ? '—' : full(ctx.parsed.y)}`,
            },
          },
        },
        scales: {
          x: { grid: { display: false }, ticks: { color: theme.muted }, title: axisTitle(theme, xLabel) },
          y: {
            beginAtZero: true,
            grid: { color: theme.grid },
            ticks: { color: theme.muted, callback: moneyTick(currency) },
            title: axisTitle(theme, `Amount (${currency})`),
          },
        },
      },
    };
  }, [themeVersion, periods, series, currency, title, animation, xLabel]);
  return (
    <ChartCanvas
      config={config as ChartConfiguration}
      label={title}
      summary={`${series.map((s) => s.label).join(' and ')} by ${xLabel.toLowerCase()}, ${currency}`}
      height={props.height}
      onDrawn={props.onDrawn}
      testId={props.testId}
    />
  );
}
