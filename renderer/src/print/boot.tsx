import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PackData } from '../../../shared/export/packTypes';
import { Chart } from './charts/register';
import type { PrintParams } from './params';
import { PrintApp } from './PrintApp';

// The print page's charts: the bundled Inter, print sizes, never animated.
Chart.defaults.font.family = 'Inter';
Chart.defaults.font.size = 10;
Chart.defaults.color = '#334155';
Chart.defaults.animation = false;

export function boot(params: PrintParams, data: Promise<PackData>): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PrintApp params={params} data={data} />
    </StrictMode>,
  );
}
