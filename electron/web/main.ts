import os from 'node:os';
import path from 'node:path';
import { parseArgs, optionalFlag } from '../cli/args';
import { chromiumRenderer } from '../pack/chromium';
import { openOrCreateDefaultWorkspace } from '../service/defaultWorkspace';
import { createService } from '../service/service';
import { UploadStore } from '../service/uploads';
import { openWorkspace } from '../store/workspace';
import { startBridge } from './server';

/** `npm run web [-- --db FILE] [--port N]`: serves the app to a browser on 127.0.0.1. */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { values: ['db', 'port'] });
  const dbFile = optionalFlag(args, 'db');
  const options = { lock: 'hold' as const, holder: 'CAIO Scorecard web bridge', ifReadOnly: 'view' as const };
  const ws = dbFile
    ? openWorkspace(dbFile, options)
    : openOrCreateDefaultWorkspace(path.join(os.homedir(), '.caio-scorecard'), options);
  const uploads = new UploadStore();
  // The bridge's composition root: headless Chromium prints the packs exported from the browser.
  const service = createService({
    ws,
    uploads,
    reopen: (file) => openWorkspace(file, options),
    renderer: chromiumRenderer(),
  });
  const bridge = await startBridge({
    service,
    // The same from electron/web/ (sources) and dist/electron/ (bundled).
    staticDir: path.resolve(__dirname, '../../dist/renderer'),
    port: Number(optionalFlag(args, 'port') ?? 0),
  });
  process.stdout.write(`CAIO Scorecard is serving ${ws.file}\nOpen: ${bridge.launchUrl}\n(Ctrl+C to stop)\n`);
  const stop = () => {
    void bridge.close().then(() => {
      uploads.dispose();
      service.ctx.ws.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
