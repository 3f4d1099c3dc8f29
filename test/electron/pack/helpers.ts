import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

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

export function pct1(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
