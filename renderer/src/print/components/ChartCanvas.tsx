import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { Chart } from '../charts/register';

/**
 * A Chart.js chart sized for print: fixed CSS size, drawn at 2× (192 dpi on paper), no animation, no
 * responsiveness (the page does not resize while printing). `chartId` names the canvas so the Excel
 * pack can take the same picture.
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
  /** Device pixels per CSS pixel: 2 (192 dpi on paper) keeps lines sharp and the PDF quick to write. */
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
    return () => chart.destroy();
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
