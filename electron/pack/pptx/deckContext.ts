import type PptxGenJS from 'pptxgenjs';
import type { PackData } from '../../../shared/export/packTypes';

/** What every slide module gets: the generator, the pack's data (the report model's figures) and the date. */
export interface DeckContext {
  pptx: PptxGenJS;
  data: PackData;
  packDate: string;
  /** The report's currency, for the formatters. */
  currency: string;
}

export type Slide = PptxGenJS.Slide;
export type TableRow = PptxGenJS.TableRow;
export type TableCell = PptxGenJS.TableCell;
