import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { Chart } from '../charts/register';

/**
 * A Chart.js chart sized for print: fixed CSS size, no animation, no responsiveness (the page does not
 * resize while printing). On screen and in the Excel pack's picture (`chartId` names the canvas) it is
 * a 2× bitmap; in the PDF it is vectors (drawn again at `beforeprint`).
 */
export function ChartCanvas({
  config,
  width,
  height,
  chartId,
  label,
  pixelRatio = 2,
}: {
  config: ChartConfiguration;
  /** Device pixels per CSS pixel of the bitmap (screen preview, Excel picture): 2 keeps lines sharp. */
  pixelRatio?: number;
  width: number;
  height: number;
  chartId?: string;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const chart = new Chart(canvas, {
      ...config,
      options: {
        ...config.options,
        animation: false,
        responsive: false,
        maintainAspectRatio: false,
        devicePixelRatio: pixelRatio,
        events: [],
      },
    });
    // Drawn again as the print starts, Chromium records the canvas's drawing and prints it as vectors
    // (paths and Inter text) instead of this bitmap: sharp at any zoom, and far quicker for the PDF
    // writer than compressing a 2× bitmap. The bitmap stays for the Excel pack's pictures.
    const drawForPrint = () => chart.draw();
    window.addEventListener('beforeprint', drawForPrint);
    return () => {
      window.removeEventListener('beforeprint', drawForPrint);
      chart.destroy();
    };
  }, [config, pixelRatio]);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      style={{ width: `${width}px`, height: `${height}px` }}
      data-chart-id={chartId}
      role="img"
      aria-label={label}
    />
  );
}
