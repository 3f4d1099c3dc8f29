import type { ChartOptions, ChartType, LegendOptions } from 'chart.js';
import { compactMoney } from '../../../../shared/format/money';
import type { ChartLook } from './look';
import { prefersReducedMotion } from './options';

/** What a screen adds to a chart: a title drawn on the canvas and, if asked, a brief animation. */
export interface ScreenChartOptions {
  title?: string;
  animation?: boolean;
}

/**
 * Options every report chart shares, per medium. The screen: responsive, its title on the canvas,
 * index tooltips. The print page: no title (the figure's caption is it), no tooltips, no animation (the
 * kit's ChartCanvas makes a fixed-size chart static as well).
 */
export function frameOptions<T extends ChartType>(
  look: ChartLook,
  screen: ScreenChartOptions = {},
  legend = true,
): ChartOptions<T> {
  const onScreen = look.medium === 'screen';
  const animate = onScreen && screen.animation === true && !prefersReducedMotion();
  return {
    responsive: onScreen,
    maintainAspectRatio: false,
    animation: animate ? { duration: 250 } : false,
    color: look.text,
    font: { family: look.font },
    plugins: {
      title: {
        display: onScreen && screen.title !== undefined,
        text: screen.title ?? '',
        color: look.text,
        align: 'start',
        font: { family: look.font, size: 13, weight: 600 },
        padding: { bottom: 10 },
      },
      legend: {
        display: legend,
        position: 'bottom',
        labels: { color: look.text, boxWidth: 12, boxHeight: 8, font: { family: look.font } },
      },
      tooltip: { enabled: onScreen, mode: 'index', intersect: false },
    },
  } as ChartOptions<T>;
}

/** The frame's legend with a chart's own label settings over the frame's (its marks, sizes, entries). */
export function legendWithLabels<T extends ChartType>(
  options: ChartOptions<T>,
  labels: Partial<LegendOptions<T>['labels']>,
) {
  return { ...options?.plugins?.legend, labels: { ...options?.plugins?.legend?.labels, ...labels } };
}

/** An axis title in the muted colour (the screen names its axes; the print caption names the chart). */
export function axisTitle(look: ChartLook, text: string) {
  return {
    display: look.medium === 'screen',
    text,
    color: look.muted,
    font: { family: look.font, size: 11 },
  };
}

/** The money axis of every chart: the kit's compact money ("$1.2M"), grid lines, no axis line. */
export function moneyScale(look: ChartLook, currency: string, title: string) {
  return {
    beginAtZero: true,
    grid: { color: look.grid },
    border: { display: false },
    ticks: { color: look.muted, callback: (v: number | string) => compactMoney(Number(v), currency) },
    title: axisTitle(look, title),
  };
}

/** The category axis: no grid, labels flat. */
export function categoryScale(look: ChartLook, title?: string) {
  return {
    grid: { display: false },
    border: { color: look.grid },
    ticks: { color: look.muted, maxRotation: 0 },
    ...(title ? { title: axisTitle(look, title) } : {}),
  };
}
