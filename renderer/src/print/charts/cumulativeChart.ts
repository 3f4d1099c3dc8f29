import type { ChartConfiguration } from 'chart.js';
import { shortMonth } from '../../../../shared/export/format';
import { microToMajor } from '../../../../shared/money';
import type { ReportModel } from '../../../../shared/report';
import { categoryAxis, moneyAxis } from './axes';
import { BENEFIT, COST, PROJECTED } from './palette';

/** Cumulative realized benefit vs cumulative cost; projected benefit dashed and apart. */
export function cumulativeChart(r: ReportModel): ChartConfiguration {
  return {
    type: 'line',
    data: {
      labels: r.cumulative.map((p) => shortMonth(p.month)),
      datasets: [
        {
          label: 'Cumulative cost',
          data: r.cumulative.map((p) => microToMajor(p.cumulativeCost)),
          borderColor: COST,
          backgroundColor: COST,
          borderWidth: 2,
          pointRadius: 0,
        },
        {
          label: 'Cumulative realized benefit',
          data: r.cumulative.map((p) => microToMajor(p.cumulativeBenefit)),
          borderColor: BENEFIT,
          backgroundColor: BENEFIT,
          borderWidth: 2,
          pointRadius: 0,
        },
        {
          label: 'Realized + projected benefit (not in ROI)',
          data: r.cumulative.map((p) => microToMajor(p.cumulativeBenefit + p.cumulativeProjectedBenefit)),
          borderColor: PROJECTED,
          backgroundColor: PROJECTED,
          borderDash: [5, 4],
          borderWidth: 1.5,
          pointRadius: 0,
        },
      ],
    },
    options: {
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 14, boxHeight: 2 } } },
      scales: {
        x: { ...categoryAxis, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 10 } },
        y: moneyAxis(r.currency),
      },
    },
  };
}
