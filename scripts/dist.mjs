// `npm run dist`: the installable desktop app for this OS (macOS dmg + zip, Windows nsis, Linux AppImage + deb)
// with electron-builder and build/electron-builder.json (fuses, asar, icon). Steps: check the Electron
// binary can be had; build the bundles and the renderer; build better-sqlite3 for Electron's ABI
// (scripts/electron-native.mjs, shipped unpacked in resources/native); package. Signing and notarisation
// come from electron-builder's usual environment variables and are skipped, with a notice, when absent.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What signing and notarisation will do with this environment, as notices for the user. */
export function signingNotices(env, platform) {
  const notices = [];
  const has = (...names) => names.every((n) => typeof env[n] === 'string' && env[n] !== '');
  if (platform === 'darwin') {
    if (!has('CSC_LINK') && !has('CSC_NAME'))
      notices.push(
        'No signing certificate (CSC_LINK + CSC_KEY_PASSWORD, or CSC_NAME): the app is built unsigned.',
      );
    const notarise =
      has('APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
      has('APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
      has('APPLE_KEYCHAIN_PROFILE');
    if (!notarise)
      notices.push(
        'No notarisation credentials (APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER): the app is not notarised.',
      );
  } else if (platform === 'win32') {
    if (!has('WIN_CSC_LINK') && !has('CSC_LINK'))
      notices.push(
        'No signing certificate (WIN_CSC_LINK or CSC_LINK + CSC_KEY_PASSWORD): the installer is unsigned.',
      );
  }
  return notices;
}

/** Whether the Electron binary is installed or can be downloaded now (it fails fast without network). */
function electronAvailable() {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
  });
  return r.status === 0 && fs.existsSync(r.stdout);
}

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const version = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
  ).version;
  if (!electronAvailable()) {
    process.stderr.write(
      `npm run dist needs the Electron ${version} binary and Electron's headers, downloaded from GitHub (github.com/electron/electron/releases, or ELECTRON_MIRROR), which this machine cannot reach: run it on a machine with internet access.\n`,
    );
    process.exit(1);
  }
  const env = { ...process.env };
  const notices = signingNotices(env, process.platform);
  for (const n of notices) process.stderr.write(`Notice: ${n}\n`);
  if (notices.some((n) => n.startsWith('No signing certificate'))) env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
  run(process.execPath, [path.join(root, 'scripts/ensure-built.mjs')]);
  run(process.execPath, [path.join(root, 'scripts/electron-native.mjs')]);
  const builder = path.join(root, 'node_modules/electron-builder/cli.js');
  run(process.execPath, [builder, '--config', 'build/electron-builder.json', '--publish', 'never'], env);
}
