import type { ChartConfiguration } from 'chart.js';
import { pct } from '../../../../shared/export/format';
import type { ReportModel } from '../../../../shared/report';
import { GRID, OVER, BENEFIT } from './palette';

/** At most this many bars stay legible on a half-page chart. */
export const ROI_CHART_MAX = 15;

/** The initiatives the ROI chart shows: those with an ROI, the largest cost first, at most ROI_CHART_MAX. */
export function roiChartInitiatives(r: ReportModel) {
  return r.initiatives
    .filter((i) => i.roi.value !== null)
    .sort((a, b) => b.cost.micro - a.cost.micro)
    .slice(0, ROI_CHART_MAX);
}

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
