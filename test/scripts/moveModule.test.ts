import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script (run with node), no type declarations
import { moveModules } from '../../scripts/move-module.mjs';
import { tempDir } from '../helpers/tempWorkspace';

const ROOT = path.resolve(__dirname, '../..');

function writeTree(files: Record<string, string>): string {
  const root = tempDir('caio-move-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}
const read = (root: string, file: string) => fs.readFileSync(path.join(root, file), 'utf8');

describe('scripts/move-module.mjs', () => {
  it('a moved file keeps every path it names, in the form it was written, and paths to it follow it', () => {
    const root = writeTree({
      'test/import/a.test.ts': [
        "import { b } from './helpers';",
        "import { c } from './c.js';",
        "import { d } from '../helpers/dir';",
        "import { s } from '../../shared/money';",
        "export type T = typeof import('./helpers');",
        "const lazy = () => import('../../shared/money');",
        "const fixtures = path.join(__dirname, '../fixtures/real');",
        "const repo = path.resolve(__dirname, '../..');",
        'export { b, c, d, s, lazy, fixtures, repo };',
        '',
      ].join('\n'),
      'test/import/helpers.ts': "export const b = 1;\nexport * from '../helpers/dir/index';\n",
      'test/import/c.ts': 'export const c = 1;\n',
      'test/helpers/dir/index.ts': 'export const d = 1;\n',
      'test/bench/x.ts':
        "import { b } from '../import/helpers';\nexport const r = require('../import/helpers');\n",
      'shared/money.ts': 'export const s = 1;\n',
      'test/fixtures/real/README.md': 'data\n',
    });
    const changed = moveModules({
      root,
      git: false,
      pairs: [
        ['test/import/a.test.ts', 'test/electron/import/a.test.ts'],
        ['test/import/helpers.ts', 'test/electron/import/helpers.ts'],
      ],
    });
    expect(changed).toEqual([
      'test/bench/x.ts',
      'test/electron/import/a.test.ts',
      'test/electron/import/helpers.ts',
    ]);
    expect(fs.existsSync(path.join(root, 'test/import/a.test.ts'))).toBe(false);
    expect(read(root, 'test/electron/import/a.test.ts')).toBe(
      [
        "import { b } from './helpers';",
        "import { c } from '../../import/c.js';",
        "import { d } from '../../helpers/dir';",
        "import { s } from '../../../shared/money';",
        "export type T = typeof import('./helpers');",
        "const lazy = () => import('../../../shared/money');",
        "const fixtures = path.join(__dirname, '../../fixtures/real');",
        "const repo = path.resolve(__dirname, '../../..');",
        'export { b, c, d, s, lazy, fixtures, repo };',
        '',
      ].join('\n'),
    );
    expect(read(root, 'test/electron/import/helpers.ts')).toBe(
      "export const b = 1;\nexport * from '../../helpers/dir/index';\n",
    );
    expect(read(root, 'test/bench/x.ts')).toBe(
      "import { b } from '../electron/import/helpers';\nexport const r = require('../electron/import/helpers');\n",
    );
    expect(read(root, 'test/import/c.ts')).toBe('export const c = 1;\n');
  });

  it('a file moved into a folder named like the module beside it still names that module', () => {
    const root = writeTree({
      'renderer/src/screens.ts': 'export type ScreenId = string;\n',
      'renderer/src/View.tsx': "import type { ScreenId } from './screens';\nexport type V = ScreenId;\n",
      'renderer/src/screens/Other.tsx':
        "import type { ScreenId } from '../screens';\nexport type O = ScreenId;\n",
    });
    const changed = moveModules({
      root,
      git: false,
      pairs: [['renderer/src/View.tsx', 'renderer/src/screens/View.tsx']],
    });
    expect(changed).toEqual(['renderer/src/screens/View.tsx']);
    expect(read(root, 'renderer/src/screens/View.tsx')).toBe(
      "import type { ScreenId } from '../screens';\nexport type V = ScreenId;\n",
    );
    expect(read(root, 'renderer/src/screens/Other.tsx')).toBe(
      "import type { ScreenId } from '../screens';\nexport type O = ScreenId;\n",
    );
  });

  it('a late test brought back to its old folder keeps the paths to helpers that moved on before it', () => {
    const root = writeTree({
      'test/electron/pack/helpers.ts': 'export const h = 1;\n',
      'test/pack/late.test.ts':
        "import { h } from './helpers';\nimport { s } from '../../shared/money';\nexport { h, s };\n",
      'shared/money.ts': 'export const s = 1;\n',
    });
    moveModules({ root, git: false, pairs: [['test/pack/late.test.ts', 'test/electron/pack/late.test.ts']] });
    expect(read(root, 'test/electron/pack/late.test.ts')).toBe(
      "import { h } from './helpers';\nimport { s } from '../../../shared/money';\nexport { h, s };\n",
    );
  });

  it('refuses a move onto an existing file or from a missing one, before changing anything', () => {
    const root = writeTree({
      'test/a.ts': 'export const a = 1;\n',
      'test/b.ts': "import { a } from './a';\n",
    });
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [path.join(ROOT, 'scripts/move-module.mjs'), '--root', root, '--no-git', ...args],
        {
          encoding: 'utf8',
        },
      );
    expect(run('test/a.ts', 'test/b.ts').stderr).toContain('test/b.ts: already exists');
    expect(run('test/nope.ts', 'test/c.ts').stderr).toContain('test/nope.ts: no such file');
    expect(read(root, 'test/b.ts')).toBe("import { a } from './a';\n");
    const ok = run('test/a.ts', 'test/sub/a.ts');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('1 moved; paths re-pointed in 1 files\n');
    expect(read(root, 'test/b.ts')).toBe("import { a } from './sub/a';\n");
  });
});
