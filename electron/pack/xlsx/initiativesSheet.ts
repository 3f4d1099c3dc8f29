import type ExcelJS from 'exceljs';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText, safeTextOrEmpty } from '../../../shared/export/safeText';
import { microToMajor } from '../../../shared/money';
import { addTableSheet, fitColumns, isoToDate } from './sheet';
import { DATE, INT, PCT, TOTAL_FONT, moneyFormat } from './styles';

const HEADERS = [
  'Initiative', // A
  'Owner', // B
  'Business unit', // C
  'Stage', // D
  'Risk tier', // E
  'Formal approval', // F
  'Cost', // G
  'Realized benefit', // H
  'ROI', // I  = (H − G) / G
  'Projected benefit (not in ROI)', // J
  'Cumulative cost', // K
  'Cumulative benefit', // L
  'Cumulative ROI', // M  = (L − K) / K
  'Payback (months)', // N
  'NPV', // O
  'IRR (annual)', // P
];

export function initiativesSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const money = moneyFormat(r.currency);
  const ws = addTableSheet(wb, 'Initiatives', HEADERS, data.settings);
  const byId = new Map(data.initiatives.map((i) => [i.id, i]));
  const roi = (
    row: number,
    cost: string,
    benefit: string,
    result: number | null,
  ): ExcelJS.CellFormulaValue => ({
    formula: `IF(${cost}${row}=0,"",(${benefit}${row}-${cost}${row})/${cost}${row})`,
    result: result ?? '',
  });
  let n = 2;
  for (const i of r.initiatives) {
    const meta = byId.get(i.id);
    const row = ws.getRow(n);
    row.values = [
      safeText(i.name),
      safeTextOrEmpty(i.owner),
      safeTextOrEmpty(i.businessUnit),
      i.stage.charAt(0).toUpperCase() + i.stage.slice(1),
      i.riskTier,
      meta?.approvalDate ? isoToDate(meta.approvalDate) : null,
      microToMajor(i.cost.micro),
      microToMajor(i.benefit.micro),
      roi(n, 'G', 'H', i.roi.value),
      microToMajor(i.projectedBenefit.micro),
      microToMajor(i.cumulativeCost.micro),
      microToMajor(i.cumulativeBenefit.micro),
      roi(n, 'K', 'L', i.cumulativeRoi.value),
      i.paybackMonths.value,
      microToMajor(i.npv.micro),
      i.irr.value,
    ];
    n++;
  }
  const p = r.portfolio;
  const shared = ws.getRow(n++);
  shared.values = [
    'Shared platform (not allocated)',
    '',
    '',
    '',
    null,
    null,
    microToMajor(p.sharedPlatformCost.micro),
  ];
  const total = ws.getRow(n);
  total.values = [
    'Portfolio',
    '',
    '',
    '',
    null,
    null,
    microToMajor(p.cost.micro),
    microToMajor(p.benefit.micro),
    roi(n, 'G', 'H', p.roi.value),
    microToMajor(p.projectedBenefit.micro),
    microToMajor(p.cumulativeCost.micro),
    microToMajor(p.cumulativeBenefit.micro),
    roi(n, 'K', 'L', p.cumulativeRoi.value),
    null,
    microToMajor(p.npv.micro),
    p.irr.value,
  ];
  total.font = TOTAL_FONT;
  for (const col of ['G', 'H', 'J', 'K', 'L', 'O']) ws.getColumn(col).numFmt = money;
  for (const col of ['I', 'M', 'P']) ws.getColumn(col).numFmt = PCT;
  ws.getColumn('F').numFmt = DATE;
  ws.getColumn('E').numFmt = INT;
  ws.getColumn('N').numFmt = INT;
  ws.getCell('A1').numFmt = '@';
  fitColumns(ws, { max: 40 });
  return ws;
}
