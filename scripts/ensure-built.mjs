// Builds what `npm run cli` and `npm run web` run, when it is missing or older than its sources: the bundled
// CLI, bridge and Electron shell (dist/electron), and the renderer (dist/renderer: the screens and the pack's
// print view). Runs at `npm install` (prepare) and before those commands, so no README command needs a
// manual build step. Cheap when everything is fresh: one stat per source file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The newest modification time under the given files and folders (0 when none exist). */
function newest(paths) {
  let latest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules') visit(path.join(p, name));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const p of paths) visit(path.join(root, p));
  return latest;
}

/** The oldest of the outputs, or -1 when one is missing. */
function oldest(paths) {
  let earliest = Infinity;
  for (const p of paths) {
    try {
      earliest = Math.min(earliest, fs.statSync(path.join(root, p)).mtimeMs);
    } catch {
      return -1;
    }
  }
  return earliest;
}

export const TARGETS = [
  {
    name: 'the CLI, web bridge and Electron shell',
    sources: ['electron', 'shared', 'package.json', 'scripts/build-electron.mjs'],
    outputs: ['main', 'preload', 'service-host', 'import-worker', 'cli', 'web'].map(
      (n) => `dist/electron/${n}.cjs`,
    ),
    build: [process.execPath, [path.join(root, 'scripts/build-electron.mjs')]],
  },
  {
    name: 'the renderer',
    sources: ['renderer', 'shared', 'package.json'],
    outputs: ['dist/renderer/index.html'],
    build: [
      process.execPath,
      [
        path.join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'renderer/vite.config.ts',
        '--logLevel',
        'warn',
      ],
    ],
  },
];

/** The targets whose outputs are missing or older than a source. */
export function staleTargets() {
  return TARGETS.filter((t) => {
    const built = oldest(t.outputs);
    return built < 0 || newest(t.sources) > built;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const target of staleTargets()) {
    process.stderr.write(`Building ${target.name} (missing or older than its sources)…\n`);
    const [cmd, args] = target.build;
    // stdout to stderr: `npm run cli -- report --json` must print only the report on stdout.
    execFileSync(cmd, args, { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
  }
}
