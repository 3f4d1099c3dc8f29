import type { PackData } from '../../shared/export/packTypes';
import type { ChartImages } from './xlsx/workbook';

/** What a printer is asked for: the pack data already built for this export, the date on the cover, PDF or charts only. */
export interface PrintJob {
  /** The print view's data (slimPackData of the one build the snapshot records). */
  data: PackData;
  packDate: string;
  /** false: only the chart pictures (for the Excel pack), no PDF. */
  pdf: boolean;
}

export interface RenderedPack {
  pdf: Uint8Array | null;
  charts: ChartImages;
}

/**
 * Prints the print view from pack data it is handed; it never builds the report itself. Supplied by each
 * transport's composition root: headless Chromium (CLI, browser bridge, tests) or the desktop app's
 * webContents.printToPDF (through the service host).
 */
export interface PackRenderer {
  render(job: PrintJob): Promise<RenderedPack>;
}
