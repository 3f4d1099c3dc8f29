import type { ReportModel } from '../report';

/** At most this many bars stay legible on a half-page chart (the PDF's and the deck's ROI charts). */
export const ROI_CHART_MAX = 15;

/** The initiatives the ROI chart shows: those with an ROI, the largest cost first, at most ROI_CHART_MAX. */
export function roiChartInitiatives(r: ReportModel) {
  return r.initiatives
    .filter((i) => i.roi.value !== null)
    .sort((a, b) => b.cost.micro - a.cost.micro)
    .slice(0, ROI_CHART_MAX);
}
