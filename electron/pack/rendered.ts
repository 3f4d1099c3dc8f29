import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RenderedPack } from './chromium';

/**
 * Reads what the desktop app's main process printed (webContents.printToPDF) into a folder in the temp
 * directory: pack.pdf and charts/<id>.png with charts.json (sizes). Refuses folders outside the temp dir.
 */
export function readRenderedDir(dir: string): RenderedPack {
  const abs = path.resolve(dir);
  const tmp = path.resolve(fs.realpathSync(os.tmpdir())) + path.sep;
  const real = fs.realpathSync(abs);
  if (!real.startsWith(tmp) || !path.basename(real).startsWith('caio-pack-'))
    throw new Error('The rendered pack folder must be a caio-pack-* folder in the temp directory.');
  const pdfFile = path.join(real, 'pack.pdf');
  const pdf = fs.existsSync(pdfFile) ? fs.readFileSync(pdfFile) : null;
  const charts: RenderedPack['charts'] = {};
  const metaFile = path.join(real, 'charts.json');
  if (fs.existsSync(metaFile)) {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Record<
      string,
      { width: number; height: number }
    >;
    for (const [id, size] of Object.entries(meta)) {
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) continue;
      const png = path.join(real, 'charts', `${id}.png`);
      if (fs.existsSync(png))
        charts[id] = { png: fs.readFileSync(png), width: size.width, height: size.height };
    }
  }
  return { pdf, charts };
}
