import { useMemo } from 'react';
import type { KpiHistoryPoint } from '../../../../shared/report';
import { ChartCanvas } from './ChartCanvas';

const COLOURS: Record<KpiHistoryPoint['status'], string> = {
  green: '#15803d',
  amber: '#b45309',
  red: '#b91c1c',
  no_data: '#94a3b8',
};

/** Six quarters of a KPI, oldest first; the last point marked in its status colour. */
export function Sparkline({ history, name }: { history: KpiHistoryPoint[]; name: string }) {
  const config = useMemo(
    () => ({
      type: 'line' as const,
      data: {
        labels: history.map((h) => h.period),
        datasets: [
          {
            data: history.map((h) => h.value),
            borderColor: '#475569',
            borderWidth: 1.2,
            spanGaps: true,
            pointRadius: history.map((_, i) => (i === history.length - 1 ? 2.5 : 0)),
            pointBackgroundColor: history.map((h) => COLOURS[h.status]),
            pointBorderWidth: 0,
          },
        ],
      },
      options: {
        layout: { padding: 3 },
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
        scales: { x: { display: false }, y: { display: false } },
      },
    }),
    [history],
  );
  if (history.every((h) => h.value === null)) return <span className="muted">No history</span>;
  const values = history.map((h) => (h.value === null ? 'no data' : String(h.value))).join(', ');
  return (
    <ChartCanvas
      config={config}
      width={84}
      height={22}
      pixelRatio={2}
      label={`${name}, last six quarters: ${values}`}
    />
  );
}
