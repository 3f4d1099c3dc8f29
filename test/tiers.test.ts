import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script (run with node), no type declarations
import { importsOf, resolveSpecifier } from '../scripts/import-graph.mjs';
import { UNIT_TESTS } from '../vitest.config';
import { tempDir } from './helpers/tempWorkspace';

const ROOT = path.resolve(__dirname, '..');
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

/** The test files a glob of UNIT_TESTS names ('test/shared/**\/*.test.ts' → every .test.ts under test/shared). */
function unitTestFiles(): string[] {
  return UNIT_TESTS.flatMap((glob) => {
    const dir = path.join(ROOT, glob.slice(0, glob.indexOf('/**')));
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => path.join(dir, f));
  });
}

/** Why a module a unit test reaches would make it slow or not a unit test, or null. */
function slowBecause(module: string): string | null {
  if (module === 'playwright-core') return 'drives Chromium';
  if (module === 'child_process' || module === 'node:child_process') return 'spawns processes';
  if (module === 'test/helpers/browser.ts' || module === 'test/helpers/bridge.ts') return 'drives Chromium';
  if (/^test\/(e2e|reliability|bench)\//.test(module)) return 'is e2e, kill/fuzz or bench code';
  return null;
}

/**
 * What makes a test slow, for each test file: every module it reaches through test/ code (helpers
 * included); the sources they import are held to their own layering by lint.
 */
function slowImports(tests: string[]): string[] {
  const found: string[] = [];
  for (const test of tests) {
    const seen = new Set<string>([test]);
    const queue = [test];
    while (queue.length) {
      const file = queue.shift()!;
      for (const { specifier } of importsOf(file) as { specifier: string }[]) {
        const target = resolveSpecifier(file, specifier) as string | null;
        const module = target ? rel(target) : specifier;
        const why = slowBecause(module);
        if (why) found.push(`${rel(test)} ${why}: ${rel(file)} imports ${specifier}`);
        const inTests = target !== null && !module.startsWith('shared/') && !module.startsWith('electron/');
        if (inTests && !seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
  }
  return found;
}

describe('test tiers (vitest.config.ts)', () => {
  it('npm run test:unit is the unit project, and npm test still runs every test', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['test:unit']).toBe('vitest run --project unit');
    expect(pkg.scripts.test!.split(' && ')).toEqual([
      'npm run typecheck',
      'npm run lint',
      'npm run build:renderer',
      'vitest run',
    ]);
  });

  it('a unit test reaches no browser, no child process and no e2e, kill, fuzz or bench code', () => {
    const files = unitTestFiles();
    expect(files.length).toBeGreaterThan(3);
    expect(slowImports(files)).toEqual([]);
  });

  it('the guard finds a browser or a child process behind a helper', () => {
    const dir = tempDir('caio-tiers-');
    const helpers = path.relative(dir, path.join(ROOT, 'test/helpers')).split(path.sep).join('/');
    fs.writeFileSync(
      path.join(dir, 'spawns.ts'),
      "import { spawnSync } from 'node:child_process';\nexport const s = spawnSync;\n",
    );
    fs.writeFileSync(
      path.join(dir, 'probe.test.ts'),
      `import { launchBrowser } from '${helpers}/browser';\nimport { s } from './spawns';\nexport const p = [launchBrowser, s];\n`,
    );
    const found = slowImports([path.join(dir, 'probe.test.ts')]).map((f) => f.replaceAll(rel(dir), 'TMP'));
    expect(found).toEqual([
      `TMP/probe.test.ts drives Chromium: TMP/probe.test.ts imports ${helpers}/browser`,
      'TMP/probe.test.ts spawns processes: TMP/spawns.ts imports node:child_process',
    ]);
  });
});
