import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The real eslint.config.mjs, run through ESLint's Node API on sources placed (in memory) in each folder.
const ROOT = path.resolve(__dirname, '../..');
const ORDER =
  'layer order: store, safety, static ← import, report, demo ← pack ← service ← cli, web, host, main';
const eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === 'local/code-layering' });

/** The layering messages ESLint reports for `code` as if it were the file `file` of the tree. */
async function layering(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, 'the probe parses').toEqual([]);
  return result!.messages.map((m) => m.message);
}

/** `from` (a folder of the tree) importing `target` (relative to the root), by a static import. */
function probe(from: string, target: string): [string, string] {
  const file = `${from}/__layeringProbe.ts`;
  let specifier = path.relative(path.join(ROOT, from), path.join(ROOT, target)).split(path.sep).join('/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return [file, `import { x } from '${specifier}';\nexport const y = x;\n`];
}

describe('local/code-layering: electron/ folders point one way', () => {
  // [importing folder, imported module, the message expected or null when allowed] — the design's map.
  const cases: [string, string, string | null][] = [
    ['electron/store', 'electron/import/run', `electron/store may not import electron/import (${ORDER}).`],
    [
      'electron/store',
      'electron/report/buildReport',
      `electron/store may not import electron/report (${ORDER}).`,
    ],
    ['electron/store', 'shared/money', null],
    [
      'electron/safety',
      'electron/import/source',
      `electron/safety may not import electron/import (${ORDER}).`,
    ],
    ['electron/safety', 'shared/import/errors', null],
    [
      'electron/safety',
      'electron/store/workspace',
      `electron/safety may not import electron/store: they are peers in one layer (${ORDER}).`,
    ],
    ['electron/import', 'electron/store/workspace', null],
    ['electron/import', 'electron/safety/fileLimits', null],
    [
      'electron/import',
      'electron/report/buildReport',
      `electron/import may not import electron/report: they are peers in one layer (${ORDER}).`,
    ],
    ['electron/report', 'electron/store/workspace', null],
    ['electron/report', 'electron/pack/export', `electron/report may not import electron/pack (${ORDER}).`],
    ['electron/demo', 'electron/store/workspace', null],
    [
      'electron/demo',
      'electron/service/service',
      `electron/demo may not import electron/service (${ORDER}).`,
    ],
    ['electron/pack', 'electron/report/buildReport', null],
    [
      'electron/pack',
      'electron/service/service',
      `electron/pack may not import electron/service (${ORDER}).`,
    ],
    ['electron/pack', 'electron/web/server', `electron/pack may not import electron/web (${ORDER}).`],
    ['electron/service', 'electron/pack/export', null],
    ['electron/service', 'electron/demo/generate', null],
    ['electron/service', 'electron/cli/args', `electron/service may not import electron/cli (${ORDER}).`],
    ['electron/cli', 'electron/service/service', null],
    ['electron/cli', 'electron/store/workspace', null],
    [
      'electron/cli',
      'electron/web/server',
      `electron/cli may not import electron/web: they are peers in one layer (${ORDER}).`,
    ],
    ['electron/web', 'electron/cli/args', null],
    ['electron/main', 'electron/host/protocol', null],
    [
      'electron/host',
      'electron/main/hostClient',
      `electron/host may not import electron/main: they are peers in one layer (${ORDER}).`,
    ],
    [
      'electron/main',
      'electron/web/server',
      `electron/main may not import electron/web: they are peers in one layer (${ORDER}).`,
    ],
  ];
  it.each(cases)('%s importing %s', async (from, target, expected) => {
    const messages = await layering(...probe(from, target));
    expect(messages).toEqual(expected === null ? [] : [expected]);
  });

  it('a folder missing from the map, or a file directly in electron/, is reported until it is placed', async () => {
    expect(await layering(...probe('electron/newFolder', 'electron/store/workspace'))).toEqual([
      `electron/newFolder/ is not in electron/'s layer map (${ORDER}): add it to the layers in eslint.config.mjs.`,
    ]);
    expect(await layering(...probe('electron/service', 'electron/newFolder/x'))).toEqual([
      `electron/newFolder/ is not in electron/'s layer map (${ORDER}): add it to the layers in eslint.config.mjs.`,
    ]);
    expect(await layering(...probe('electron', 'electron/store/workspace'))).toEqual([
      `A file directly in electron/ belongs in one of its folders (${ORDER}).`,
    ]);
  });

  it('every way of naming a module counts: re-exports, import(), require(), require.resolve, types', async () => {
    const file = 'electron/report/__layeringProbe.ts';
    const forms = [
      `export * from '../pack/export';`,
      `export { x } from '../pack/export';`,
      `export const p = () => import('../pack/export');`,
      `export const p = require('../pack/export');`,
      'export const p = require(`../pack/export`);',
      `export const p = require.resolve('../pack/worker.js');`,
      `import type { X } from '../pack/export';\nexport type Y = X;`,
      `import { type X } from '../pack/export';\nexport type Y = X;`,
      `import p = require('../pack/export');\nexport const q = p;`,
      `export type Y = typeof import('../pack/export');`,
    ];
    for (const code of forms) {
      expect(await layering(file, code), code).toEqual([
        `electron/report may not import electron/pack (${ORDER}).`,
      ]);
    }
    // Packages are not layers (no-restricted-imports rules them), and a computed specifier cannot be judged.
    expect(await layering(file, `import fs from 'node:fs';\nexport const f = fs;`)).toEqual([]);
    expect(await layering(file, `export const p = (m: string) => import(m);`)).toEqual([]);
  });
});

describe('local/code-layering: shared/ and renderer/', () => {
  it('shared/ imports only shared/', async () => {
    expect(await layering(...probe('shared/metrics', 'shared/money'))).toEqual([]);
    expect(await layering(...probe('shared', 'electron/store/workspace'))).toEqual([
      'shared/ may not import electron/store (shared/ imports only shared/).',
    ]);
    expect(await layering(...probe('shared/import', 'renderer/src/format'))).toEqual([
      'shared/ may not import renderer/ (shared/ imports only shared/).',
    ]);
  });

  it('renderer/ imports only shared/ and renderer/; electron/ never imports renderer/', async () => {
    expect(await layering(...probe('renderer/src/print', 'shared/report'))).toEqual([]);
    expect(await layering(...probe('renderer/src/print', 'renderer/src/format'))).toEqual([]);
    expect(await layering(...probe('renderer/src', 'electron/pack/export'))).toEqual([
      'renderer/ may not import electron/pack (renderer/ imports only renderer/ and shared/).',
    ]);
    expect(await layering(...probe('electron/pack', 'renderer/src/format'))).toEqual([
      'electron/pack may not import renderer/ (electron/ imports only electron/ and shared/).',
    ]);
  });

  it('code outside the layered tree (tests, scripts) may import any of it', async () => {
    expect(await layering(...probe('test/e2e', 'electron/pack/export'))).toEqual([]);
    expect(await layering(...probe('scripts', 'renderer/src/format'))).toEqual([]);
  });
});

describe('the tree as it is', () => {
  it('has no wrong-way import', async () => {
    const results = await eslint.lintFiles(['electron', 'shared', 'renderer']);
    expect(results.length).toBeGreaterThan(300);
    const found = results.flatMap((r) =>
      r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.message}`),
    );
    expect(found).toEqual([]);
  }, 180_000);
});
