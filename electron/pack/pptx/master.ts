import type PptxGenJS from 'pptxgenjs';
import { longDate } from '../../../shared/export/format';
import { isSvgLogo } from '../../../shared/export/logo';
import type { WorkspaceSettings } from '../../../shared/domain';
import type { Slide } from './deckContext';
import { COLOURS, CONTENT_W, FONT, MARGIN, SLIDE_H, SLIDE_W } from './theme';
import { cleanLine } from './text';

export const TITLE_MASTER = 'CAIO_TITLE';
export const CONTENT_MASTER = 'CAIO_CONTENT';

/** The logo from Settings, with its size in pixels (PNG or JPEG as they are; an SVG one drawn as a PNG). */
export interface Logo {
  data: string;
  width: number;
  height: number;
}

/** Pixel size of a PNG (IHDR) or JPEG (first SOFn marker); null for anything else. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (
    bytes.length > 24 &&
    bytes.readUInt32BE(0) === 0x89504e47 &&
    bytes.toString('latin1', 12, 16) === 'IHDR'
  )
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      const len = bytes.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { width: bytes.readUInt16BE(i + 7), height: bytes.readUInt16BE(i + 5) };
      i += 2 + len;
    }
  }
  return null;
}

/**
 * The logo the deck places: a PNG or JPEG from Settings as it is; an SVG as the PNG drawn from it at
 * export (`svgAsPng`), or none when there is no such drawing.
 */
export function logoOf(settings: WorkspaceSettings, svgAsPng?: Buffer | null): Logo | null {
  if (isSvgLogo(settings)) return svgAsPng ? pngLogo(svgAsPng) : null;
  const m = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/=]+)$/.exec(settings.logoDataUrl ?? '');
  if (!m) return null;
  const size = imageSize(Buffer.from(m[2]!, 'base64'));
  if (!size || size.width === 0 || size.height === 0) return null;
  return { data: `${m[1]};base64,${m[2]}`, ...size };
}

function pngLogo(png: Buffer): Logo | null {
  const size = imageSize(png);
  if (!size || size.width === 0 || size.height === 0 || png.readUInt32BE(0) !== 0x89504e47) return null;
  return { data: `image/png;base64,${png.toString('base64')}`, ...size };
}

/** Fits the logo in a box, keeping its proportions; right-aligned at `right`. */
function logoPlacement(logo: Logo, right: number, y: number, boxW: number, boxH: number) {
  const scale = Math.min(boxW / logo.width, boxH / logo.height);
  const w = logo.width * scale;
  const h = logo.height * scale;
  return { data: logo.data, x: right - w, y: y + (boxH - h) / 2, w, h };
}

/**
 * The two masters: a title master (company, logo, confidentiality) and the content master every other
 * slide uses — logo top right, a rule under the title, the footer with the company, the confidentiality
 * line, the pack's title and date, and the slide number. Restyling the master restyles the deck.
 */
export function defineMasters(
  pptx: PptxGenJS,
  settings: WorkspaceSettings,
  period: string,
  packDate: string,
  logo: Logo | null,
): void {
  const company = cleanLine(settings.companyName);
  const confidential = cleanLine(settings.confidentiality || 'Confidential');
  const footer = `${company} · ${confidential}`;
  const objects: PptxGenJS.SlideMasterProps['objects'] = [
    { line: { x: MARGIN, y: 1.0, w: CONTENT_W, h: 0, line: { color: COLOURS.rule, width: 1 } } },
    {
      line: { x: MARGIN, y: SLIDE_H - 0.55, w: CONTENT_W, h: 0, line: { color: COLOURS.rule, width: 0.75 } },
    },
    {
      text: {
        text: footer,
        options: {
          x: MARGIN,
          y: SLIDE_H - 0.5,
          w: 6.5,
          h: 0.3,
          fontFace: FONT,
          fontSize: 9,
          color: COLOURS.muted,
          margin: 0,
          valign: 'middle',
        },
      },
    },
    {
      text: {
        text: `AI Board Briefing — ${period} · ${longDate(packDate)}`,
        options: {
          x: 7.1,
          y: SLIDE_H - 0.5,
          w: 4.9,
          h: 0.3,
          fontFace: FONT,
          fontSize: 9,
          color: COLOURS.muted,
          align: 'right',
          margin: 0,
          valign: 'middle',
        },
      },
    },
  ];
  if (logo) objects.push({ image: logoPlacement(logo, SLIDE_W - MARGIN, 0.3, 1.6, 0.55) });
  pptx.defineSlideMaster({
    title: CONTENT_MASTER,
    background: { color: COLOURS.white },
    objects,
    slideNumber: {
      x: SLIDE_W - MARGIN - 0.6,
      y: SLIDE_H - 0.5,
      w: 0.6,
      h: 0.3,
      fontFace: FONT,
      fontSize: 9,
      color: COLOURS.muted,
      align: 'right',
    },
  });
  const titleObjects: PptxGenJS.SlideMasterProps['objects'] = [
    { rect: { x: 0, y: 0, w: SLIDE_W, h: 0.35, fill: { color: COLOURS.cost } } },
    {
      text: {
        text: confidential,
        options: {
          x: MARGIN,
          y: SLIDE_H - 0.8,
          w: CONTENT_W,
          h: 0.4,
          fontFace: FONT,
          fontSize: 12,
          bold: true,
          color: COLOURS.over,
          margin: 0,
        },
      },
    },
  ];
  if (logo) titleObjects.push({ image: logoPlacement(logo, SLIDE_W - MARGIN, 0.7, 2.4, 0.9) });
  pptx.defineSlideMaster({
    title: TITLE_MASTER,
    background: { color: COLOURS.white },
    objects: titleObjects,
  });
}

/** The slide's title (and a line under it) in the content master's title area. */
export function addSlideTitle(slide: Slide, title: string, subtitle?: string): void {
  slide.addText(cleanLine(title), {
    x: MARGIN,
    y: 0.3,
    w: CONTENT_W - 1.8,
    h: subtitle ? 0.42 : 0.6,
    fontFace: FONT,
    fontSize: 24,
    bold: true,
    color: COLOURS.ink,
    margin: 0,
    valign: subtitle ? 'top' : 'middle',
    fit: 'shrink',
  });
  if (subtitle)
    slide.addText(cleanLine(subtitle), {
      x: MARGIN,
      y: 0.72,
      w: CONTENT_W - 1.8,
      h: 0.24,
      fontFace: FONT,
      fontSize: 11,
      color: COLOURS.muted,
      margin: 0,
      valign: 'top',
    });
}
