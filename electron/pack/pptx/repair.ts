import { readZip, writeZip, type ZipPart } from './zip';

/** pptxgenjs 4.0.x's id for the series axis of 3-D charts, which it also writes into 2-D bar and line charts. */
const SERIES_AXIS_ID = '2094734556';

/**
 * Fixes what pptxgenjs 4.0.x writes wrong in chart parts, so PowerPoint opens the deck without "repair":
 * - 2-D bar and line charts list a third `c:axId` (the 3-D series axis) that no axis in the plot area has;
 * - a missing value (a month not yet reported) is written as an empty `<c:v></c:v>` point in the chart's
 *   cache and an empty `<v></v>` cell in the embedded workbook, where OOXML wants the point left out.
 */
export function repairChartXml(xml: string): string {
  let out = xml;
  if (!out.includes('<c:serAx>')) out = out.split(`<c:axId val="${SERIES_AXIS_ID}"/>`).join('');
  return out.replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, '');
}

export function repairSheetXml(xml: string): string {
  return xml.replace(/<c r="([A-Z]+\d+)"><v><\/v><\/c>/g, '');
}

const NOTES_RUN =
  /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([^<]*)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/;

/**
 * pptxgenjs writes a slide's notes as one run with CR LF inside it, which the notes pane may show as one
 * block: each line becomes a paragraph of its own (a blank line an empty paragraph), so the explanations
 * read line by line, indented as written.
 */
export function repairNotesXml(xml: string): string {
  return xml.replace(NOTES_RUN, (_, body: string) =>
    body
      .split(/\r?\n/)
      .map((line) =>
        line === ''
          ? '<a:p><a:endParaRPr lang="en-US" dirty="0"/></a:p>'
          : `<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`,
      )
      .join(''),
  );
}

/** Applies the repairs to every chart part, every chart's embedded workbook and every notes part of a deck. */
export function repairDeck(parts: ZipPart[]): ZipPart[] {
  return parts.map(({ name, data }) => {
    if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name))
      return { name, data: Buffer.from(repairNotesXml(Buffer.from(data).toString('utf8')), 'utf8') };
    if (/^ppt\/charts\/chart\d+\.xml$/.test(name))
      return { name, data: Buffer.from(repairChartXml(Buffer.from(data).toString('utf8')), 'utf8') };
    if (/^ppt\/embeddings\/.+\.xlsx$/.test(name)) {
      const inner = readZip(Buffer.from(data)).map((p) =>
        /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name)
          ? { name: p.name, data: Buffer.from(repairSheetXml(Buffer.from(p.data).toString('utf8')), 'utf8') }
          : p,
      );
      return { name, data: writeZip(inner) };
    }
    return { name, data };
  });
}
