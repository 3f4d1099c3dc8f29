import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import './print.css';
import { Chart } from './charts/register';
import { PrintApp } from './PrintApp';

// The print page's charts: the bundled Inter, print sizes, never animated.
Chart.defaults.font.family = 'Inter';
Chart.defaults.font.size = 10;
Chart.defaults.color = '#334155';
Chart.defaults.animation = false;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PrintApp />
  </StrictMode>,
);
