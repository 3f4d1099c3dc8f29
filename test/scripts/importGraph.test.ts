import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script (run with node), no type declarations
import { buildImportGraph, findCycles } from '../../scripts/import-graph.mjs';
import { tempDir } from '../helpers/tempWorkspace';

const ROOT = path.resolve(__dirname, '../..');
type Graph = Map<string, { to: string; kind: 'static' | 'dynamic' | 'require' | 'type' }[]>;

function writeTree(files: Record<string, string>): string {
  const root = tempDir('caio-graph-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('import graph (scripts/import-graph.mjs)', () => {
  it('the source tree has no import cycle (run-time imports, dynamic import() and require() included)', () => {
    const r = spawnSync(process.execPath, ['scripts/import-graph.mjs', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const report = JSON.parse(r.stdout) as { modules: number; edges: number; cycles: string[][] };
    expect(report.modules).toBeGreaterThan(300);
    expect(report.cycles).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('the pack imports neither the service nor the web bridge, not even a type', () => {
    const graph = buildImportGraph({ root: ROOT, dirs: ['electron/pack'], includeTypes: true }) as Graph;
    const edges = [...graph].flatMap(([from, to]) => to.map((e) => `${from} → ${e.to}`));
    expect(edges.length).toBeGreaterThan(20);
    expect(edges.filter((e) => /→ electron\/(service|web)\//.test(e))).toEqual([]);
  });

  it('finds a cycle hidden behind a dynamic import() or a require(), and fails the run', () => {
    const root = writeTree({
      'src/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src/b.ts': "export const b = async () => (await import('./c')).c;\n",
      'src/c.ts': "import type { X } from './types';\nexport const c = (): X => require('./a');\n",
      'src/types.ts': "import { c } from './c';\nexport type X = typeof c;\n",
      'src/leaf/index.ts': "import { a } from '../a';\nexport default a;\n",
    });
    const graph = buildImportGraph({ root, dirs: ['src'] }) as Graph;
    expect(graph.get('src/b.ts')).toEqual([{ to: 'src/c.ts', kind: 'dynamic' }]);
    expect(graph.get('src/c.ts')).toEqual([{ to: 'src/a.ts', kind: 'require' }]);
    // a → b → (import()) c → (require) a; the type-only c → types edge is erased, so no second cycle.
    expect(findCycles(graph)).toEqual([['src/a.ts', 'src/b.ts', 'src/c.ts', 'src/a.ts']]);
    const withTypes = buildImportGraph({ root, dirs: ['src'], includeTypes: true }) as Graph;
    expect(findCycles(withTypes)).toHaveLength(1); // one component: a, b, c and types together
    expect(findCycles(withTypes)[0]).toHaveLength(4);

    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts/import-graph.mjs'), '--root', root, 'src'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1 import cycle(s):\n  src/a.ts → src/b.ts → src/c.ts → src/a.ts');
  });

  it('a tree without a cycle passes', () => {
    const root = writeTree({
      'src/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'src/b.ts': 'export const b = 1;\n',
    });
    expect(findCycles(buildImportGraph({ root, dirs: ['src'] }))).toEqual([]);
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts/import-graph.mjs'), '--root', root, 'src'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('no import cycle');
  });
});
