import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
// Inter's subsets lack ≤ ≥ ≠ → ⌈ ⌉: DejaVu Sans carries them (and is only fetched when text needs them),
// so commentary prints as written on every machine, not in whatever symbol font the system has.
import '@fontsource/dejavu-sans/400.css';
import './print.css';
import type { PackData } from '../../../shared/export/packTypes';
import { api } from '../api/client';
import { handedPackData } from './handedData';
import { readPrintParams } from './params';
import { loadFonts, signalError } from './ready';

// The print page's entry is small on purpose: it waits for the pack data and the fonts at once, while
// React and Chart.js (the ./boot chunk) are still loading and compiling. An export's printer hands the
// data over (the build its snapshot records); a preview asks the service.
const params = readPrintParams(window.location.search);
const data: Promise<PackData> = params.period
  ? Promise.all([
      params.handedData ? handedPackData() : api.call('pack.data', { period: params.period }),
      loadFonts(),
    ]).then(([d]) => d)
  : Promise.reject(new Error('No quarter given: open print.html?period=FY2026-Q3'));
data.catch(() => undefined); // handled by the page once it is up

import('./boot').then(
  ({ boot }) => boot(params, data),
  (err: unknown) => signalError(err instanceof Error ? err.message : String(err)),
);
