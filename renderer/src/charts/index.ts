/** Chart.js wrappers shared by the app screens and the printed pack. */
export { ChartCanvas, type ChartCanvasProps } from '../kit/ChartCanvas';
export { BudgetActualChart, type BudgetActualChartProps } from './BudgetActualChart';
export { CumulativeChart, type CumulativeChartProps, type CumulativeSeries } from './CumulativeChart';
export { HorizontalBarChart, type HorizontalBarChartProps } from './HorizontalBarChart';
export { GroupedBarChart, type GroupedBarChartProps } from './GroupedBarChart';
export { moneyFull, moneyTick, monthLabel, percentTick } from './axis';
export { chartTheme, withAlpha, type ChartTheme } from './theme';
export { registerCharts } from '../kit/chartRegistry';
export { waitForChartsDrawn } from './drawn';
