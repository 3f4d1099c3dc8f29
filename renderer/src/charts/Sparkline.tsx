import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from './ChartCanvas';
import { useThemeVersion } from './useThemeVersion';
import { chartTheme } from './theme';

export interface SparklineProps {
  /** Oldest first; null = no value that period. */
  values: (number | null)[];
  /** Period labels, same length as values (used in the accessible description). */
  labels: string[];
  /** Accessible name, e.g. "AI Portfolio ROI, last 6 quarters". */
  label: string;
  /** Formats a value for the text alternative. */
  format?: (value: number) => string;
  color?: string;
  width?: number;
  height?: number;
  animation?: boolean;
}

/** A tiny line without axes: the trend at a glance; the text alternative lists each value. */
export function Sparkline({
  values,
  labels,
  label,
  format,
  color,
  width = 96,
  height = 28,
  animation = false,
}: SparklineProps) {
  const themeVersion = useThemeVersion();
  const config = useMemo((): ChartConfiguration<'line'> => {
    const theme = chartTheme();
    const stroke = color ?? theme.accent;
    return {
      type: 'line',
      data: {
        labels,
        datasets: [
          {
            data: values,
            borderColor: stroke,
            backgroundColor: stroke,
            borderWidth: 1.6,
            pointRadius: values.map((_, i) => (i === values.length - 1 ? 2.5 : 0)),
            spanGaps: true,
            tension: 0.2,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: animation ? { duration: 200 } : false,
        events: [],
        layout: { padding: 3 },
        plugins: { legend: { display: false }, title: { display: false }, tooltip: { enabled: false } },
        scales: { x: { display: false }, y: { display: false } },
      },
    };
  }, [themeVersion, values, labels, color, animation]);
  const summary = values
    .map((v, i) => `${labels[i]}: ${v === null ? 'no data' : format ? format(v) : String(v)}`)
    .join('; ');
  return (
    <span className="sparkline" style={{ width }}>
      <ChartCanvas config={config as ChartConfiguration} label={label} summary={summary} height={height} />
    </span>
  );
}
