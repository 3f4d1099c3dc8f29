/**
 * The report's chart configurations, one pure builder per chart for the screens and the print page:
 * give it the report model's data and a look (chartLook('screen') or PRINT_LOOK).
 */
export { budgetVsActualChart } from './budgetVsActual';
export { cumulativeChart, PROJECTED_LINE_LABEL } from './cumulative';
export { roiByInitiativeChart, type RoiSeries } from './roiByInitiative';
export { tornadoChart, tornadoHeight, TORNADO_HIGH, TORNADO_LOW } from './tornado';
export { varianceByCategoryChart, STATUS_POINT } from './varianceByCategory';
export { chartLook, PRINT_LOOK, type ChartLook, type ChartMedium } from './look';
export { LINE_DASH } from './lineLegend';
export type { ScreenChartOptions } from './frame';
