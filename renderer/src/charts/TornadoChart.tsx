import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../kit/ChartCanvas';
import { useThemeVersion } from '../kit/charts/useThemeVersion';
import { axisTitle, baseOptions } from '../kit/charts/options';
import { chartTheme } from '../kit/charts/theme';

export interface TornadoBar {
  label: string;
  /** The figure with the driver at its low, then its high (major units). */
  low: number;
  high: number;
}

/**
 * A tornado: one floating bar per driver from the point figure to the figure at the driver's low (red) and
 * to the figure at its high (green), largest swing on top; the point is where the bars meet.
 */
export function TornadoChart(props: {
  title: string;
  bars: TornadoBar[];
  point: number;
  axisLabel: string;
  tick: (value: number | string) => string;
  format: (value: number) => string;
  testId?: string;
}) {
  const { title, bars, point, axisLabel, tick, format } = props;
  const themeVersion = useThemeVersion();
  const config = useMemo((): ChartConfiguration<'bar'> => {
    const theme = chartTheme();
    const options = baseOptions<'bar'>(theme, { title }, true);
    return {
      type: 'bar',
      data: {
        labels: bars.map((b) => b.label),
        datasets: [
          {
            label: 'Assumption at its low',
            data: bars.map((b) => [point, b.low] as [number, number]),
            backgroundColor: theme.red,
            borderRadius: 2,
            maxBarThickness: 16,
          },
          {
            label: 'Assumption at its high',
            data: bars.map((b) => [point, b.high] as [number, number]),
            backgroundColor: theme.green,
            borderRadius: 2,
            maxBarThickness: 16,
          },
        ],
      },
      options: {
        ...options,
        indexAxis: 'y',
        plugins: {
          ...options.plugins,
          tooltip: {
            callbacks: {
              label: (ctx) => {
                const raw = ctx.raw as [number, number];
                return `${ctx.dataset.label}: ${format(raw[1])}`;
              },
            },
          },
        },
        scales: {
          x: {
            grid: { color: theme.grid },
            ticks: { color: theme.muted, callback: tick },
            title: axisTitle(theme, axisLabel),
          },
          y: {
            stacked: true,
            grid: { display: false },
            ticks: {
              color: theme.text,
              autoSkip: false,
              callback(value) {
                const label = this.getLabelForValue(Number(value));
                return label.length > 30 ? `${label.slice(0, 29)}…` : label;
              },
            },
          },
        },
      },
    };
  }, [themeVersion, bars, point, axisLabel, tick, format, title]);
  return (
    <ChartCanvas
      config={config as ChartConfiguration}
      label={title}
      summary={`${axisLabel}: each assumption at its low and at its high, the others at base`}
      height={Math.max(160, 64 + bars.length * 30)}
      testId={props.testId}
    />
  );
}
