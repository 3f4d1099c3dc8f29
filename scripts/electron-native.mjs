// Builds better-sqlite3 for the installed Electron's ABI into .electron-native/electron-<version>/,
// leaving node_modules/better-sqlite3 built for Node (tests, CLI). Runs at `npm start` (prestart).
// Strategy: the project's prebuilt binary for Electron via prebuild-install; failing that, a compile
// against Electron's headers with node-gyp. Both need the network once; the result is cached.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const outDir = path.join(root, '.electron-native', `electron-${electronVersion}`);
const target = path.join(outDir, 'better_sqlite3.node');

if (fs.existsSync(target)) {
  console.log(`Electron ${electronVersion} build of better-sqlite3 is ready: ${path.relative(root, target)}`);
  process.exit(0);
}

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = path.join(root, '.electron-native', 'work');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.dirname(work), { recursive: true });
fs.cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });

const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit' });
try {
  const prebuild = require.resolve('prebuild-install/bin.js', { paths: [source] });
  run(process.execPath, [
    prebuild,
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--arch',
    process.arch,
  ]);
} catch {
  console.log('No prebuilt Electron binary; compiling against Electron headers with node-gyp…');
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  run(process.execPath, [
    gyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
    '--runtime=electron',
  ]);
}
const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
if (!fs.existsSync(built)) throw new Error(`Electron build of better-sqlite3 not found at ${built}`);
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(built, target);
fs.rmSync(work, { recursive: true, force: true });
console.log(`Built better-sqlite3 for Electron ${electronVersion}: ${path.relative(root, target)}`);
