import type { ChartConfiguration } from 'chart.js';
import { compactMoney } from '../../../../shared/export/format';
import { tornadoDrivers } from '../../../../shared/export/tornado';
import type { ReportModel } from '../../../../shared/report';
import { BENEFIT, GRID, OVER } from '../../../../shared/export/palette';

const major = (micro: number) => Math.round(micro / 10_000) / 100;

/**
 * The tornado: portfolio NPV with each assumption at its low (left, red) and at its high (right, green),
 * the others at base, largest swing on top; the bars meet at the NPV as stated.
 */
export function tornadoChart(r: ReportModel): ChartConfiguration {
  const drivers = tornadoDrivers(r.sensitivity);
  const point = major(r.portfolio.npv.micro);
  const short = (s: string) => (s.length > 34 ? `${s.slice(0, 33)}…` : s);
  return {
    type: 'bar',
    data: {
      labels: drivers.map((d) => short(d.assumption)),
      datasets: [
        {
          label: 'At its low',
          data: drivers.map((d) => [point, major(d.npvLow.micro)] as [number, number]),
          backgroundColor: OVER,
          borderWidth: 0,
          barPercentage: 0.75,
        },
        {
          label: 'At its high',
          data: drivers.map((d) => [point, major(d.npvHigh.micro)] as [number, number]),
          backgroundColor: BENEFIT,
          borderWidth: 0,
          barPercentage: 0.75,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: true, position: 'bottom', labels: { boxWidth: 10, font: { size: 9 } } } },
      scales: {
        x: {
          grid: { color: GRID },
          border: { display: false },
          ticks: {
            font: { size: 8 },
            callback: (v: number | string) => compactMoney(Number(v), r.currency),
          },
        },
        y: { stacked: true, grid: { display: false }, ticks: { autoSkip: false, font: { size: 9 } } },
      },
    },
  };
}
