import { useMemo } from 'react';
import { Chart, type ChartConfiguration } from 'chart.js';
import { ChartCanvas } from '../kit/ChartCanvas';
import { useThemeVersion } from './useThemeVersion';
import { moneyFull, moneyTick, monthTickLabels } from './axis';
import { axisTitle, baseOptions, type CommonChartProps } from './options';
import { chartTheme, withAlpha } from './theme';

export interface BudgetActualChartProps extends CommonChartProps {
  /** `YYYY-MM` months. */
  months: string[];
  /** Major units per month. */
  budget: number[];
  /** Major units per month; null for months not yet reported. */
  actual: (number | null)[];
  currency: string;
  /** Months to emphasise (e.g. the chosen quarter). */
  highlight?: string[];
  height?: number;
  onDrawn?: () => void;
  testId?: string;
}

/** Actual spend as bars, budget as a line, per month. */
export function BudgetActualChart(props: BudgetActualChartProps) {
  const { months, budget, actual, currency, highlight, title, animation } = props;
  const themeVersion = useThemeVersion();
  const config = useMemo((): ChartConfiguration<'bar' | 'line'> => {
    const theme = chartTheme();
    const hi = new Set(highlight ?? []);
    const options = baseOptions<'bar'>(theme, { title, animation });
    const full = moneyFull(currency);
    return {
      type: 'bar',
      data: {
        labels: monthTickLabels(months),
        datasets: [
          {
            type: 'bar',
            label: 'Actual',
            data: actual,
            backgroundColor: months.map((m) =>
              hi.size === 0 || hi.has(m) ? theme.actual : withAlpha(theme.actual, 0.45),
            ),
            borderRadius: 3,
            order: 2,
          },
          {
            type: 'line',
            label: 'Budget',
            data: budget,
            borderColor: theme.budget,
            backgroundColor: theme.budget,
            borderWidth: 2,
            borderDash: [6, 4],
            pointRadius: 2,
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
          legend: {
            ...options.plugins?.legend,
            labels: {
              ...options.plugins?.legend?.labels,
              // The legend swatch is the emphasised colour, not the first (possibly faded) bar's.
              generateLabels: (chart) =>
                Chart.defaults.plugins.legend.labels
                  .generateLabels(chart)
                  .map((l) =>
                    l.text === 'Actual' ? { ...l, fillStyle: theme.actual, strokeStyle: theme.actual } : l,
                  ),
            },
          },
          tooltip: {
            mode: 'index',
            intersect: false,
            callbacks: {
              label: (ctx) =>
                `${ctx.dataset.label}: ${ctx.parsed.y === null ? 'not reported' : full(ctx.parsed.y)}`,
            },
          },
        },
        scales: {
          x: {
            grid: { display: false },
            ticks: { color: theme.muted },
            title: axisTitle(theme, 'Month'),
          },
          y: {
            beginAtZero: true,
            grid: { color: theme.grid },
            ticks: { color: theme.muted, callback: moneyTick(currency) },
            title: axisTitle(theme, `Spend (${currency})`),
          },
        },
      },
    } as ChartConfiguration<'bar' | 'line'>;
  }, [themeVersion, months, budget, actual, currency, highlight, title, animation]);
  return (
    <ChartCanvas
      config={config as ChartConfiguration}
      label={title}
      summary={`Monthly actual spend against budget in ${currency}`}
      height={props.height}
      onDrawn={props.onDrawn}
      testId={props.testId}
    />
  );
}
