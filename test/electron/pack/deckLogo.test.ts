import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumRenderer } from '../../../electron/pack/chromium';
import { exportPack } from '../../../electron/pack/export';
import { DECK_LOGO_BOX } from '../../../electron/pack/pdfOptions';
import { updateSettings } from '../../../electron/store/settings';
import { OUTPUT_DIR } from '../../helpers/browser';
import { tempDir, tempWorkspace } from '../../helpers/tempWorkspace';
import { openZip, partsMatching, text } from './deckXml';
import { greyPng, renderPages } from './helpers';

/**
 * The logo from Settings on the deck's masters: a PNG as it is, an SVG drawn as a PNG by the print view's
 * Chromium at export (PowerPoint takes no SVG without a PNG beside it). Both decks are opened by
 * LibreOffice, and the logo is on every page it prints.
 */

const PERIOD = 'FY2026-Q3';
/** 120 × 40 user units: a teal square and a wordmark. */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="40" height="40" rx="6" fill="#0f766e"/><text x="48" y="29" font-family="sans-serif" font-size="22" font-weight="700" fill="#1e3a8a">NWH</text></svg>`;

interface Png {
  width: number;
  height: number;
  colourType: number;
  /** The unfiltered scanlines' bytes (filters undone), for the alpha check. */
  pixels: Buffer;
}

/** A strict PNG reader: signature, chunk CRCs, IHDR, IDAT inflated and unfiltered (8-bit RGBA or grey). */
function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
    true,
  );
  let i = 8;
  let ihdr: Buffer | null = null;
  const idat: Buffer[] = [];
  for (;;) {
    const len = bytes.readUInt32BE(i);
    const type = bytes.toString('latin1', i + 4, i + 8);
    const body = bytes.subarray(i + 8, i + 8 + len);
    expect(bytes.readUInt32BE(i + 8 + len), `CRC of ${type}`).toBe(
      zlib.crc32(bytes.subarray(i + 4, i + 8 + len)),
    );
    if (type === 'IHDR') ihdr = body;
    if (type === 'IDAT') idat.push(body);
    i += 12 + len;
    if (type === 'IEND') break;
  }
  const width = ihdr!.readUInt32BE(0);
  const height = ihdr!.readUInt32BE(4);
  const colourType = ihdr![9]!;
  expect(ihdr![8]).toBe(8);
  const bpp = colourType === 6 ? 4 : colourType === 2 ? 3 : colourType === 0 ? 1 : NaN;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  expect(raw.length).toBe(height * (stride + 1));
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= bpp ? pixels[y * stride + x - bpp]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp]! : 0;
      const p = a + b - c;
      const pred =
        f === 0
          ? 0
          : f === 1
            ? a
            : f === 2
              ? b
              : f === 3
                ? (a + b) >> 1
                : Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
                  ? a
                  : Math.abs(p - b) <= Math.abs(p - c)
                    ? b
                    : c;
      pixels[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, colourType, pixels };
}

/** The media files the slide layouts and masters show, by part name. */
async function masterImages(deck: Buffer): Promise<Buffer[]> {
  const zip = await openZip(deck);
  const out: Buffer[] = [];
  for (const rels of partsMatching(zip, /^ppt\/(slideMasters|slideLayouts)\/_rels\/.+\.rels$/))
    for (const m of (await text(zip, rels)).matchAll(/Target="\.\.\/media\/([^"]+)"/g))
      out.push(Buffer.from(await zip.file(`ppt/media/${m[1]}`)!.async('uint8array')));
  return out;
}

describe('the logo on the deck’s masters (SVG drawn at export, PNG as it is), through LibreOffice', () => {
  const decks: Record<'svg' | 'png', { file: string; slides: number }> = {} as never;
  const workspaces = [tempWorkspace({ demo: true }), tempWorkspace({ demo: true })];
  const warnings: string[] = [];

  beforeAll(async () => {
    const logos = {
      svg: `data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}`,
      png: `data:image/png;base64,${greyPng(40, 10, 0x40).toString('base64')}`,
    };
    for (const [n, kind] of (['svg', 'png'] as const).entries()) {
      const ws = workspaces[n]!;
      updateSettings(ws.db, { logoDataUrl: logos[kind] });
      const result = await exportPack(
        ws,
        { period: PERIOD, pdf: false, xlsx: false, pptx: true, allowUncommentedRed: true, outDir: tempDir() },
        chromiumRenderer(),
      );
      warnings.push(...result.warnings.filter((w) => /logo/i.test(w)));
      const file = result.files[0]!.path;
      const zip = await openZip(fs.readFileSync(file));
      decks[kind] = { file, slides: partsMatching(zip, /^ppt\/slides\/slide\d+\.xml$/).length };
    }
  }, 240_000);
  afterAll(() => workspaces.forEach((w) => w.close()));

  it('an SVG logo is drawn as a PNG at its proportions, twice the size it is placed at, on the masters', async () => {
    expect(warnings).toEqual([]);
    const images = await masterImages(fs.readFileSync(decks.svg.file));
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const img of images) {
      const png = readPng(img);
      // 120 × 40 fitted into the 2× box: as wide as the box, a third as high.
      const scale = Math.min(DECK_LOGO_BOX.width / 120, DECK_LOGO_BOX.height / 40);
      expect([png.width, png.height]).toEqual([Math.round(120 * scale), Math.round(40 * scale)]);
      expect(png.colourType).toBe(6);
      // Transparent around the drawing, opaque teal in the square at the left.
      const at = (x: number, y: number) => [
        ...png.pixels.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4),
      ];
      expect(at(png.width - 1, 0)[3]).toBe(0);
      const teal = at(Math.round(20 * scale), Math.round(20 * scale));
      expect(teal[3]).toBe(255);
      expect(teal.slice(0, 3)).toEqual([0x0f, 0x76, 0x6e]);
    }
  });

  it('a PNG logo goes in as it is', async () => {
    const images = await masterImages(fs.readFileSync(decks.png.file));
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const img of images) {
      expect(readPng(img)).toMatchObject({ width: 40, height: 10, colourType: 0 });
      expect(img.equals(greyPng(40, 10, 0x40))).toBe(true);
    }
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)(
    'LibreOffice converts both decks, and the logo is an image on every page',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-deck-logo-'));
      const home = path.join(dir, 'home');
      fs.mkdirSync(home);
      const copies = (['svg', 'png'] as const).map((k) => {
        const copy = path.join(dir, `${k}.pptx`);
        fs.copyFileSync(decks[k].file, copy);
        return copy;
      });
      const run = spawnSync(
        'soffice',
        ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...copies],
        {
          encoding: 'utf8',
          env: { ...process.env, HOME: home },
          timeout: 280_000,
        },
      );
      expect(run.status, run.stderr).toBe(0);
      for (const k of ['svg', 'png'] as const) {
        const pdf = path.join(dir, `${k}.pdf`);
        const pages = Number(
          /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1],
        );
        expect(pages).toBe(decks[k].slides);
        // pdfimages -list: "page num type width height …"; the charts are vector, so the images are the logo.
        const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2);
        const withImage = new Set(list.filter((l) => l.trim()).map((l) => Number(l.trim().split(/\s+/)[0])));
        for (let p = 1; p <= pages; p++) expect(withImage.has(p), `${k} deck, page ${p}`).toBe(true);
        renderPages(pdf, path.join(OUTPUT_DIR, 'deck-logo'), k, 40);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
    300_000,
  );
});
