// The source tree's module graph and its import cycles: `node scripts/import-graph.mjs [--types] [--json]
// [--root DIR] [DIR...]` (default folders: electron shared renderer scripts). Exits 1 when there is a cycle;
// `npm run lint` runs it.
//
// Every edge a module can take at run time counts: static `import` and `export … from`, dynamic
// `import('…')` and `require('…')` (a cycle hidden behind a lazy import is still a cycle), and the worker
// or preload entries a module starts by path (`require.resolve`, `path.join(__dirname, …)`, `new URL(…,
// import.meta.url)`). `import type`
// and `export type` are erased by the compiler, so they are left out unless --types asks for them.
// Only relative specifiers are followed (packages are not our modules). The functions are exported for
// the tests and for a layering check built on the same graph.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const CODE = ['.ts', '.tsx', '.mts', '.cts', '.mjs', '.cjs', '.js', '.jsx'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'release', '.git']);

/** Every code file under `dir`, sorted. */
function codeFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(path.join(d, e.name));
      } else if (CODE.includes(path.extname(e.name)) && !e.name.endsWith('.d.ts')) {
        out.push(path.join(d, e.name));
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

/** The file a relative specifier names (as the bundler resolves it), or null when none exists. */
export function resolveSpecifier(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [
    base,
    ...CODE.map((ext) => base + ext),
    // `./x.js` written for an ESM TypeScript file `./x.ts`.
    ...(/\.[cm]?js$/.test(base)
      ? ['.ts', '.tsx', '.mts', '.cts'].map((e) => base.replace(/\.[cm]?js$/, e))
      : []),
    ...CODE.map((ext) => path.join(base, `index${ext}`)),
  ];
  for (const c of candidates)
    if (fs.existsSync(c) && fs.statSync(c).isFile() && CODE.includes(path.extname(c))) return c;
  return null;
}

function isTypeOnlyImport(node) {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'`: a side effect, kept
  if (clause.isTypeOnly) return true;
  // `import { type A, type B } from './x'` is erased too (no default, every named binding type-only).
  const named = clause.namedBindings;
  return (
    !clause.name &&
    named !== undefined &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((e) => e.isTypeOnly)
  );
}

const textOf = (node) =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/** `object.name` for one of `names`, e.g. require.resolve or path.join. */
const isMember = (node, object, names) =>
  ts.isPropertyAccessExpression(node) &&
  ts.isIdentifier(node.expression) &&
  node.expression.text === object &&
  names.includes(node.name.text);

/**
 * The specifiers a file imports, each with how: `static`, `dynamic` (import()), `require`, `path` (a module
 * started by its path — `require.resolve('./w')`, `path.join(__dirname, 'w.ts')`, `new URL('./w',
 * import.meta.url)` — as worker and preload entries are; counted only when the path is a source file), or
 * `type` (erased at compile time).
 */
export function importsOf(file, text = fs.readFileSync(file, 'utf8')) {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const out = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ specifier: node.moduleSpecifier.text, kind: isTypeOnlyImport(node) ? 'type' : 'static' });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      out.push({ specifier: node.moduleSpecifier.text, kind: node.isTypeOnly ? 'type' : 'static' });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      out.push({
        specifier: node.moduleReference.expression.text,
        kind: node.isTypeOnly ? 'type' : 'require',
      });
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1) {
      const literal = textOf(node.arguments[0]);
      const callee = node.expression;
      if (literal !== null && callee.kind === ts.SyntaxKind.ImportKeyword)
        out.push({ specifier: literal, kind: 'dynamic' });
      else if (literal !== null && ts.isIdentifier(callee) && callee.text === 'require')
        out.push({ specifier: literal, kind: 'require' });
      else if (literal !== null && isMember(callee, 'require', ['resolve']))
        out.push({ specifier: literal, kind: 'path' });
      else if (isMember(callee, 'path', ['join', 'resolve'])) {
        // path.join(__dirname, 'scanWorker.ts'): a worker or preload entry started from this module's folder.
        const [first, ...rest] = node.arguments;
        const parts = rest.map(textOf);
        if (ts.isIdentifier(first) && first.text === '__dirname' && parts.length && !parts.includes(null))
          out.push({ specifier: `./${parts.join('/')}`, kind: 'path' });
      }
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'URL' &&
      node.arguments?.length === 2 &&
      textOf(node.arguments[0]) !== null &&
      /^import\.meta\.url$/.test(node.arguments[1].getText(source))
    ) {
      // new URL('./worker.ts', import.meta.url): the ESM way to name a worker entry.
      out.push({ specifier: textOf(node.arguments[0]), kind: 'path' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/**
 * The module graph of the code files under `dirs` (relative to `root`): file → the files it imports
 * (relative paths from `root`, '/'-separated), with the kind of each edge. Type-only edges only with
 * `includeTypes`.
 */
export function buildImportGraph({ root, dirs, includeTypes = false }) {
  const rel = (f) => path.relative(root, f).split(path.sep).join('/');
  const graph = new Map();
  for (const dir of dirs) {
    for (const file of codeFiles(path.resolve(root, dir))) {
      const edges = [];
      for (const imp of importsOf(file)) {
        if (imp.kind === 'type' && !includeTypes) continue;
        const target = resolveSpecifier(file, imp.specifier);
        if (target) edges.push({ to: rel(target), kind: imp.kind });
      }
      graph.set(rel(file), edges);
    }
  }
  return graph;
}

/**
 * The import cycles: one per strongly connected component of more than one module (or a module that
 * imports itself), each as a path that starts and ends at the same module, e.g. [a, b, c, a].
 */
export function findCycles(graph) {
  const targets = (n) => (graph.get(n) ?? []).map((e) => e.to);
  // Tarjan's strongly connected components, iteratively (deep chains must not overflow the stack).
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const components = [];
  for (const start of graph.keys()) {
    if (idx.has(start)) continue;
    const work = [{ node: start, next: 0 }];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const outs = targets(frame.node);
      if (frame.next < outs.length) {
        const w = outs[frame.next++];
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node), idx.get(w)));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent), low.get(frame.node)));
      }
      if (low.get(frame.node) === idx.get(frame.node)) {
        const component = [];
        let w;
        do {
          w = stack.pop();
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        const selfLoop = component.length === 1 && targets(w).includes(w);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }
  // One concrete cycle through each component: a breadth-first path back to its first module.
  return components.map((component) => {
    const members = new Set(component);
    const first = [...component].sort()[0];
    const previous = new Map();
    const queue = [first];
    while (queue.length) {
      const n = queue.shift();
      for (const w of targets(n)) {
        if (!members.has(w)) continue;
        if (w === first) {
          const cycle = [first];
          for (let at = n; at !== first; at = previous.get(at)) cycle.splice(1, 0, at);
          cycle.push(first);
          return cycle;
        }
        if (!previous.has(w)) {
          previous.set(w, n);
          queue.push(w);
        }
      }
    }
    return [first, first];
  });
}

function main(argv) {
  const args = [...argv];
  const take = (flag) => {
    const i = args.indexOf(flag);
    if (i === -1) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const has = (flag) => {
    const i = args.indexOf(flag);
    if (i !== -1) args.splice(i, 1);
    return i !== -1;
  };
  const root = path.resolve(take('--root') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const includeTypes = has('--types');
  const json = has('--json');
  const dirs = args.length ? args : ['electron', 'shared', 'renderer', 'scripts'];
  const graph = buildImportGraph({ root, dirs, includeTypes });
  const cycles = findCycles(graph);
  const edges = [...graph.values()].reduce((n, e) => n + e.length, 0);
  if (json) {
    process.stdout.write(`${JSON.stringify({ modules: graph.size, edges, cycles }, null, 2)}\n`);
  } else {
    const what = includeTypes ? 'with type-only imports' : 'run-time imports';
    process.stdout.write(`${graph.size} modules, ${edges} imports (${what}) in ${dirs.join(', ')}: `);
    process.stdout.write(cycles.length === 0 ? 'no import cycle.\n' : `${cycles.length} import cycle(s):\n`);
    for (const c of cycles) process.stdout.write(`  ${c.join(' → ')}\n`);
  }
  return cycles.length === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
