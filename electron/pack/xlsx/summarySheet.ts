import type ExcelJS from 'exceljs';
import { STATUS_LABEL, longDate, pct } from '../../../shared/export/format';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText } from '../../../shared/export/safeText';
import { irrNotMeaningful } from '../../../shared/export/irrShown';
import { irrNote, moneyFormula, moneyValue, setIrrCell, sheetRef, sumMicros } from './cells';
import { monthlyRow } from './monthlySheet';
import { SCORECARD_STATUS_COLUMN } from './scorecardSheet';
import { addTableSheet, fitColumns } from './sheet';
import { INT, PCT, TOTAL_FONT, moneyFormat, statusFormatting } from './styles';
import { budgetTotalRow, budgetTotals, initiativeTotals, initiativesTotalRow } from './totals';

type Row = [label: string, value: ExcelJS.CellValue, format: string | null, note?: string];

/** The headline figures, with the derived ones as live formulas over the cells above them. */
export function summarySheet(wb: ExcelJS.Workbook, data: PackData, packDate: string): ExcelJS.Worksheet {
  const { report: r, settings } = data;
  const money = moneyFormat(r.currency);
  const ws = addTableSheet(wb, 'Summary', ['Figure', 'Value', 'Notes'], settings, 5);
  ws.getCell('A1').value = safeText(`${settings.companyName} — AI Board Briefing — ${r.period.label}`);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = safeText(
    `Prepared by ${settings.preparedBy || '—'} · ${longDate(packDate)} · ${r.period.start} to ${r.period.end} · ${r.currency}`,
  );
  ws.getCell('A3').value = safeText(settings.confidentiality);
  ws.getCell('A3').font = { bold: true, color: { argb: 'FF991B1B' } };

  const p = r.portfolio;
  const b = r.budget;
  const statusCol = `Scorecard!${SCORECARD_STATUS_COLUMN}:${SCORECARD_STATUS_COLUMN}`;
  const count = (s: keyof typeof STATUS_LABEL) => r.kpis.filter((k) => k.status === s).length;
  // Totals are not typed in twice: they refer to the sheet that adds them up (same cached result).
  const ini = initiativeTotals(r);
  const iniRef = (col: string, micro: bigint) =>
    moneyFormula(sheetRef('Initiatives', `${col}${initiativesTotalRow(r)}`), micro);
  const bud = budgetTotals(r);
  const budRef = (col: string, micro: bigint) =>
    moneyFormula(sheetRef('Budget vs Actual', `${col}${budgetTotalRow(r)}`), micro);
  const annualBudget = moneyFormula(
    sheetRef('Monthly spend', `F${monthlyRow(b.monthly.length - 1)}`),
    sumMicros(b.monthly.map((m) => m.budget)),
  );
  // Row numbers are fixed so the formulas below can name their inputs.
  const first = 6;
  const at = (i: number) => first + i;
  const rows: Row[] = [
    [
      'Portfolio cost (quarter)',
      iniRef('G', ini.cost),
      money,
      'All spend dated in the quarter, shared platform included',
    ],
    ['Realized benefit (quarter)', iniRef('H', ini.benefit), money],
    [
      'Portfolio ROI (quarter)',
      { formula: `IF(B${at(0)}=0,"",(B${at(1)}-B${at(0)})/B${at(0)})`, result: p.roi.value ?? '' },
      PCT,
      '(benefit − cost) ÷ cost',
    ],
    ['Cumulative cost', iniRef('K', ini.cumulativeCost), money, `Up to ${r.period.end}`],
    ['Cumulative realized benefit', iniRef('L', ini.cumulativeBenefit), money],
    [
      'Cumulative ROI',
      { formula: `IF(B${at(3)}=0,"",(B${at(4)}-B${at(3)})/B${at(3)})`, result: p.cumulativeRoi.value ?? '' },
      PCT,
    ],
    ['Projected benefit (quarter, not in ROI)', iniRef('J', ini.projectedBenefit), money],
    [
      'NPV to date',
      moneyValue(p.npv.micro),
      money,
      `Discount rate ${pct(r.assumptions.discountRateAnnual)} a year`,
    ],
    ['IRR (annual)', null, null], // set below: a percentage or n/m
    ['Budget (quarter)', budRef('B', bud.budget), money],
    ['Actual spend (quarter)', budRef('C', bud.actual), money],
    [
      'Variance (actual − budget)',
      moneyFormula(`B${at(10)}-B${at(9)}`, bud.actual - bud.budget),
      money,
      '+ is over-spend',
    ],
    [
      'Variance %',
      { formula: `IF(B${at(9)}=0,"",B${at(11)}/B${at(9)})`, result: b.variancePct.value ?? '' },
      PCT,
    ],
    ['Budget status', STATUS_LABEL[b.status], null],
    [`Annual budget FY${r.period.fiscalYear}`, annualBudget, money],
    [
      'Year-end forecast',
      moneyValue(b.forecastYearEnd.micro),
      money,
      'YTD actual + mean of last 3 complete months × months left',
    ],
    ['Forecast variance', moneyFormula(`B${at(15)}-B${at(14)}`, b.forecastVariance.micro), money],
    [
      'Forecast variance %',
      { formula: `IF(B${at(14)}=0,"",B${at(16)}/B${at(14)})`, result: b.forecastVariancePct.value ?? '' },
      PCT,
    ],
    ['Forecast status', STATUS_LABEL[b.forecastStatus], null],
    ['KPIs on track', { formula: `COUNTIF(${statusCol},"On track")`, result: count('green') }, INT],
    ['KPIs at risk', { formula: `COUNTIF(${statusCol},"At risk")`, result: count('amber') }, INT],
    ['KPIs off track', { formula: `COUNTIF(${statusCol},"Off track")`, result: count('red') }, INT],
    ['KPIs with no data', { formula: `COUNTIF(${statusCol},"No data")`, result: count('no_data') }, INT],
  ];
  rows.forEach(([label, value, fmt, note], i) => {
    const row = ws.getRow(at(i));
    row.getCell(1).value = label;
    row.getCell(1).font = TOTAL_FONT;
    const cell = row.getCell(2);
    cell.value = value;
    if (fmt) cell.numFmt = fmt;
    if (note) row.getCell(3).value = note;
  });
  // Above 1,000% a year the IRR reads as an error: "n/m", the rate in a note and in the Notes column.
  const irrRow = ws.getRow(at(rows.findIndex(([label]) => label === 'IRR (annual)')));
  setIrrCell(irrRow.getCell(2), p.irr.value, PCT);
  if (irrNotMeaningful(p.irr.value)) irrRow.getCell(3).value = irrNote(p.irr.value!);
  statusFormatting(ws, `B${at(0)}:B${at(rows.length - 1)}`);
  fitColumns(ws, { max: 48 });
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 20;
  return ws;
}
