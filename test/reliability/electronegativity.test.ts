import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempWorkspace';

/**
 * @doyensec/electronegativity over electron/**, offline: its one networked check (the list of Electron
 * releases with security fixes) is excluded and the Electron version is given. Runs when the package is
 * installed (a devDependency the lead adds); the AST scan in electronStatic.test.ts always runs.
 *
 * Reviewed findings, allowed here: the tool cannot follow `...WEB_PREFERENCES` (a spread of a constant
 * from policy.ts), so it asks to review contextIsolation, sandbox and preload on both windows, and
 * middle-click (AUXCLICK) navigation, which setWindowOpenHandler denies for every window. The CSP is
 * sent as a header by the app:// protocol handler, which its global CSP check does not see.
 */
const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'node_modules/.bin/electronegativity');
const REVIEWED = new Set([
  'CONTEXT_ISOLATION_JS_CHECK main/window.ts',
  'CONTEXT_ISOLATION_JS_CHECK main/pdfPrinter.ts',
  'SANDBOX_JS_CHECK main/window.ts',
  'SANDBOX_JS_CHECK main/pdfPrinter.ts',
  'PRELOAD_JS_CHECK main/window.ts',
  'PRELOAD_JS_CHECK main/pdfPrinter.ts',
  'AUXCLICK_JS_CHECK main/window.ts',
  'AUXCLICK_JS_CHECK main/pdfPrinter.ts',
  'CSP_GLOBAL_CHECK file:///',
]);
const dir = tempDir('caio-eneg-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!fs.existsSync(BIN))('electronegativity (when installed)', () => {
  it('reports nothing beyond the reviewed findings', () => {
    const out = path.join(dir, 'eneg.sarif');
    const run = spawnSync(
      BIN,
      [
        '-i',
        path.join(ROOT, 'electron'),
        '-e',
        '45.5.0',
        '-x',
        'AvailableSecurityFixesGlobalCheck',
        '-r',
        '-o',
        out,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const sarif = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      runs: {
        results: {
          ruleId: string;
          locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
        }[];
      }[];
    };
    const found = sarif.runs.flatMap((r) =>
      r.results.map((x) => `${x.ruleId} ${x.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? ''}`),
    );
    console.log(
      `electronegativity: ${found.length} findings, all reviewed: ${found.every((f) => REVIEWED.has(f))}`,
    );
    expect(found.filter((f) => !REVIEWED.has(f))).toEqual([]);
  }, 150_000);
});
