import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRenderedDir } from '../../electron/pack/rendered';
import { createService } from '../../electron/service/service';
import { UploadStore } from '../../electron/service/uploads';
import { tempWorkspace } from '../helpers/tempWorkspace';

/** The desktop hand-over: main prints into a caio-pack-* temp folder, the service picks it up. */
describe('rendered pack folder (what the desktop main process hands to the service)', () => {
  const ws = tempWorkspace({ demo: true });
  afterAll(() => ws.close());
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );

  function renderedFolder(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-pack-'));
    fs.mkdirSync(path.join(dir, 'charts'));
    fs.writeFileSync(path.join(dir, 'pack.pdf'), '%PDF-1.4 test');
    fs.writeFileSync(path.join(dir, 'charts', 'cumulative.png'), png);
    fs.writeFileSync(
      path.join(dir, 'charts.json'),
      JSON.stringify({ cumulative: { width: 340, height: 200 }, '../x': { width: 1, height: 1 } }),
    );
    return dir;
  }

  it('reads the PDF and the chart pictures, ignoring ids that are not plain names', () => {
    const r = readRenderedDir(renderedFolder());
    expect(r.pdf?.toString()).toBe('%PDF-1.4 test');
    expect(Object.keys(r.charts)).toEqual(['cumulative']);
    expect(r.charts.cumulative!.width).toBe(340);
  });

  it('refuses a folder outside the temp directory or not named caio-pack-*', () => {
    expect(() => readRenderedDir(ws.dir)).toThrow(/caio-pack-/);
    expect(() => readRenderedDir(path.dirname(ws.file))).toThrow(/caio-pack-/);
  });

  it('pack.export with renderedDir writes that PDF, hashed, and records the snapshot', async () => {
    const service = createService({ ws, uploads: new UploadStore() });
    const out = path.join(ws.dir, 'desktop');
    const res = await service.call('pack.export', {
      period: 'FY2026-Q3',
      outDir: out,
      renderedDir: renderedFolder(),
      packDate: '2026-10-12',
    });
    expect(res.ok).toBe(true);
    expect(fs.readFileSync(path.join(out, 'AI Board Briefing FY2026-Q3.pdf'), 'utf8')).toBe('%PDF-1.4 test');
    expect(fs.existsSync(path.join(out, 'AI Board Briefing FY2026-Q3.xlsx'))).toBe(true);
    // No stray partial files.
    expect(fs.readdirSync(out).filter((f) => f.includes('.partial'))).toEqual([]);
  });
});
