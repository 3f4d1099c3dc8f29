import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// electron-builder's own configuration check, the one `electron-builder` runs before it builds.
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
// @ts-expect-error -- a plain .mjs script, no type declarations
import { signingNotices } from '../../scripts/dist.mjs';
import { electronBinary } from '../helpers/electronBinary';

const ROOT = path.resolve(__dirname, '../..');
type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  mac: { target: string[]; hardenedRuntime: boolean };
  win: { target: string[] };
  linux: { target: string[] };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  icon: string;
};
const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'build/electron-builder.json'), 'utf8')) as Config;
const validate = (c: unknown): Promise<void> =>
  validateConfiguration(c as Configuration, new DebugLogger(false));

describe('packaging (build/electron-builder.json, npm run dist)', () => {
  it("is valid against electron-builder's own schema (and the check is real: a misspelt option fails it)", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
    await expect(validate({ ...config, electronFuzes: {} })).rejects.toThrow(/does not match the API schema/);
  });

  it('sets the fuses of the Electron security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets macOS dmg + zip, Windows nsis, Linux AppImage + deb, hardened runtime on macOS', () => {
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it("packs the app in an asar with the native module unpacked, Electron's build of it beside, and the icon from one source", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toContain('dist/electron/**');
    expect(config.files).toContain('dist/renderer/**');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    // scripts/electron-native.mjs builds it for Electron's ABI; electron/main/main.ts loads it from resources/native.
    expect(config.extraResources).toEqual([
      { from: '.electron-native/', to: 'native/', filter: ['**/better_sqlite3.node'] },
    ]);
    const mainSource = fs.readFileSync(path.join(ROOT, 'electron/main/main.ts'), 'utf8');
    expect(mainSource).toContain("process.resourcesPath ?? '',\n      'native',");
    // One source image; electron-builder derives the .icns and .ico from a PNG of at least 512×512.
    const png = fs.readFileSync(path.join(ROOT, config.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
  });

  it('signs and notarises from the usual environment variables, and says so when they are absent', () => {
    expect(signingNotices({}, 'darwin')).toEqual([
      expect.stringContaining('built unsigned'),
      expect.stringContaining('not notarised'),
    ]);
    expect(
      signingNotices(
        { CSC_LINK: 'cert.p12', APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' },
        'darwin',
      ),
    ).toEqual([]);
    expect(signingNotices({}, 'win32')).toEqual([expect.stringContaining('installer is unsigned')]);
    expect(signingNotices({ WIN_CSC_LINK: 'cert.pfx' }, 'win32')).toEqual([]);
    expect(signingNotices({}, 'linux')).toEqual([]);
  });

  it.skipIf(electronBinary() !== null)(
    'npm run dist stops with one clear sentence where the Electron binary cannot be downloaded',
    () => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/dist.mjs')], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^npm run dist needs the Electron [\d.]+ binary .* run it on a machine with internet access\.$/,
      );
      expect(fs.existsSync(path.join(ROOT, 'release'))).toBe(false);
    },
  );
});
