import type { PackData } from '../../../shared/export/packTypes';
import type { DeckContext } from './deckContext';
import { defineMasters, logoOf } from './master';
import { repairDeck } from './repair';
import { appendixSlides } from './slides/appendix';
import { changesSlides } from './slides/changes';
import { commitmentsSlide } from './slides/commitments';
import { coverSlide } from './slides/cover';
import { decisionsSlide } from './slides/decisions';
import { portfolioSlides } from './slides/portfolio';
import { riskSlides } from './slides/risk';
import { scorecardSlides } from './slides/scorecard';
import { forecastSlide, spendByCategorySlide, spendByMonthSlide } from './slides/spend';
import { summarySlides } from './slides/summary';
import { cleanLine } from './text';
import { readZip, writeZip } from './zip';

/**
 * The PowerPoint board deck (16:9): native tables and native charts with their data embedded, speaker notes
 * on every content slide with the figures' formulas, sums and source files, the company's branding on the
 * master. Every figure is the report model's, formatted by shared/export/format.ts as in the PDF.
 */
export async function buildDeck(
  data: PackData,
  packDate: string,
  /** An SVG logo drawn as a PNG (the print view's Chromium draws it); PNG and JPEG logos go in as they are. */
  options: { svgLogoPng?: Buffer | null } = {},
): Promise<Buffer> {
  // Loaded on the first export, not at start-up.
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = cleanLine(data.settings.preparedBy) || 'CAIO Scorecard';
  pptx.company = cleanLine(data.settings.companyName);
  pptx.title = `AI Board Briefing — ${data.period}`;
  pptx.subject = `AI scorecard and briefing, ${data.period}`;
  pptx.theme = { headFontFace: 'Arial', bodyFontFace: 'Arial' };
  defineMasters(pptx, data.settings, data.period, packDate, logoOf(data.settings, options.svgLogoPng));
  const d: DeckContext = { pptx, data, packDate, currency: data.report.currency };
  coverSlide(d);
  summarySlides(d);
  scorecardSlides(d);
  portfolioSlides(d);
  spendByMonthSlide(d);
  spendByCategorySlide(d);
  forecastSlide(d);
  commitmentsSlide(d);
  riskSlides(d);
  changesSlides(d);
  decisionsSlide(d);
  appendixSlides(d);
  // pptxgenjs stores its parts uncompressed; they are repaired and deflated once, with Node's zlib.
  const raw = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return writeZip(repairDeck(readZip(raw)));
}
