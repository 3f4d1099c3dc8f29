/**
 * Resolves once every chart canvas under `root` has drawn (`data-chart-drawn="true"`), or after
 * `timeoutMs`. The print view calls this before signalling that the page is ready to print.
 */
export function waitForChartsDrawn(root: ParentNode = document, timeoutMs = 5000): Promise<boolean> {
  const start = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const canvases = Array.from(root.querySelectorAll<HTMLCanvasElement>('canvas[data-chart-drawn]'));
      if (canvases.every((c) => c.dataset.chartDrawn === 'true')) return resolve(true);
      if (performance.now() - start > timeoutMs) return resolve(false);
      requestAnimationFrame(check);
    };
    check();
  });
}
