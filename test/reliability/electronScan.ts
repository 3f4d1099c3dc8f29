import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * A focused static security scan of the Electron shell's sources, on the TypeScript AST (no regex
 * over code): the checks electronegativity makes that apply to this app, written for its patterns.
 */
export interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

const INSECURE_VALUES: Record<string, boolean> = {
  nodeIntegration: true,
  nodeIntegrationInWorker: true,
  nodeIntegrationInSubFrames: true,
  contextIsolation: false,
  sandbox: false,
  webSecurity: false,
  allowRunningInsecureContent: true,
  experimentalFeatures: true,
  webviewTag: true,
  enableRemoteModule: true,
  enableBlinkFeatures: true,
  plugins: true,
};
const SECURITY_KEYS = new Set(Object.keys(INSECURE_VALUES));
const WINDOW_CLASSES = new Set(['BrowserWindow', 'BrowserView', 'WebContentsView']);
const BAD_SWITCHES =
  /^(ignore-certificate-errors|disable-web-security|remote-debugging-port|allow-insecure-localhost|no-sandbox|disable-site-isolation-trials)$/;

export function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return /\.(ts|tsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function propName(p: ts.ObjectLiteralElementLike): string | null {
  if (!p.name) return null;
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text;
  return null;
}

function literalBool(e: ts.Expression): boolean | null {
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  return null;
}

function calleeName(c: ts.CallExpression): string {
  const e = c.expression;
  if (ts.isPropertyAccessExpression(e)) return `${e.expression.getText()}.${e.name.text}`;
  return e.getText();
}

/** Is `node` inside an `if` whose condition calls one of `guards`? */
function guardedBy(node: ts.Node, guards: RegExp): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isIfStatement(p) && guards.test(p.expression.getText())) return true;
    if (ts.isConditionalExpression(p) && guards.test(p.condition.getText())) return true;
    if (
      ts.isBinaryExpression(p) &&
      p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      guards.test(p.left.getText())
    )
      return true;
    if (ts.isFunctionLike(p)) break;
  }
  return false;
}

export function scanSource(file: string, text: string): Finding[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Finding[] = [];
  const add = (node: ts.Node, rule: string) =>
    out.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      rule,
      text: node.getText().slice(0, 160),
    });
  const visit = (node: ts.Node) => {
    // Insecure web preferences anywhere, whatever object they sit in.
    if (ts.isPropertyAssignment(node)) {
      const name = propName(node);
      if (name && SECURITY_KEYS.has(name) && literalBool(node.initializer) === INSECURE_VALUES[name])
        add(node, `insecure-preference:${name}`);
      if (name === 'bypassCSP' && literalBool(node.initializer) === true) add(node, 'scheme-bypasses-csp');
      if (name === 'allowServiceWorkers' && literalBool(node.initializer) === true)
        add(node, 'scheme-service-workers');
    }
    // Windows get the shared hardened preferences, untouched.
    if (ts.isNewExpression(node) && WINDOW_CLASSES.has(node.expression.getText())) {
      const opts = node.arguments?.[0];
      const wp =
        opts && ts.isObjectLiteralExpression(opts)
          ? opts.properties.find((p) => propName(p) === 'webPreferences')
          : undefined;
      const value = wp && ts.isPropertyAssignment(wp) ? wp.initializer : null;
      if (!value || !ts.isObjectLiteralExpression(value)) add(node, 'window-without-hardened-preferences');
      else {
        const spreads = value.properties.some(
          (p) => ts.isSpreadAssignment(p) && p.expression.getText() === 'WEB_PREFERENCES',
        );
        if (!spreads) add(node, 'window-without-hardened-preferences');
        for (const p of value.properties) {
          const n = propName(p);
          if (n && SECURITY_KEYS.has(n)) add(p, `window-overrides-preference:${n}`);
        }
      }
    }
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const arg = node.arguments[0];
      if (/\.loadURL$/.test(name)) {
        const t = arg?.getText() ?? '';
        if (/^['"`](https?|file|ftp):/i.test(t) || !/APP_ENTRY|APP_ORIGIN/.test(t))
          add(node, 'load-url-not-app-protocol');
      }
      if (/\.loadFile$/.test(name)) add(node, 'load-file');
      if (/(^|\.)openExternal$/.test(name) && !guardedBy(node, /isAllowedExternalUrl\(/))
        add(node, 'open-external-unvalidated');
      if (/\.appendSwitch$/.test(name) && arg && ts.isStringLiteral(arg) && BAD_SWITCHES.test(arg.text))
        add(node, `dangerous-switch:${arg.text}`);
      if (/\.setCertificateVerifyProc$/.test(name)) add(node, 'certificate-verify-proc');
      if (/\.(registerFileProtocol|interceptFileProtocol)$/.test(name)) add(node, 'file-protocol');
      if (/\.(openDevTools)$/.test(name) && !guardedBy(node, /isPackaged|DEV|dev/))
        add(node, 'devtools-in-production');
      if (/^ipcMain\.(handle|on|handleOnce|once)$/.test(name)) {
        const handler = node.arguments[1];
        if (!handler || !/rejectUntrusted\(|isTrustedSenderUrl\(/.test(handler.getText()))
          add(node, 'ipc-without-sender-check');
      }
      if (/\.setWindowOpenHandler$/.test(name) && arg && /action:\s*['"]allow['"]/.test(arg.getText()))
        add(node, 'window-open-allowed');
    }
    if (ts.isImportDeclaration(node) && /@electron\/remote/.test(node.moduleSpecifier.getText()))
      add(node, 'remote-module');
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function scanDirs(dirs: string[]): Finding[] {
  return dirs.flatMap((d) => tsFiles(d)).flatMap((f) => scanSource(f, fs.readFileSync(f, 'utf8')));
}
