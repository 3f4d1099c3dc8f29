import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { Chart } from '../charts/register';

/**
 * A Chart.js chart sized for print: fixed CSS size, drawn at 3× for sharp output, no animation, no
 * responsiveness (the page does not resize while printing). `chartId` names the canvas so the Excel
 * pack can take the same picture.
 */
export function ChartCanvas({
  config,
  width,
  height,
  chartId,
  label,
  pixelRatio = 3,
}: {
  config: ChartConfiguration;
  /** Device pixels per CSS pixel: 3 for charts (sharp at print resolution), less for tiny sparklines. */
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
