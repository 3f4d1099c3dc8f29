import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../kit/ChartCanvas';
import { useThemeVersion } from '../kit/charts/useThemeVersion';
import { axisTitle, baseOptions, type CommonChartProps } from '../kit/charts/options';
import { chartTheme, type ChartTheme } from '../kit/charts/theme';

export interface HorizontalBarChartProps extends CommonChartProps {
  labels: string[];
  /** One or more series; values in the unit the formatters expect. */
  series: { label: string; data: (number | null)[]; color?: keyof ChartTheme | string; colors?: string[] }[];
  /** Axis title including the unit, e.g. "ROI (%)" or "Spend (USD)". */
  axisLabel: string;
  /** Formats axis ticks (compact). */
  tick: (value: number | string) => string;
  /** Formats a value in the tooltip (full precision). */
  format: (value: number) => string;
  height?: number;
  onDrawn?: () => void;
  testId?: string;
}

/** Horizontal bars, one row per label (e.g. ROI by initiative, spend by vendor). */
export function HorizontalBarChart(props: HorizontalBarChartProps) {
  const { labels, series, axisLabel, tick, format, title, animation } = props;
  const themeVersion = useThemeVersion();
  const config = useMemo((): ChartConfiguration<'bar'> => {
    const theme = chartTheme();
    const options = baseOptions<'bar'>(theme, { title, animation }, series.length > 1);
    const colorOf = (c: string | undefined) =>
      c === undefined ? theme.accent : c in theme ? (theme[c as keyof ChartTheme] as string) : c;
    return {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.data,
          backgroundColor: s.colors ?? colorOf(s.color),
          borderRadius: 3,
          maxBarThickness: 18,
        })),
      },
      options: {
        ...options,
        indexAxis: 'y',
        plugins: {
          ...options.plugins,
          tooltip: {
            callbacks: {
              label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.x === null ? '—' : format(ctx.parsed.x)}`,
            },
          },
        },
        scales: {
          x: {
            grid: { color: theme.grid },
            ticks: { color: theme.muted, callback: tick },
            title: axisTitle(theme, axisLabel),
          },
          y: { grid: { display: false }, ticks: { color: theme.text, autoSkip: false } },
        },
      },
    };
  }, [themeVersion, labels, series, axisLabel, tick, format, title, animation]);
  return (
    <ChartCanvas
      config={config as ChartConfiguration}
      label={title}
      summary={`${axisLabel} by row`}
      height={props.height ?? Math.max(160, 56 + labels.length * 30)}
      onDrawn={props.onDrawn}
      testId={props.testId}
    />
  );
}
