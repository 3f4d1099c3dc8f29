// Bundles the Electron shell: main process, preload (sandboxed, so one self-contained file), the
// service host utility process and the import worker thread it starts; and the CLI and the web bridge. Node packages stay external and
// load from node_modules at run time.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/electron/main.cjs',
    packages: 'external',
  }),
  // A sandboxed preload can require only 'electron': everything else is bundled in.
  build({
    ...common,
    entryPoints: ['electron/main/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/host/serviceHost.ts'],
    outfile: 'dist/electron/service-host.cjs',
    packages: 'external',
  }),
  // The import's worker thread (electron/import/scanThread.ts finds it next to the service host).
  build({
    ...common,
    entryPoints: ['electron/import/scanWorker.ts'],
    outfile: 'dist/electron/import-worker.cjs',
    packages: 'external',
  }),
  // The CLI (bin/caio-scorecard.mjs, `npm run cli`) and the browser bridge (`npm run web`): plain Node,
  // next to the import worker they start.
  build({
    ...common,
    entryPoints: ['electron/cli/bin.ts'],
    outfile: 'dist/electron/cli.cjs',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['electron/web/main.ts'],
    outfile: 'dist/electron/web.cjs',
    packages: 'external',
  }),
]);
console.log('Built dist/electron/{main,preload,service-host,import-worker,cli,web}.cjs');
