import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../shared/api/transport';
import type { PackData, PackExportResult } from '../../../shared/export/packTypes';
import type { ReportModel } from '../../../shared/report';
import { runCli } from '../../../electron/cli/main';
import { chromiumRenderer } from '../../../electron/pack/chromium';
import { packDataBuilds, packInputsSha256, slimPackData } from '../../../electron/pack/data';
import { exportPack } from '../../../electron/pack/export';
import { listCommentary } from '../../../electron/store/commentary';
import type { Db } from '../../../electron/store/db';
import { getSettings } from '../../../electron/store/settings';
import { startTestBridge } from '../../helpers/bridge';
import { tempWorkspace } from '../../helpers/tempWorkspace';
import { pdfText } from './helpers';

const PERIOD = 'FY2026-Q3';
const DATE = '2026-10-12';

/** The figures the snapshot stored for the export (the full report model, explanations included). */
function storedReport(ws: { db: Db }, snapshotId: number): ReportModel {
  const json = ws.db
    .prepare('SELECT report_json FROM pack_snapshots WHERE id = ?')
    .pluck()
    .get(snapshotId) as string;
  return JSON.parse(json) as ReportModel;
}

/** Counts the pack data builds (the quarter's report model) one call makes. */
async function builds<T>(fn: () => Promise<T>): Promise<{ value: T; builds: number }> {
  const before = packDataBuilds();
  const value = await fn();
  return { value, builds: packDataBuilds() - before };
}

describe('an export builds the report once and prints exactly what its snapshot records', () => {
  const ws = tempWorkspace({ demo: true });
  afterAll(() => ws.close());

  it('exportPack hands the print page the one build: its hash is the snapshot’s', async () => {
    let received: PackData | null = null;
    const { value: result, builds: n } = await builds(() =>
      exportPack(
        ws,
        {
          period: PERIOD,
          pdf: true,
          xlsx: true,
          allowUncommentedRed: true,
          outDir: path.join(ws.dir, 'direct'),
          packDate: DATE,
        },
        chromiumRenderer({ onHandedOver: (d) => (received = d) }),
      ),
    );
    expect(n).toBe(1);
    // What the page held when it printed (read back from the page), against the snapshot.
    const page = received as PackData | null;
    expect(page).not.toBeNull();
    expect(page!.period).toBe(PERIOD);
    expect(page!.inputsSha256).toBe(result.snapshot.inputsSha256);
    const report = storedReport(ws, result.snapshot.id);
    // The page got the stored report less its explanations, and the inputs hash over the stored report
    // with the page's commentary and settings is the snapshot's.
    expect(page!.report).toEqual(slimPackData({ ...page!, report }).report);
    expect(packInputsSha256({ report, commentary: page!.commentary, settings: page!.settings })).toBe(
      result.snapshot.inputsSha256,
    );
    // And it printed that data.
    const pdf = result.files.find((f) => f.kind === 'pdf')!.path;
    expect(pdfText(pdf)).toContain(`AI Board Briefing — ${PERIOD}`);
  }, 120_000);

  it('through the CLI: one build per export (PDF and Excel)', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => undefined };
    const outDir = path.join(ws.dir, 'cli');
    const { value: code, builds: n } = await builds(() =>
      runCli(['pack', '--db', ws.file, '--period', PERIOD, '--out', outDir, '--allow-uncommented-red'], io),
    );
    expect(code).toBe(0);
    expect(n).toBe(1);
    expect(fs.readdirSync(outDir).sort()).toEqual([
      `AI Board Briefing ${PERIOD}.pdf`,
      `AI Board Briefing ${PERIOD}.xlsx`,
    ]);
  }, 120_000);

  describe('through the browser bridge’s API', () => {
    let bridge: Awaited<ReturnType<typeof startTestBridge>>;
    beforeAll(async () => {
      bridge = await startTestBridge(ws);
    });
    afterAll(() => bridge.stop());

    it('pack.export: one build per export, the snapshot’s hash that of the build', async () => {
      const { value: response, builds: n } = await builds(async () => {
        const r = await fetch(`${bridge.bridge.url}api/pack.export`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.bridge.token },
          body: JSON.stringify({ period: PERIOD, allowUncommentedRed: true, packDate: DATE }),
        });
        return (await r.json()) as { ok: true; result: PackExportResult };
      });
      expect(response.ok).toBe(true);
      expect(n).toBe(1);
      const { result } = response;
      expect(result.files.map((f) => f.kind)).toEqual(['pdf', 'xlsx']);
      // The snapshot hashes the figures it stored with the workspace's commentary and pack settings.
      const report = storedReport(ws, result.snapshot.id);
      const commentary = listCommentary(ws.db, PERIOD);
      expect(packInputsSha256({ report, commentary, settings: getSettings(ws.db) })).toBe(
        result.snapshot.inputsSha256,
      );
      expect(pdfText(result.files[0]!.path)).toContain(`AI Board Briefing — ${PERIOD}`);
    }, 120_000);
  });
});
