import { longDate } from '../../../../shared/export/format';
import type { DeckContext } from '../deckContext';
import { TITLE_MASTER } from '../master';
import { explainNotes } from '../notes';
import { COLOURS, CONTENT_W, FONT, MARGIN } from '../theme';
import { cleanLine } from '../text';

/** The title slide: company, "AI Board Briefing — FY2026-Q3", the quarter's dates, who prepared it and when. */
export function coverSlide(d: DeckContext): void {
  const { settings, report: r } = d.data;
  const slide = d.pptx.addSlide({ masterName: TITLE_MASTER });
  slide.addText(cleanLine(settings.companyName), {
    x: MARGIN,
    y: 0.8,
    w: CONTENT_W - 2.6,
    h: 0.6,
    fontFace: FONT,
    fontSize: 20,
    bold: true,
    color: COLOURS.cost,
    margin: 0,
  });
  slide.addText(`AI Board Briefing — ${r.period.label}`, {
    x: MARGIN,
    y: 2.3,
    w: CONTENT_W,
    h: 1.0,
    fontFace: FONT,
    fontSize: 40,
    bold: true,
    color: COLOURS.ink,
    margin: 0,
  });
  slide.addText(`Fiscal quarter ${longDate(r.period.start)} to ${longDate(r.period.end)}`, {
    x: MARGIN,
    y: 3.3,
    w: CONTENT_W,
    h: 0.5,
    fontFace: FONT,
    fontSize: 18,
    color: COLOURS.muted,
    margin: 0,
  });
  const meta: [string, string][] = [
    ['Prepared by', cleanLine(settings.preparedBy) || '—'],
    ['Date', longDate(d.packDate)],
    ['Reporting currency', r.currency],
    ['Data through', r.dataThrough ?? 'no spend data'],
  ];
  meta.forEach(([label, value], i) => {
    slide.addText(
      [
        { text: label, options: { fontSize: 10, color: COLOURS.muted, breakLine: true } },
        { text: value, options: { fontSize: 14, bold: true, color: COLOURS.ink } },
      ],
      { x: MARGIN + i * 3.05, y: 4.9, w: 2.9, h: 0.8, fontFace: FONT, margin: 0, valign: 'top' },
    );
  });
  slide.addNotes(
    explainNotes(
      d.data,
      [],
      `AI Board Briefing for ${r.period.label} (${r.period.start} to ${r.period.end}), figures in ${r.currency}. Every figure in this deck is the report model's, formatted as in the PDF pack; the notes of each slide give the formulas, sums and source files. Inputs fingerprint (SHA-256): ${d.data.inputsSha256}.`,
    ),
  );
}
