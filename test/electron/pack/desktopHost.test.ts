import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PackData } from '../../../shared/export/packTypes';
import { createHost, type HostMain } from '../../../electron/host/serviceHost';
import type { HostAsk } from '../../../electron/host/protocol';
import { chromiumRenderer } from '../../../electron/pack/chromium';
import { packDataBuilds } from '../../../electron/pack/data';
import { createService } from '../../../electron/service/service';
import { UploadStore } from '../../../electron/service/uploads';
import { tempWorkspace } from '../../helpers/tempWorkspace';
import { pdfText } from './helpers';

/**
 * The desktop path: the service host runs the one export path and asks the main process for the folder
 * and the print. Main's own printer is Electron's webContents.printToPDF; here the same print page is
 * printed by headless Chromium, handed the data the host sent over.
 */
function fakeMain(folder: string | null): HostMain & { asks: HostAsk['type'][]; printed: PackData[] } {
  const printer = chromiumRenderer();
  const asks: HostAsk['type'][] = [];
  const printed: PackData[] = [];
  return {
    asks,
    printed,
    async ask(q) {
      asks.push(q.type);
      if (q.type === 'choose-pack-folder') return { type: 'folder', path: folder };
      printed.push(q.job.data);
      const r = await printer.render(q.job);
      return { type: 'printed', pdf: r.pdf, charts: r.charts };
    },
  };
}

describe('pack export in the desktop app (service host asking main for the folder and the print)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-host-pack-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('builds once, asks for the folder, has main print that build, writes where the user chose', async () => {
    const out = path.join(dataDir, 'chosen');
    const main = fakeMain(out);
    const host = createHost(main);
    try {
      expect(await host.handle({ type: 'open-default', dataDir })).toMatchObject({ type: 'opened' });
      const before = packDataBuilds();
      const reply = await host.handle({
        type: 'call',
        method: 'pack.export',
        payload: { period: 'FY2026-Q3', packDate: '2026-10-12', allowUncommentedRed: true },
      });
      expect(reply).toMatchObject({ type: 'result', response: { ok: true } });
      expect(packDataBuilds() - before).toBe(1);
      expect(main.asks).toEqual(['choose-pack-folder', 'print-pack']);
      const result = (reply as { response: { result: import('../../../shared/api/pack').PackExportResult } })
        .response.result;
      expect(main.printed[0]!.inputsSha256).toBe(result.snapshot.inputsSha256);
      const pdf = path.join(out, 'AI Board Briefing FY2026-Q3.pdf');
      expect(pdfText(pdf)).toContain('AI Board Briefing — FY2026-Q3');
      expect(fs.existsSync(path.join(out, 'AI Board Briefing FY2026-Q3.xlsx'))).toBe(true);
      // No stray partial files.
      expect(fs.readdirSync(out).filter((f) => f.includes('.partial'))).toEqual([]);
    } finally {
      host.dispose();
    }
  }, 120_000);

  it('a cancelled folder dialog writes nothing and prints nothing', async () => {
    const main = fakeMain(null);
    const host = createHost(main);
    try {
      await host.handle({ type: 'open-default', dataDir });
      const reply = await host.handle({
        type: 'call',
        method: 'pack.export',
        payload: { period: 'FY2026-Q3', allowUncommentedRed: true },
      });
      expect(reply).toMatchObject({
        type: 'result',
        response: {
          ok: false,
          error: { code: 'BAD_REQUEST', message: 'Export cancelled: no folder was chosen.' },
        },
      });
      expect(main.asks).toEqual(['choose-pack-folder']);
    } finally {
      host.dispose();
    }
  });

  it('a red KPI without commentary is refused before the folder dialog', async () => {
    const ws = tempWorkspace({ demo: true });
    ws.db.prepare("UPDATE commentary SET body = '' WHERE scope = 'kpi'").run();
    ws.close();
    const main = fakeMain(path.join(dataDir, 'never'));
    const host = createHost(main);
    try {
      await host.handle({ type: 'open', file: ws.file, create: false });
      const reply = await host.handle({
        type: 'call',
        method: 'pack.export',
        payload: { period: 'FY2026-Q3' },
      });
      expect(reply).toMatchObject({ type: 'result', response: { ok: false, error: { code: 'CONFLICT' } } });
      expect(main.asks).toEqual([]);
      expect(fs.existsSync(path.join(dataDir, 'never'))).toBe(false);
    } finally {
      host.dispose();
    }
  });

  it('the renderer-facing pack.export takes no folder to write to', async () => {
    const ws = tempWorkspace({ demo: true });
    try {
      const service = createService({ ws, uploads: new UploadStore() });
      for (const extra of [{ outDir: '/tmp/elsewhere' }, { renderedDir: '/tmp' }]) {
        const res = await service.call('pack.export', { period: 'FY2026-Q3', ...extra });
        expect(res).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      }
      expect(fs.existsSync('/tmp/elsewhere')).toBe(false);
    } finally {
      ws.close();
    }
  });
});
