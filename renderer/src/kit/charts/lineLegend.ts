import type { ChartDataset, LegendItem } from 'chart.js';

export type LegendLine = ChartDataset<'line', (number | null)[]> & {
  borderDash: number[];
  borderWidth: number;
};

/** Legend entries drawn as short lines with each series' own colour, width and dash (greyscale-safe), words in `fontColor`. */
export function lineLegend(datasets: readonly LegendLine[], fontColor: string): LegendItem[] {
  return datasets.map((d, i) => ({
    text: String(d.label),
    fontColor,
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
 * Line styles told apart without colour (greyscale print, colour-blind readers): solid, long dashes,
 * dots; the legend draws each with its own dash.
 */
export const LINE_DASH = {
  solid: [] as number[],
  dashed: [7, 3],
  dotted: [1.5, 2.5],
};
