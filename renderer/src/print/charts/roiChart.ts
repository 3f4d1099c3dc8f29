import type { ChartConfiguration } from 'chart.js';
import { pct } from '../../../../shared/export/format';
import type { ReportModel } from '../../../../shared/report';
import { roiChartInitiatives } from '../../../../shared/export/roiChartSelection';
import { GRID, OVER, BENEFIT } from './palette';

/** Quarter ROI by initiative, as percentages; initiatives without cost are left out (ROI undefined). */
export function roiChart(r: ReportModel): ChartConfiguration {
  const rows = roiChartInitiatives(r);
  return {
    type: 'bar',
    data: {
      labels: rows.map((i) => i.name),
      datasets: [
        {
          label: 'ROI (quarter)',
          data: rows.map((i) => Math.round(i.roi.value! * 1000) / 10),
          backgroundColor: rows.map((i) => (i.roi.value! >= 0 ? BENEFIT : OVER)),
          borderWidth: 0,
          barPercentage: 0.7,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: {
        x: {
          grid: { color: GRID },
          border: { display: false },
          ticks: { callback: (v: number | string) => pct(Number(v) / 100, 0) },
        },
        y: {
          grid: { display: false },
          ticks: { autoSkip: false, font: { size: rows.length > 10 ? 8 : 10 } },
        },
      },
    },
  };
}
