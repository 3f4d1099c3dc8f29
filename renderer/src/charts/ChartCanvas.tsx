import { useEffect, useRef } from 'react';
import type { Chart, ChartConfiguration, ChartType, Plugin } from 'chart.js';
import { registerCharts } from './register';

export interface ChartCanvasProps {
  /** Builds the configuration; called again whenever `deps` change. */
  config: ChartConfiguration<ChartType>;
  /** Accessible name of the chart (screen readers get this and the `summary`). */
  label: string;
  /** A short text alternative, e.g. the key figures. */
  summary?: string;
  height?: number;
  /** Called once the chart has been drawn (after each full render). */
  onDrawn?: (chart: Chart) => void;
  testId?: string;
}

/**
 * The one Chart.js wrapper: creates the chart on a canvas, updates it in place when the config
 * changes, destroys it on unmount. After each render the canvas carries `data-chart-drawn="true"`,
 * which tests, benchmarks and the print pipeline wait for.
 */
export function ChartCanvas({ config, label, summary, height = 260, onDrawn, testId }: ChartCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart | null>(null);
  const drawnRef = useRef(onDrawn);
  drawnRef.current = onDrawn;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ChartJs = registerCharts();
    const drawnPlugin: Plugin = {
      id: 'caioDrawn',
      afterRender: (chart) => {
        chart.canvas.dataset.chartDrawn = 'true';
        drawnRef.current?.(chart);
      },
    };
    canvas.dataset.chartDrawn = 'false';
    const existing = chartRef.current;
    if (existing) {
      existing.data = config.data;
      existing.options = config.options ?? {};
      existing.update();
      return;
    }
    chartRef.current = new ChartJs(canvas, {
      ...config,
      plugins: [...(config.plugins ?? []), drawnPlugin],
    } as ChartConfiguration);
  }, [config]);

  useEffect(
    () => () => {
      chartRef.current?.destroy();
      chartRef.current = null;
    },
    [],
  );

  return (
    <div className="chart-box" style={{ height }}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={summary ? `${label}. ${summary}` : label}
        data-testid={testId}
      >
        {summary ?? label}
      </canvas>
    </div>
  );
}
