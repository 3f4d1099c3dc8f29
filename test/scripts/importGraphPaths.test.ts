import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script (run with node), no type declarations
import { buildImportGraph, findCycles } from '../../scripts/import-graph.mjs';
import { tempDir } from '../helpers/tempWorkspace';

const ROOT = path.resolve(__dirname, '../..');
type Graph = Map<string, { to: string; kind: string }[]>;

function writeTree(files: Record<string, string>): string {
  const root = tempDir('caio-graph-paths-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('import graph: modules started by their path (worker and preload entries)', () => {
  it('path.join(__dirname, …), require.resolve and new URL(…, import.meta.url) are edges, and close cycles', () => {
    const root = writeTree({
      'src/thread.ts':
        "import path from 'node:path';\nexport const start = () => path.join(__dirname, 'worker.ts');\n",
      'src/worker.ts': "import { start } from './thread';\nexport const again = start;\n",
      'src/resolve.ts': "export const entry = require.resolve('./entry.js');\n",
      'src/entry.ts': "import { entry } from './resolve';\nexport default entry;\n",
      'src/esm.ts': "export const url = new URL('./esmWorker.ts', import.meta.url);\n",
      'src/esmWorker.ts': "import { url } from './esm';\nexport default url;\n",
      // A bundled entry that exists only in dist/ and a folder of static files are not modules of the tree.
      'src/bundled.ts':
        "import path from 'node:path';\nexport const w = path.join(__dirname, 'import-worker.cjs');\n" +
        "export const dir = path.resolve(__dirname, '../static');\n",
      'static/index.html': '<!doctype html>\n',
    });
    const graph = buildImportGraph({ root, dirs: ['src'] }) as Graph;
    expect(graph.get('src/thread.ts')).toEqual([{ to: 'src/worker.ts', kind: 'path' }]);
    expect(graph.get('src/resolve.ts')).toEqual([{ to: 'src/entry.ts', kind: 'path' }]);
    expect(graph.get('src/esm.ts')).toEqual([{ to: 'src/esmWorker.ts', kind: 'path' }]);
    expect(graph.get('src/bundled.ts')).toEqual([]);
    const cycles = (findCycles(graph) as string[][]).map((c) => c.join(' → ')).sort();
    expect(cycles).toEqual([
      'src/entry.ts → src/resolve.ts → src/entry.ts',
      'src/esm.ts → src/esmWorker.ts → src/esm.ts',
      'src/thread.ts → src/worker.ts → src/thread.ts',
    ]);

    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts/import-graph.mjs'), '--root', root, 'src'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('3 import cycle(s):');
    expect(run.stdout).toContain('  src/thread.ts → src/worker.ts → src/thread.ts');
  });

  it('the real tree: the import thread starts its worker by path, and that edge is in the graph', () => {
    const graph = buildImportGraph({ root: ROOT, dirs: ['electron/import'] }) as Graph;
    expect(graph.get('electron/import/scanThread.ts')).toContainEqual({
      to: 'electron/import/scanWorker.ts',
      kind: 'path',
    });
  });

  it('npm run lint fails on a cycle: it runs the check over electron, shared, renderer and scripts', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.lint!.split(' && ')).toContain('npm run lint:imports');
    expect(pkg.scripts['lint:imports']).toBe('node scripts/import-graph.mjs');
    const run = spawnSync(process.execPath, ['scripts/import-graph.mjs', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const report = JSON.parse(run.stdout) as { modules: number };
    const files = ['electron', 'shared', 'renderer', 'scripts'].flatMap((dir) =>
      fs
        .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(ts|tsx|mjs|cjs|js)$/.test(f) && !f.endsWith('.d.ts')),
    );
    expect(report.modules).toBe(files.length);
  });
});
