import type { ChartConfiguration } from 'chart.js';
import { tornadoDrivers } from '../../../../shared/export/tornado';
import type { ReportModel } from '../../../../shared/report';
import { chartMajor, moneyFull, moneyTick } from './axis';
import { axisTitle, frameOptions, legendWithLabels, type ScreenChartOptions } from './frame';
import type { ChartLook, ChartMedium } from './look';

/** The series' names, in the legend and in the drawn figures (screen and print alike). */
export const TORNADO_LOW = 'Assumption at its low';
export const TORNADO_HIGH = 'Assumption at its high';

/** The longest assumption name a row shows before an ellipsis; the tooltip and the tables give it whole. */
const LABEL_MAX: Record<ChartMedium, number> = { screen: 30, print: 34 };

/** The chart's height in CSS pixels for its number of bars: the print page packs rows tighter. */
export function tornadoHeight(bars: number, medium: ChartMedium): number {
  return medium === 'screen' ? Math.max(160, 64 + bars * 30) : Math.max(120, 40 + bars * 22);
}

/**
 * The tornado of the sensitivity section, for the dashboard and the pack: portfolio NPV with each
 * assumption at its low (a bar to the left, the negative colour) and at its high (to the right, the
 * benefit colour), the others as stated, largest swing on top (the report's order, shared/export/tornado);
 * the bars meet at the NPV as stated. Each bar is a floating [NPV as stated, NPV with the driver moved]
 * in major units rounded to the cent; the category labels are the assumptions' whole names (the axis
 * shortens them), so the drawn figures name the model's drivers exactly.
 */
export function tornadoChart(
  r: ReportModel,
  look: ChartLook,
  screen: ScreenChartOptions = {},
): ChartConfiguration<'bar'> {
  const drivers = tornadoDrivers(r.sensitivity);
  const point = chartMajor(r.portfolio.npv.micro);
  const full = moneyFull(r.currency);
  const onPrint = look.medium === 'print';
  const options = frameOptions<'bar'>(look, screen);
  const max = LABEL_MAX[look.medium];
  const bar = {
    borderWidth: 0,
    borderRadius: onPrint ? 0 : 2,
    barPercentage: 0.75,
    maxBarThickness: 16,
  };
  return {
    type: 'bar',
    data: {
      labels: drivers.map((d) => d.assumption),
      datasets: [
        {
          label: TORNADO_LOW,
          data: drivers.map((d) => [point, chartMajor(d.npvLow.micro)] as [number, number]),
          backgroundColor: look.negative,
          ...bar,
        },
        {
          label: TORNADO_HIGH,
          data: drivers.map((d) => [point, chartMajor(d.npvHigh.micro)] as [number, number]),
          backgroundColor: look.benefit,
          ...bar,
        },
      ],
    },
    options: {
      ...options,
      indexAxis: 'y',
      plugins: {
        ...options.plugins,
        legend: legendWithLabels(options, {
          ...(onPrint ? { boxWidth: 10, font: { family: look.font, size: 9 } } : {}),
        }),
        tooltip: {
          ...options.plugins?.tooltip,
          mode: 'nearest',
          callbacks: {
            title: (items) => drivers[items[0]?.dataIndex ?? 0]?.assumption ?? '',
            label: (ctx) => `${ctx.dataset.label}: ${full((ctx.raw as [number, number])[1])}`,
          },
        },
      },
      scales: {
        x: {
          grid: { color: look.grid },
          border: { display: false },
          ticks: {
            color: look.muted,
            callback: moneyTick(r.currency),
            ...(onPrint ? { font: { size: 8 } } : {}),
          },
          title: axisTitle(look, `NPV (${r.currency})`),
        },
        y: {
          stacked: true,
          grid: { display: false },
          ticks: {
            color: look.text,
            autoSkip: false,
            ...(onPrint ? { font: { size: 9 } } : {}),
            callback(value) {
              const label = this.getLabelForValue(Number(value));
              return label.length > max ? `${label.slice(0, max - 1)}…` : label;
            },
          },
        },
      },
    },
  };
}
