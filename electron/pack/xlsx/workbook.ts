import type ExcelJS from 'exceljs';
import type { PackData } from '../../../shared/export/packTypes';
import { anomaliesSheet } from './anomaliesSheet';
import { assumptionsSheet } from './assumptionsSheet';
import { budgetSheet } from './budgetSheet';
import { commitmentsSheet } from './commitmentsSheet';
import { definitionsSheet } from './definitionsSheet';
import { forecastRangeSheet, forecastTrackSheet } from './forecastSheets';
import { initiativeKpisSheet } from './initiativeKpisSheet';
import { initiativesSheet } from './initiativesSheet';
import { monthlySheet } from './monthlySheet';
import { narrativeSheet } from './narrativeSheet';
import { runRateSheet } from './runRateSheet';
import { scorecardSheet } from './scorecardSheet';
import { sourcesSheet } from './sourcesSheet';
import { unitCostSheet } from './unitCostSheet';
import { summarySheet } from './summarySheet';
import { vendorsSheet } from './vendorsSheet';
import { isoToDate } from './sheet';

/** PNG pictures of the print view's charts, by chart id, with their size on the page (CSS px). */
export type ChartImages = Record<string, { png: Buffer; width: number; height: number }>;

function place(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  image: ChartImages[string] | undefined,
  col: number,
  row: number,
): number {
  if (!image) return row;
  const id = wb.addImage({ buffer: image.png as unknown as ExcelJS.Buffer, extension: 'png' });
  const scale = 1.4;
  ws.addImage(id, {
    tl: { col, row },
    ext: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
  });
  return row + Math.ceil((image.height * scale) / 20) + 1;
}

/**
 * The Excel pack: seventeen sheets, each one table (or tables with the same columns) under its own header row,
 * live formulas with cached results, charts as pictures.
 */
export async function buildWorkbook(data: PackData, charts: ChartImages, packDate: string): Promise<Buffer> {
  // Loaded on the first export, not at start-up (the CLI's other commands and the app's launch do not need it).
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'CAIO Scorecard';
  wb.lastModifiedBy = 'CAIO Scorecard';
  wb.title = `AI Board Briefing — ${data.period}`;
  wb.company = data.settings.companyName;
  wb.created = isoToDate(packDate);
  wb.modified = isoToDate(packDate);
  wb.calcProperties.fullCalcOnLoad = true;

  const summary = summarySheet(wb, data, packDate);
  const below = place(wb, summary, charts.cumulative, 4, 4);
  place(wb, summary, charts.budgetMonthly, 4, below);
  narrativeSheet(wb, data);
  scorecardSheet(wb, data);
  const initiatives = initiativesSheet(wb, data);
  place(wb, initiatives, charts.roiByInitiative, 1, data.report.initiatives.length + 5);
  initiativeKpisSheet(wb, data);
  const assumptions = assumptionsSheet(wb, data);
  place(wb, assumptions, charts.tornado, 6, data.report.assumptionRegister.length + 6);
  const budget = budgetSheet(wb, data);
  place(wb, budget, charts.varianceByCategory, 7, 1);
  forecastRangeSheet(wb, data);
  forecastTrackSheet(wb, data);
  const monthly = monthlySheet(wb, data);
  place(wb, monthly, charts.budgetMonthly, 8, 1);
  runRateSheet(wb, data);
  commitmentsSheet(wb, data);
  unitCostSheet(wb, data);
  vendorsSheet(wb, data);
  anomaliesSheet(wb, data);
  sourcesSheet(wb, data);
  definitionsSheet(wb, data);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
