// `local/code-layering`: which source folder may import which, in the style of VS Code's `code-layering`.
//
// The tree is cut into areas: `shared`, `renderer` and one per folder under `electron/` (`electron/store`,
// `electron/pack`, …). The options say, for the top-level folders, which areas each may import, and list
// electron/'s folders as layers from the bottom up: a folder imports its own files and the layers below it,
// never a folder of its own layer (peers stay independent) or one above — except the few named peer edges.
// Every relative specifier counts, type-only ones too (a type from above is still knowledge of the layer
// above): `import`, `export … from`, `import()`, `require()`, `require.resolve()`, `import x = require()`
// and `import('…').T` in types. Package specifiers are other rules' business (no-restricted-imports).
import path from 'node:path';

/** The area a path relative to the root is in: 'shared', 'renderer', 'electron/<folder>', 'electron' (a file
 * directly in electron/) or null (outside the layered tree: test/, scripts/, …). */
export function areaOf(relativePath) {
  const parts = relativePath.split(/[\\/]/);
  if (parts[0] === 'shared' || parts[0] === 'renderer') return parts[0];
  if (parts[0] !== 'electron') return null;
  if (parts.length === 1) return 'electron';
  // `electron/pack` named as a directory and `electron/pack/x.ts` are both in electron/pack.
  if (parts.length === 2 && path.extname(parts[1]) !== '') return 'electron';
  return `electron/${parts[1]}`;
}

/** 'store, safety, static ← import, report, demo ← pack ← …' */
export function layerOrder(layers) {
  return layers.map((layer) => layer.join(', ')).join(' ← ');
}

const label = (area) => (area.includes('/') ? area : `${area}/`);

/** For each area, why it may not import another one — or null when it may. */
export function layeringVerdict(options, from, to) {
  if (from === null || to === null || from === to) return null;
  const { top, layers, peers = {} } = options;
  const order = `layer order: ${layerOrder(layers)}`;
  const fromTop = from.split('/')[0];
  const toTop = to.split('/')[0];
  if (fromTop !== 'electron' || toTop !== 'electron') {
    const allowed = top[fromTop] ?? [];
    if (allowed.includes(toTop)) return null;
    const may = [fromTop, ...allowed].map((a) => `${a}/`).join(' and ');
    return `${label(from)} may not import ${label(to)} (${fromTop}/ imports only ${may}).`;
  }
  const folder = (area) => area.slice('electron/'.length);
  const level = (area) => layers.findIndex((layer) => layer.includes(folder(area)));
  for (const area of [from, to]) {
    if (area === 'electron') return `A file directly in electron/ belongs in one of its folders (${order}).`;
    if (level(area) === -1)
      return `${area}/ is not in electron/'s layer map (${order}): add it to the layers in eslint.config.mjs.`;
  }
  if (level(to) < level(from)) return null;
  if ((peers[folder(from)] ?? []).includes(folder(to))) return null;
  if (level(to) === level(from))
    return `${from} may not import ${to}: they are peers in one layer (${order}).`;
  return `${from} may not import ${to} (${order}).`;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layering of shared/, renderer/ and electron/’s folders.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          top: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          layers: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
          peers: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        required: ['root', 'top', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: { layering: '{{why}}' },
  },
  create(context) {
    const options = context.options[0];
    const file = context.filename;
    const relative = (p) => path.relative(options.root, p).split(path.sep).join('/');
    const from = areaOf(relative(file));
    if (from === null) return {};

    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const to = areaOf(relative(path.resolve(path.dirname(file), specifier)));
      const why = layeringVerdict(options, from, to);
      if (why) context.report({ node, messageId: 'layering', data: { why } });
    };
    const literal = (node) =>
      node && node.type === 'Literal'
        ? node.value
        : node && node.type === 'TemplateLiteral' && node.expressions.length === 0
          ? node.quasis[0].value.cooked
          : undefined;

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, literal(node.source)),
      TSExternalModuleReference: (node) => check(node.expression, literal(node.expression)),
      TSImportType: (node) => {
        const arg = node.argument;
        check(arg, arg && arg.type === 'TSLiteralType' ? literal(arg.literal) : undefined);
      },
      CallExpression: (node) => {
        const callee = node.callee;
        const isRequire = callee.type === 'Identifier' && callee.name === 'require';
        const isResolve =
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'require' &&
          callee.property.type === 'Identifier' &&
          callee.property.name === 'resolve';
        if (isRequire || isResolve) check(node.arguments[0], literal(node.arguments[0]));
      },
    };
  },
};
