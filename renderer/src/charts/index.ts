/** Chart.js wrappers of the app screens; the report's charts are built by the kit (renderer/src/kit/charts). */
export { ChartCanvas, type ChartCanvasProps } from '../kit/ChartCanvas';
export { HorizontalBarChart, type HorizontalBarChartProps } from './HorizontalBarChart';
export { GroupedBarChart, type GroupedBarChartProps } from './GroupedBarChart';
export { moneyFull, moneyTick, monthLabel, percentTick } from '../kit/charts/axis';
export { chartTheme, withAlpha, type ChartTheme } from '../kit/charts/theme';
export { registerCharts } from '../kit/chartRegistry';
