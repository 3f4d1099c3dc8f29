import type ExcelJS from 'exceljs';
import type { PackData } from '../../../shared/export/packTypes';
import { moneyFormula, moneyValue } from './cells';
import { addTableSheet, fitColumns } from './sheet';
import { PCT, TOTAL_FONT, moneyFormat } from './styles';

/** Rows of the range sheet, fixed so its formulas can name them. */
const ROW = { forecast: 2, ytd: 3, monthsLeft: 4, z: 5, sigma: 6, halfWidth: 7, low: 8, high: 9, level: 10 };
const FIRST_MONTH_ROW = 12;

/**
 * The year-end forecast's 80% range as arithmetic a reader can follow: the inputs as values (the forecast,
 * the YTD actual, the months left, z and the monthly actuals of σ's window) and σ, the half-width and both
 * ends as formulas over them — STDEV.S, SQRT, ROUND to the cent and MAX for the floor, as the app computes them.
 */
export function forecastRangeSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const b = r.budget;
  const range = b.forecastRange;
  const money = moneyFormat(r.currency);
  const ws = addTableSheet(
    wb,
    'Forecast Range',
    [`Year-end forecast range (80%), FY${r.period.fiscalYear}, as of ${r.period.end}`, 'Value', 'How'],
    data.settings,
  );
  if (!range) {
    ws.getRow(2).values = [
      'No range',
      '',
      'Fewer than 3 complete months of spend: the standard deviation of monthly actuals needs at least 3.',
    ];
    fitColumns(ws, { max: 80 });
    return ws;
  }
  const last = FIRST_MONTH_ROW + range.months.length - 1;
  const halfWidth = (range.z * range.sigma * Math.sqrt(range.monthsLeft)) / 1e6;
  const rows: [number, string, ExcelJS.CellValue, string][] = [
    [ROW.forecast, 'Year-end forecast', moneyValue(b.forecastYearEnd.micro), 'As on Budget vs Actual'],
    [ROW.ytd, 'Fiscal-YTD actual', moneyValue(b.ytdActual.micro), 'The floor of the low end'],
    [ROW.monthsLeft, 'Months left in the fiscal year', range.monthsLeft, ''],
    [ROW.z, 'z (central 80% of a normal distribution)', range.z, ''],
    [
      ROW.sigma,
      `σ of the monthly actuals ${range.months[0]!.month} to ${range.months[range.months.length - 1]!.month}`,
      { formula: `STDEV.S(B${FIRST_MONTH_ROW}:B${last})`, result: range.sigma / 1e6 },
      'Sample standard deviation (n − 1) of the months below',
    ],
    [
      ROW.halfWidth,
      'Half-width',
      { formula: `B${ROW.z}*B${ROW.sigma}*SQRT(B${ROW.monthsLeft})`, result: halfWidth },
      'z × σ × √(months left)',
    ],
    [
      ROW.low,
      'Low end (80%)',
      moneyFormula(`MAX(B${ROW.ytd},ROUND(B${ROW.forecast}-B${ROW.halfWidth},2))`, range.low.micro),
      'Forecast − half-width, rounded to the cent; never below the YTD actual',
    ],
    [
      ROW.high,
      'High end (80%)',
      moneyFormula(`MAX(B${ROW.low},ROUND(B${ROW.forecast}+B${ROW.halfWidth},2))`, range.high.micro),
      'Forecast + half-width, rounded to the cent',
    ],
    [ROW.level, 'Level', range.level, range.method],
  ];
  for (const [row, label, value, how] of rows) {
    ws.getRow(row).values = [label, value, how];
    if (row !== ROW.monthsLeft && row !== ROW.z && row !== ROW.level) ws.getCell(`B${row}`).numFmt = money;
  }
  ws.getCell(`B${ROW.level}`).numFmt = PCT;
  ws.getRow(ROW.low).font = TOTAL_FONT;
  ws.getRow(ROW.high).font = TOTAL_FONT;
  range.months.forEach((m, i) => {
    const row = FIRST_MONTH_ROW + i;
    ws.getRow(row).values = [
      `Actual ${m.month}`,
      moneyValue(m.actual),
      'Sum of spend lines dated in the month',
    ];
    ws.getCell(`B${row}`).numFmt = money;
  });
  fitColumns(ws, { max: 60, wrap: [3] });
  return ws;
}

/**
 * Was the forecast any good: the year-end forecast as each earlier quarter end computed it (values), the
 * year's actual once complete (values), and the error as a formula over them.
 */
export function forecastTrackSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const money = moneyFormat(r.currency);
  const ws = addTableSheet(
    wb,
    'Forecast Track Record',
    ['Forecast as of', 'Quarter', 'Year-end forecast', 'Actual year end', 'Error'],
    data.settings,
  );
  r.budget.forecastTrackRecord.forEach((t, i) => {
    const n = i + 2;
    ws.getRow(n).values = [
      t.asOf,
      t.period,
      moneyValue(t.forecastYearEnd.micro),
      t.actualYearEnd ? moneyValue(t.actualYearEnd.micro) : `FY${t.fiscalYear} not complete`,
      {
        formula: `IF(ISNUMBER(D${n}),IF(D${n}=0,"",(C${n}-D${n})/D${n}),"")`,
        result: t.errorPct.value ?? '',
      },
    ];
    ws.getCell(`C${n}`).numFmt = money;
    if (t.actualYearEnd) ws.getCell(`D${n}`).numFmt = money;
    ws.getCell(`E${n}`).numFmt = PCT;
  });
  const note = r.budget.forecastTrackRecord.length + 3;
  ws.getCell(`A${note}`).value =
    'Each forecast is recomputed as of its quarter end from the data dated on or before it, as now stored ' +
    '(lines imported or undone since for those months change it); error = (forecast − actual) ÷ actual.';
  fitColumns(ws, { max: 40 });
  return ws;
}
