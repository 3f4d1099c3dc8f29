// Moves modules and keeps every relative path to and from them right:
// `node scripts/move-module.mjs [--root DIR] [--no-git] OLD NEW [OLD NEW …]` (paths relative to the root).
//
// Each OLD file goes to NEW (`git mv`, so history follows it; plain rename with --no-git). Then, in every code
// file under electron/, shared/, renderer/, scripts/ and test/, each relative specifier — `import`,
// `export … from`, `import()`, `require()`, `require.resolve()`, `vi.mock()` — and each
// `path.join(__dirname, '…')` / `path.resolve(__dirname, '…')` literal is re-pointed: a moved file's own
// paths are taken from where it was, and a path to a moved file follows it. The specifier keeps its form
// (no extension stays no extension, `./x.js` for `x.ts` stays `.js`). This is how the test folders were made
// to mirror the source folders; a test that lands later in an old folder is moved the same way.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { resolveSpecifier } from './import-graph.mjs';

const CODE = ['.ts', '.tsx', '.mts', '.cts', '.mjs', '.cjs', '.js', '.jsx'];
const DIRS = ['electron', 'shared', 'renderer', 'scripts', 'test'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'release', '.git']);

function codeFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(path.join(d, e.name));
      } else if (CODE.includes(path.extname(e.name)) && !e.name.endsWith('.d.ts'))
        out.push(path.join(d, e.name));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

const textOf = (node) =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;

/** The relative path literals of a file: `{ start, end, text, kind }`, kind 'module' or 'dirname'. */
export function pathLiterals(file, text) {
  const kind = /\.[jt]sx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const out = [];
  const add = (node, what) => {
    const value = textOf(node);
    if (value !== null && value.startsWith('.'))
      out.push({ start: node.getStart(source) + 1, end: node.getEnd() - 1, text: value, kind: what });
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
      add(node.moduleSpecifier, 'module');
    else if (ts.isExternalModuleReference(node)) add(node.expression, 'module');
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      add(node.argument.literal, 'module');
    else if (ts.isCallExpression(node) && node.arguments.length) {
      const callee = node.expression.getText(source);
      if (['import', 'require', 'require.resolve', 'vi.mock', 'vi.importActual'].includes(callee))
        add(node.arguments[0], 'module');
      else if (
        ['path.join', 'path.resolve'].includes(callee) &&
        node.arguments[0].getText(source) === '__dirname' &&
        node.arguments.length === 2
      )
        add(node.arguments[1], 'dirname');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** What a literal of `file` names, before anything moves: the file a module specifier resolves to. */
function resolveLiteral(file, literal) {
  return literal.kind === 'module' ? resolveSpecifier(file, literal.text) : null;
}

/** The literal re-pointed from `newFile` once the moves are done, or null when it stays as written. */
function repoint(literal, resolved, oldFile, newFile, moves) {
  const written = path.resolve(path.dirname(oldFile), literal.text);
  if (oldFile === newFile && !moves.has(written) && !(resolved && moves.has(resolved))) return null;
  let target = moves.get(written) ?? written;
  if (resolved) {
    const moved = moves.get(resolved) ?? resolved;
    // Keep the specifier's form: `./x` for x.ts, `./dir` for dir/index.ts, `./x.js` for x.ts.
    const ext = path.extname(literal.text);
    if (resolved === written) target = moved;
    else if (/^\.[cm]?js$/.test(ext) && resolved === written.slice(0, -ext.length) + path.extname(resolved))
      target = moved.slice(0, -path.extname(moved).length) + ext;
    else if (resolved.startsWith(written) && moved.endsWith(resolved.slice(written.length)))
      target = moved.slice(0, moved.length - (resolved.length - written.length));
    else target = moved;
  }
  let next = path.relative(path.dirname(newFile), target).split(path.sep).join('/');
  // `../screens` from screens/ScreenView.tsx names screens.ts beside the folder, not the folder itself.
  if (next === '') next = `../${path.basename(target)}`;
  if (!next.startsWith('.')) next = `./${next}`;
  if (literal.text.endsWith('/') && !next.endsWith('/')) next += '/';
  return next === literal.text ? null : next;
}

export function moveModules({ root, pairs, git = true }) {
  const moves = new Map(pairs.map(([from, to]) => [path.resolve(root, from), path.resolve(root, to)]));
  for (const [from, to] of moves) {
    if (!fs.existsSync(from)) throw new Error(`${path.relative(root, from)}: no such file`);
    if (fs.existsSync(to)) throw new Error(`${path.relative(root, to)}: already exists`);
  }
  // Every file's literals, resolved where everything stands now; then the moves; then the new text.
  const plans = [];
  for (const dir of DIRS)
    for (const file of codeFiles(path.join(root, dir))) {
      const text = fs.readFileSync(file, 'utf8');
      const literals = pathLiterals(file, text).map((l) => ({ ...l, resolved: resolveLiteral(file, l) }));
      if (literals.length) plans.push({ file, text, literals });
    }
  for (const [from, to] of moves) {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (git) execFileSync('git', ['mv', from, to], { cwd: root });
    else fs.renameSync(from, to);
  }
  const changed = [];
  for (const { file, text, literals } of plans) {
    const newFile = moves.get(file) ?? file;
    const edits = literals
      // A path that named nothing from the old place but names a file from the new one is already right: a
      // test brought back to its old folder after its helpers moved on (re-applying a move to a late test).
      .filter((l) => l.resolved !== null || l.kind !== 'module' || !resolveSpecifier(newFile, l.text))
      .map((l) => ({ ...l, next: repoint(l, l.resolved, file, newFile, moves) }))
      .filter((e) => e.next !== null)
      .sort((x, y) => y.start - x.start);
    if (!edits.length) continue;
    let out = text;
    for (const e of edits) out = out.slice(0, e.start) + e.next + out.slice(e.end);
    fs.writeFileSync(newFile, out);
    changed.push(path.relative(root, newFile).split(path.sep).join('/'));
  }
  return changed.sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--root');
  const root = at === -1 ? process.cwd() : path.resolve(args.splice(at, 2)[1]);
  const noGit = args.indexOf('--no-git');
  if (noGit !== -1) args.splice(noGit, 1);
  if (args.length === 0 || args.length % 2) {
    process.stderr.write('usage: node scripts/move-module.mjs [--root DIR] [--no-git] OLD NEW [OLD NEW …]\n');
    process.exit(2);
  }
  const pairs = [];
  for (let i = 0; i < args.length; i += 2) pairs.push([args[i], args[i + 1]]);
  const changed = moveModules({ root, pairs, git: noGit === -1 });
  process.stdout.write(`${pairs.length} moved; paths re-pointed in ${changed.length} files\n`);
}
