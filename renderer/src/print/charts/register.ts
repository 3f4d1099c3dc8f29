/** The print page's Chart.js is the kit's (renderer/src/kit/chartRegistry.ts), registered once for both. */
import { registerCharts } from '../../kit/chartRegistry';

export const Chart = registerCharts();
