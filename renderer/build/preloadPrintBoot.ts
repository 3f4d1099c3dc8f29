import type { Plugin } from 'vite';

/**
 * print.html's entry loads React and Chart.js (the ./boot chunk) with a dynamic import, so that it can
 * ask for the pack data first. Without help the browser learns of that chunk only once the entry has
 * run; these modulepreload links let it fetch and compile the chunk alongside the entry instead.
 */
export function preloadPrintBoot(): Plugin {
  return {
    name: 'caio-preload-print-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('print.html')) return html;
        const boot = Object.values(ctx.bundle).find(
          (c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/print/boot.tsx'),
        );
        if (!boot || boot.type !== 'chunk') throw new Error('print.html: the boot chunk is missing');
        return [boot.fileName, ...boot.imports]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}
