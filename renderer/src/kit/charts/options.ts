import type { ChartOptions, ChartType } from 'chart.js';
import type { ChartTheme } from './theme';

export interface CommonChartProps {
  /** Shown above the chart and used as its accessible name. */
  title: string;
  /**
   * Off by default (deterministic drawing: `data-chart-drawn` is exact, prints and benchmarks don't wait);
   * `true` animates briefly unless the user prefers reduced motion.
   */
  animation?: boolean;
}

export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
}

/** Options every chart shares: title, legend, fonts, colours, animation switch. */
export function baseOptions<T extends ChartType>(
  theme: ChartTheme,
  props: CommonChartProps,
  legend = true,
): ChartOptions<T> {
  const animate = props.animation === true && !prefersReducedMotion();
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: animate ? { duration: 250 } : false,
    color: theme.text,
    font: { family: theme.font },
    plugins: {
      title: {
        display: true,
        text: props.title,
        color: theme.text,
        align: 'start',
        font: { family: theme.font, size: 13, weight: 600 },
        padding: { bottom: 10 },
      },
      legend: {
        display: legend,
        position: 'bottom',
        labels: {
          color: theme.text,
          usePointStyle: true,
          boxWidth: 8,
          boxHeight: 8,
          font: { family: theme.font },
        },
      },
      tooltip: { mode: 'index', intersect: false },
    },
  } as ChartOptions<T>;
}

export function axisTitle(theme: ChartTheme, text: string) {
  return { display: true, text, color: theme.muted, font: { family: theme.font, size: 11 } };
}
