import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** Parses XML strictly (saxes, namespaces on): throws on the first well-formedness error. */
export function parseStrict(xml: string, name: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= new Error(`${name}: ${e.message}`);
  });
  parser.write(xml).close();
  if (error) throw error;
}

export async function openZip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export function partsMatching(zip: JSZip, re: RegExp): string[] {
  return Object.keys(zip.files)
    .filter((n) => re.test(n))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export async function text(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`${name} is not in the package`);
  return f.async('string');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text runs (<a:t>) of a slide or notes part, XML entities decoded. */
export function runs(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) =>
    m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!),
  );
}

/** A notes (or slide) part's text: its paragraphs as lines (an empty paragraph a blank line), fields left out. */
export function paragraphsText(xml: string): string {
  return [...xml.replace(/<a:fld\b[\s\S]*?<\/a:fld>/g, '').matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((p) => runs(p[1]!).join(''))
    .join('\n');
}

/**
 * Axis ids of a chart part: those the chart-type elements (c:barChart, c:lineChart, …) refer to, and those
 * the axes (c:catAx, c:valAx, c:dateAx, c:serAx) declare.
 */
export function chartAxisIds(xml: string): { referenced: string[]; declared: string[] } {
  const referenced: string[] = [];
  for (const m of xml.matchAll(/<c:(\w+Chart)>([\s\S]*?)<\/c:\1>/g))
    for (const id of m[2]!.matchAll(/<c:axId val="(\d+)"\/>/g)) referenced.push(id[1]!);
  const declared: string[] = [];
  for (const m of xml.matchAll(/<c:(catAx|valAx|dateAx|serAx)>([\s\S]*?)<\/c:\1>/g)) {
    const own = /<c:axId val="(\d+)"\/>/.exec(m[2]!);
    if (own) declared.push(own[1]!);
  }
  return { referenced, declared };
}
