import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One place outside electron/store that runs SQL or could: `file:line: what`. */
export interface SqlUse {
  file: string;
  line: number;
  what: string;
}

/**
 * The members of better-sqlite3's connection and statement that run SQL or reach the connection's state;
 * reached on a value the compiler cannot type (`any`), they count too: nothing proves them harmless.
 */
const DRIVER_MEMBERS = new Set([
  'prepare',
  'exec',
  'pragma',
  'transaction',
  'inTransaction',
  'backup',
  'serialize',
  'function',
  'aggregate',
  'table',
  'loadExtension',
  'unsafeMode',
]);

/** SQL as it is written in this codebase (upper-case keywords), in a string or template literal. */
const SQL_TEXT =
  /\b(?:SELECT\s+(?:DISTINCT\s+)?[\w*(?]|INSERT\s+(?:OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|(?:CREATE|DROP|ALTER)\s+(?:TABLE|INDEX|TRIGGER|VIEW)\b|PRAGMA\s+\w|VACUUM\b|(?:BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)(?:\s+(?:IMMEDIATE|EXCLUSIVE|DEFERRED|TRANSACTION|TO))?\s*$|^\s*(?:BEGIN|COMMIT|ROLLBACK)\b)/m;

const DRIVER_TYPES = `${path.sep}@types${path.sep}better-sqlite3${path.sep}`;

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function declaredByDriver(symbol: ts.Symbol | undefined, checker: ts.TypeChecker): boolean {
  if (!symbol) return false;
  const s = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return (s.declarations ?? []).some((d) =>
    d.getSourceFile().fileName.split('/').join(path.sep).includes(DRIVER_TYPES),
  );
}

/**
 * Every place in `files` that imports better-sqlite3, touches a member of its connection or statement
 * (found through the type checker, so an alias or a wrapper's return value is no way round it), or holds
 * SQL text in a string or template literal. `root` is the repository the files belong to (its
 * node_modules resolves the imports).
 */
export function sqlUses(root: string, files: string[]): SqlUse[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    jsx: ts.JsxEmit.ReactJSX,
    types: ['node'],
    typeRoots: [path.join(root, 'node_modules/@types')],
  });
  const checker = program.getTypeChecker();
  // Only names the driver declares are looked up in the checker (type-checking every access is slow).
  const driverNames = new Set(DRIVER_MEMBERS);
  for (const sf of program.getSourceFiles()) {
    if (!sf.fileName.split('/').join(path.sep).includes(DRIVER_TYPES)) continue;
    const collect = (n: ts.Node): void => {
      if ((ts.isMethodSignature(n) || ts.isPropertySignature(n)) && ts.isIdentifier(n.name))
        driverNames.add(n.name.text);
      ts.forEachChild(n, collect);
    };
    collect(sf);
  }
  const out: SqlUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} was not read`);
    const at = (node: ts.Node, what: string) =>
      out.push({
        file: path.relative(root, file),
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        what,
      });
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) {
        const text = ts.isTemplateExpression(node)
          ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('?')
          : node.text;
        const parent = node.parent;
        const specifier =
          (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) &&
          parent.moduleSpecifier === node;
        const required =
          ts.isCallExpression(parent) &&
          (parent.expression.kind === ts.SyntaxKind.ImportKeyword ||
            (ts.isIdentifier(parent.expression) && parent.expression.text === 'require'));
        if ((specifier || required || ts.isExternalModuleReference(parent)) && text === 'better-sqlite3')
          at(node, "imports 'better-sqlite3'");
        else if (SQL_TEXT.test(text)) at(node, `SQL text: ${JSON.stringify(text.trim().slice(0, 60))}`);
      }
      if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
        const name = ts.isPropertyAccessExpression(node)
          ? node.name.text
          : ts.isStringLiteralLike(node.argumentExpression)
            ? node.argumentExpression.text
            : null;
        if (name !== null && driverNames.has(name)) {
          const symbol = checker.getSymbolAtLocation(
            ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression,
          );
          const receiver = checker.getTypeAtLocation(node.expression);
          if (declaredByDriver(symbol, checker)) at(node, `uses the SQLite driver: .${name}`);
          else if (DRIVER_MEMBERS.has(name) && receiver.flags & ts.TypeFlags.Any)
            at(node, `.${name} on an untyped value (could be the SQLite driver)`);
        }
      }
      if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const key = node.propertyName ?? node.name;
        if (ts.isIdentifier(key) && driverNames.has(key.text)) {
          const owner = checker.getTypeAtLocation(node.parent);
          if (declaredByDriver(owner.getProperty(key.text), checker))
            at(node, `uses the SQLite driver: takes .${key.text} apart`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** The TypeScript files under `root`/electron that are not in electron/store. */
export function filesOutsideStore(root: string): string[] {
  const store = path.join(root, 'electron', 'store') + path.sep;
  return tsFiles(path.join(root, 'electron')).filter((f) => !f.startsWith(store));
}

export function formatSqlUses(uses: SqlUse[]): string {
  return uses.map((u) => `${u.file}:${u.line}: ${u.what}`).join('\n');
}
