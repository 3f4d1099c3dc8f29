import fs from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { electronBinary, NO_ELECTRON_REASON } from '../../helpers/electronBinary';
import { tempDir } from '../../helpers/tempWorkspace';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLE = path.resolve(
  ROOT,
  '../shared/samples/vendors/anthropic_console_cost_export_claude_api_cost_2026_02_08_to_2026_02_15.csv',
);

/** The app `npm run dist` left in release/ for this OS, if any (its unpacked folder). */
function packagedApp(): string | null {
  const release = path.join(ROOT, 'release');
  const candidates =
    process.platform === 'darwin'
      ? ['mac', 'mac-arm64', 'mac-universal'].map((d) =>
          path.join(release, d, 'CAIO Scorecard.app/Contents/MacOS/CAIO Scorecard'),
        )
      : process.platform === 'win32'
        ? [path.join(release, 'win-unpacked', 'CAIO Scorecard.exe')]
        : [path.join(release, 'linux-unpacked', 'caio-scorecard')];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

const dev = electronBinary();
const packaged = packagedApp();
const targets: { name: string; launch: (userData: string) => Promise<ElectronApplication> }[] = [];
if (dev)
  targets.push({
    name: 'from the checkout (npm start)',
    launch: (userData) =>
      _electron.launch({ executablePath: dev, args: [ROOT, `--user-data-dir=${userData}`] }),
  });
if (packaged)
  targets.push({
    name: 'the packaged app (npm run dist)',
    launch: (userData) =>
      _electron.launch({ executablePath: packaged, args: [`--user-data-dir=${userData}`] }),
  });
if (!dev) console.warn(`Skipping the desktop smoke test: ${NO_ELECTRON_REASON}.`);

type Response<T> = { ok: true; result: T } | { ok: false; error: { message: string } };

/**
 * The desktop app's own smoke test, where the Electron binary exists (a developer's machine after
 * `npm start`; the packaged app after `npm run dist`): launch, the demo workspace, a file imported through
 * IPC, a pack exported through the main process's printToPDF, a clean quit.
 */
describe.skipIf(targets.length === 0)(
  `desktop smoke test${targets.length ? '' : ` (skipped: ${NO_ELECTRON_REASON})`}`,
  () => {
    for (const target of targets) {
      it(`${target.name}: demo shown, a file imported and a pack exported over IPC, then a clean quit`, async () => {
        const userData = tempDir('caio-smoke-');
        const app = await target.launch(userData);
        const exited = new Promise<number | null>((resolve) =>
          app.process().on('exit', (code) => resolve(code)),
        );
        const page = await app.firstWindow();
        await page.waitForSelector('[data-testid="workspace-name"]');
        expect(await page.textContent('[data-testid="workspace-name"]')).toBe('Demo workspace');

        // Import through the preload bridge (IPC), as the wizard does: upload, preview, start, poll.
        const data = fs.readFileSync(SAMPLE);
        const imported = await page.evaluate(
          async ({ bytes, name }) => {
            const call = async <T>(method: string, payload: unknown): Promise<T> => {
              const r = (await window.caio!.invoke(method, payload)) as Response<T>;
              if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
              return r.result;
            };
            const up = (await window.caio!.upload(name, new Uint8Array(bytes).buffer)) as Response<{
              id: string;
            }>;
            if (!up.ok) throw new Error(up.error.message);
            const preview = await call<{ canCommit: boolean }>('import.preview', { fileId: up.result.id });
            const { jobId } = await call<{ jobId: string }>('import.start', { fileId: up.result.id });
            for (;;) {
              const s = await call<{ state: string; result: { rows: number } | null }>('import.status', {
                jobId,
              });
              if (s.state !== 'running')
                return { canCommit: preview.canCommit, state: s.state, rows: s.result?.rows };
              await new Promise((r) => setTimeout(r, 100));
            }
          },
          { bytes: [...data], name: path.basename(SAMPLE) },
        );
        expect(imported.canCommit).toBe(true);
        expect(imported.state).toBe('done');
        expect(imported.rows).toBeGreaterThan(0);

        // Export through the main process (printToPDF in the desktop app).
        const exported = await page.evaluate(async () => {
          const r = (await window.caio!.invoke('pack.export', {
            period: 'FY2026-Q3',
            allowUncommentedRed: true,
          })) as Response<{ files: { kind: string; path: string; bytes: number }[] }>;
          if (!r.ok) throw new Error(r.error.message);
          return r.result.files;
        });
        const pdf = exported.find((f) => f.kind === 'pdf')!;
        const bytes = fs.readFileSync(pdf.path);
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(bytes.subarray(-1024).toString('latin1')).toContain('%%EOF');
        expect(exported.find((f) => f.kind === 'xlsx')!.bytes).toBeGreaterThan(10_000);

        await app.close();
        expect(await exited).toBe(0);
      }, 180_000);
    }
  },
);
