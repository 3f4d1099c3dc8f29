import fs from 'node:fs';
import path from 'node:path';

/** The tests drive the same Debian Chromium, with the same offline flags, as the pack exporter. */
export { CHROMIUM_PATH as CHROMIUM, launchChromium as launchBrowser } from '../../electron/pack/chromium';

export const OUTPUT_DIR = path.resolve(__dirname, '../../test-output');

export function outputPath(...parts: string[]): string {
  const file = path.join(OUTPUT_DIR, ...parts);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
