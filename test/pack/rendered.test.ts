import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHost } from '../../electron/host/serviceHost';
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

  it('the service host writes the desktop-printed PDF where the user chose, hashed, with a snapshot', async () => {
    const host = createHost();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-host-pack-'));
    try {
      expect(await host.handle({ type: 'open-default', dataDir })).toMatchObject({ type: 'opened' });
      const out = path.join(dataDir, 'desktop');
      const reply = await host.handle({
        type: 'pack-export',
        input: { period: 'FY2026-Q3', packDate: '2026-10-12' },
        outDir: out,
        renderedDir: renderedFolder(),
      });
      expect(reply).toMatchObject({ type: 'result', response: { ok: true } });
      expect(fs.readFileSync(path.join(out, 'AI Board Briefing FY2026-Q3.pdf'), 'utf8')).toBe(
        '%PDF-1.4 test',
      );
      expect(fs.existsSync(path.join(out, 'AI Board Briefing FY2026-Q3.xlsx'))).toBe(true);
      // No stray partial files.
      expect(fs.readdirSync(out).filter((f) => f.includes('.partial'))).toEqual([]);
    } finally {
      host.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the renderer-facing pack.export takes no folder to write to or read from', async () => {
    const service = createService({ ws, uploads: new UploadStore() });
    for (const extra of [{ outDir: '/tmp/elsewhere' }, { renderedDir: renderedFolder() }]) {
      const res = await service.call('pack.export', { period: 'FY2026-Q3', ...extra });
      expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(fs.existsSync('/tmp/elsewhere')).toBe(false);
  });
});
