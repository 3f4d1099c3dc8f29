import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The Inter faces the pack sets its text in (the Latin subset; other subsets load only if used). */
const PRINT_FONT = /^assets\/inter-latin-(?:400|500|600|700)-normal-[\w-]+\.woff2$/;

/**
 * Hints for print.html, so the browser fetches everything the pack needs at once instead of learning
 * of it step by step: its entry loads React and Chart.js (the ./boot chunk) with a dynamic import,
 * so that it can ask for the pack data first, and asks for the Inter faces only when it runs. Without
 * the hints those requests waited for the entry to run, and queued behind the pack data on the bridge.
 */
export function printPreloads(): Plugin {
  return {
    name: 'caio-print-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('print.html')) return html;
        const files = Object.values(ctx.bundle);
        const boot = files.find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/print/boot.tsx'),
        );
        if (!boot || boot.type !== 'chunk') throw new Error('print.html: the boot chunk is missing');
        const fonts = files.filter((f) => f.type === 'asset' && PRINT_FONT.test(f.fileName));
        if (fonts.length !== 4) throw new Error('print.html: the four Inter Latin faces are missing');
        const scripts: HtmlTagDescriptor[] = [boot.fileName, ...boot.imports]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head',
          }));
        const faces: HtmlTagDescriptor[] = fonts.map((f) => ({
          tag: 'link',
          attrs: {
            rel: 'preload',
            as: 'font',
            type: 'font/woff2',
            crossorigin: true,
            href: `./${f.fileName}`,
          },
          injectTo: 'head',
        }));
        return [...faces, ...scripts];
      },
    },
  };
}
