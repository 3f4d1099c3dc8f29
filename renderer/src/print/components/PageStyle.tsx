import type { WorkspaceSettings } from '../../../../shared/domain';
import { longDate } from '../../../../shared/export/format';

function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The @page rule: paper size from the settings and the running footer in the page margin boxes
 * (confidentiality, pack date, "Page N of M"), set in the bundled Inter like the rest of the page.
 * Both printers (printToPDF and headless Chromium) honour it, so the two PDFs match.
 */
export function PageStyle({ settings, packDate }: { settings: WorkspaceSettings; packDate: string }) {
  const size = settings.pageSize === 'Letter' ? 'letter' : 'A4';
  const left = cssString(settings.confidentiality || 'Confidential');
  const centre = cssString(`${settings.companyName} · AI Board Briefing · ${longDate(packDate)}`);
  const css = `@page {
  size: ${size} portrait;
  margin: 15mm 15mm 18mm 15mm;
  @bottom-left { content: ${left}; font: 500 7.5pt Inter, sans-serif; color: #7f1d1d; vertical-align: top; padding-top: 4mm; }
  @bottom-center { content: ${centre}; font: 400 7.5pt Inter, sans-serif; color: #475569; vertical-align: top; padding-top: 4mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 400 7.5pt Inter, sans-serif; color: #475569; vertical-align: top; padding-top: 4mm; }
}
@media print {
  /* The cover fills the printable height of the paper (A4 264 mm, Letter 246 mm) and no more. */
  .cover { height: ${size === 'letter' ? '244mm' : '262mm'}; }
}`;
  return <style>{css}</style>;
}
