import type { ChartConfiguration, ChartDataset, LegendItem } from 'chart.js';
import { shortMonth } from '../../../../shared/export/format';
import { microToMajor } from '../../../../shared/money';
import type { ReportModel } from '../../../../shared/report';
import { categoryAxis, moneyAxis } from './axes';
import { BENEFIT, COST, LINE_DASH, PROJECTED } from './palette';

type Line = ChartDataset<'line', (number | null)[]> & { borderDash: number[]; borderWidth: number };

function line(label: string, colour: string, dash: number[], width: number, data: number[]): Line {
  return {
    label,
    data,
    borderColor: colour,
    backgroundColor: colour,
    borderDash: dash,
    borderWidth: width,
    borderCapStyle: 'butt',
    pointRadius: 0,
  };
}

/** Legend entries drawn as short lines with each series' own colour, width and dash. */
export function lineLegend(datasets: readonly Line[]): LegendItem[] {
  return datasets.map((d, i) => ({
    text: String(d.label),
    datasetIndex: i,
    strokeStyle: String(d.borderColor),
    fillStyle: String(d.borderColor),
    lineWidth: d.borderWidth,
    lineDash: d.borderDash,
    lineCap: 'butt',
    pointStyle: 'line',
    hidden: false,
  }));
}

/**
 * Cumulative realized benefit vs cumulative cost; projected benefit apart. The three lines differ in dash
 * (solid, dashed, dotted) as well as colour, so they read in greyscale.
 */
export function cumulativeChart(r: ReportModel): ChartConfiguration<'line', (number | null)[]> {
  const datasets = [
    line(
      'Cumulative cost',
      COST,
      LINE_DASH.solid,
      2,
      r.cumulative.map((p) => microToMajor(p.cumulativeCost)),
    ),
    line(
      'Cumulative realized benefit',
      BENEFIT,
      LINE_DASH.dashed,
      2,
      r.cumulative.map((p) => microToMajor(p.cumulativeBenefit)),
    ),
    line(
      'Realized + projected benefit (not in ROI)',
      PROJECTED,
      LINE_DASH.dotted,
      1.5,
      r.cumulative.map((p) => microToMajor(p.cumulativeBenefit + p.cumulativeProjectedBenefit)),
    ),
  ];
  return {
    type: 'line',
    data: { labels: r.cumulative.map((p) => shortMonth(p.month)), datasets },
    options: {
      plugins: {
        legend: {
          position: 'bottom',
          labels: {
            usePointStyle: true,
            pointStyleWidth: 26,
            boxHeight: 6,
            generateLabels: () => lineLegend(datasets),
          },
        },
      },
      scales: {
        x: { ...categoryAxis, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 10 } },
        y: moneyAxis(r.currency),
      },
    },
  };
}
