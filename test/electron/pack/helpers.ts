import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) info[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return info;
}

export function pdfFonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

/** Renders every page to PNG (for a person to look at) and returns the files. */
export function renderPages(file: string, outDir: string, prefix: string, dpi = 70): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(outDir)) if (f.startsWith(`${prefix}-`)) fs.rmSync(path.join(outDir, f));
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, path.join(outDir, prefix)]);
  return fs
    .readdirSync(outDir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .map((f) => path.join(outDir, f));
}

/** A major-unit amount (as `report --json` prints it) the way the pack prints it: "$1,870,660.60". */
export function usd(major: number): string {
  const s = Math.abs(major).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${major < 0 ? '-' : ''}$${s}`;
}

/**
 * A major-unit amount the way the PDF's board pages print it: whole units, rounded half away from zero from
 * the cents report --json gives ("$1,870,661" for 1870660.6).
 */
export function usdWhole(major: number): string {
  const cents = Math.round(Math.abs(major) * 100);
  const units = Math.floor(cents / 100) + (cents % 100 >= 50 ? 1 : 0);
  return `${major < 0 && units !== 0 ? '-' : ''}$${units.toLocaleString('en-US')}`;
}

export function pct1(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A valid w×h 8-bit greyscale PNG, every pixel `level` (a logo for the deck tests). */
export function greyPng(w: number, h: number, level: number): Buffer {
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const tb = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(tb));
    return Buffer.concat([len, tb, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  const raw = Buffer.alloc((w + 1) * h, level);
  for (let y = 0; y < h; y++) raw[y * (w + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
