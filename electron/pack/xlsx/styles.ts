import type ExcelJS from 'exceljs';
import { currencySymbol, type KpiScale } from '../../../shared/export/format';
import type { RagStatus } from '../../../shared/domain';
import { kpiRatioDigits } from '../../../shared/kpiPrecision';

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1E3A8A' } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };
export const TOTAL_FONT: Partial<ExcelJS.Font> = { bold: true };

export const PCT = '0.0%';
export const DATE = 'yyyy-mm-dd';
export const MONTH = 'mmm yyyy';
export const DATETIME = 'yyyy-mm-dd hh:mm';
export const INT = '#,##0';

/** Money to the cent with the currency symbol, negatives in red with a minus sign. */
export function moneyFormat(currency: string): string {
  const sym = currencySymbol(currency).replace(/"/g, '');
  return `"${sym}"#,##0.00;[Red]-"${sym}"#,##0.00`;
}

export const PCT_FINE = '0.000%';

/** Number format of a KPI's values, target and thresholds. */
export function kpiFormat(k: KpiScale, currency: string): string {
  switch (k.unit) {
    case 'ratio':
      // The screens' and the PDF's rule (shared/kpiPrecision.ts): 3 decimals when the limit is under 1%.
      return kpiRatioDigits(k) === 3 ? PCT_FINE : PCT;
    case 'currency':
      return `"${currencySymbol(currency).replace(/"/g, '')}"0.0000`;
    case 'count':
      return INT;
    default:
      return '#,##0.0';
  }
}

const STATUS_COLOURS: Record<Exclude<RagStatus, 'no_data'>, { fill: string; font: string; text: string }> = {
  green: { fill: 'FFDCFCE7', font: 'FF166534', text: 'On track' },
  amber: { fill: 'FFFEF3C7', font: 'FF92400E', text: 'At risk' },
  red: { fill: 'FFFEE2E2', font: 'FF991B1B', text: 'Off track' },
};

/** Conditional formatting of a status column by its words (the words stay when printed in greyscale). */
export function statusFormatting(ws: ExcelJS.Worksheet, ref: string): void {
  const top = ref.split(':')[0]!;
  ws.addConditionalFormatting({
    ref,
    rules: Object.values(STATUS_COLOURS).map((c, i) => ({
      type: 'containsText',
      operator: 'containsText',
      text: c.text,
      priority: i + 1,
      formulae: [`NOT(ISERROR(SEARCH("${c.text}",${top})))`],
      style: {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: c.fill } },
        font: { color: { argb: c.font }, bold: true },
      },
    })),
  });
}
