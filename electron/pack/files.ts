import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file under a temporary name in the same folder, flushes it, then renames it into place: the
 * final name only ever holds a complete file (a crash leaves at most a stray ".partial" file).
 */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.partial`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** "AI Board Briefing FY2026-Q3.pdf" (.xlsx, .pptx). */
export function packFileName(period: string, ext: 'pdf' | 'xlsx' | 'pptx'): string {
  return `AI Board Briefing ${period}.${ext}`;
}

export function localDate(d = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
