import fs from 'node:fs';
import path from 'node:path';

const ELECTRON_DIR = path.resolve(__dirname, '../../node_modules/electron');

/**
 * The Electron executable if it has been downloaded, without triggering the download that
 * `require('electron')` would start (it cannot succeed on an offline CI machine).
 */
export function electronBinary(): string | null {
  const pathFile = path.join(ELECTRON_DIR, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const exe = path.join(ELECTRON_DIR, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

export const NO_ELECTRON_REASON =
  'the Electron binary is not installed (Electron downloads it on first run, which needs network access this machine does not have)';
