import { useEffect, useRef } from 'react';
import type { Chart, ChartConfiguration, ChartType, Plugin } from 'chart.js';
import { registerCharts } from './chartRegistry';

/** What a chart draws, as words and numbers: its category labels and each series' label and values. */
export interface ChartFigures {
  labels: unknown[];
  datasets: { label: string; data: unknown[] }[];
}

/**
 * The drawn chart's figures as JSON, on the canvas as `data-chart-figures`: read from the Chart.js
 * instance itself, so a check that the screens and the pack chart the same numbers reads what was drawn.
 */
function chartFigures(chart: Chart): string {
  const figures: ChartFigures = {
    labels: [...(chart.data.labels ?? [])],
    datasets: chart.data.datasets.map((d) => ({ label: String(d.label ?? ''), data: [...d.data] })),
  };
  return JSON.stringify(figures);
}

export interface ChartCanvasProps {
  /** Builds the configuration; called again whenever `deps` change. */
  config: ChartConfiguration<ChartType>;
  /** Accessible name of the chart (screen readers get this and the `summary`). */
  label: string;
  /** A short text alternative, e.g. the key figures. */
  summary?: string;
  /** CSS pixels. With `width` the chart has a fixed size (print); without, it fills its box's width. */
  height?: number;
  /** A fixed width: no animation, no resizing, no pointer events — the print page's charts. */
  width?: number;
  /** Device pixels per CSS pixel of a fixed-size chart's bitmap (the Excel pack's picture): 2 keeps lines sharp. */
  pixelRatio?: number;
  /** Names the canvas for the pack's collection of chart pictures (`data-chart-id`). */
  chartId?: string;
  /** Called once the chart has been drawn (after each full render). */
  onDrawn?: (chart: Chart) => void;
  testId?: string;
}

/**
 * The one Chart.js wrapper, for the screens and the print page: creates the chart on a canvas, updates it
 * in place when the config changes, destroys it on unmount. After each render the canvas carries
 * `data-chart-drawn="true"` (and its figures in `data-chart-figures`), which tests, benchmarks and the print pipeline wait for. Drawn again as a
 * print starts, Chromium records the drawing and prints it as vectors (paths and text) instead of the
 * bitmap: sharp at any zoom, and far quicker for the PDF writer.
 */
export function ChartCanvas({
  config,
  label,
  summary,
  height = 260,
  width,
  pixelRatio = 2,
  chartId,
  onDrawn,
  testId,
}: ChartCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart | null>(null);
  const drawnRef = useRef(onDrawn);
  drawnRef.current = onDrawn;
  const fixed = width !== undefined;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ChartJs = registerCharts();
    const drawnPlugin: Plugin = {
      id: 'caioDrawn',
      afterRender: (chart) => {
        chart.canvas.dataset.chartFigures = chartFigures(chart);
        chart.canvas.dataset.chartDrawn = 'true';
        drawnRef.current?.(chart);
      },
    };
    const options = fixed
      ? {
          ...config.options,
          animation: false as const,
          responsive: false,
          maintainAspectRatio: false,
          devicePixelRatio: pixelRatio,
          events: [],
        }
      : (config.options ?? {});
    canvas.dataset.chartDrawn = 'false';
    const existing = chartRef.current;
    if (existing) {
      existing.data = config.data;
      existing.options = options;
      existing.update();
      return;
    }
    chartRef.current = new ChartJs(canvas, {
      ...config,
      options,
      plugins: [...(config.plugins ?? []), drawnPlugin],
    } as ChartConfiguration);
  }, [config, fixed, pixelRatio]);

  useEffect(() => {
    const drawForPrint = () => chartRef.current?.draw();
    window.addEventListener('beforeprint', drawForPrint);
    return () => {
      window.removeEventListener('beforeprint', drawForPrint);
      chartRef.current?.destroy();
      chartRef.current = null;
    };
  }, []);

  const canvas = (
    <canvas
      ref={canvasRef}
      role="img"
      aria-label={summary ? `${label}. ${summary}` : label}
      data-testid={testId}
      data-chart-id={chartId}
      {...(fixed ? { width, height, style: { width: `${width}px`, height: `${height}px` } } : {})}
    >
      {summary ?? label}
    </canvas>
  );
  return fixed ? (
    canvas
  ) : (
    <div className="chart-box" style={{ height }}>
      {canvas}
    </div>
  );
}
