import type JSZip from 'jszip';

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

/** Applies the repairs to every chart part and every chart's embedded workbook of a deck. */
export async function repairDeck(zip: JSZip, load: (bytes: Uint8Array) => Promise<JSZip>): Promise<void> {
  for (const name of Object.keys(zip.files)) {
    if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) {
      zip.file(name, repairChartXml(await zip.file(name)!.async('string')));
    } else if (/^ppt\/embeddings\/.+\.xlsx$/.test(name)) {
      const inner = await load(await zip.file(name)!.async('uint8array'));
      for (const part of Object.keys(inner.files))
        if (/^xl\/worksheets\/sheet\d+\.xml$/.test(part))
          inner.file(part, repairSheetXml(await inner.file(part)!.async('string')));
      zip.file(name, await inner.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    }
  }
}
