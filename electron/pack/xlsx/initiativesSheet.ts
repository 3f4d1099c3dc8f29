import type ExcelJS from 'exceljs';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText, safeTextOrEmpty } from '../../../shared/export/safeText';
import { formatCells, moneySum, moneyValue, setIrrCell, sumMicros } from './cells';
import { addTableSheet, fitColumns, isoToDate } from './sheet';
import { DATE, INT, PCT, TOTAL_FONT, moneyFormat } from './styles';
import { initiativeTotals, initiativesTotalRow, sharedPlatformRow } from './totals';

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

/** Money columns the portfolio row sums over the initiatives and the shared platform. */
const SUMMED = ['G', 'H', 'J', 'K', 'L'] as const;

export function initiativesSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const money = moneyFormat(r.currency);
  const ws = addTableSheet(wb, 'Initiatives', HEADERS, data.settings, 1, 1);
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
      moneyValue(i.cost.micro),
      moneyValue(i.benefit.micro),
      roi(n, 'G', 'H', i.roi.value),
      moneyValue(i.projectedBenefit.micro),
      moneyValue(i.cumulativeCost.micro),
      moneyValue(i.cumulativeBenefit.micro),
      roi(n, 'K', 'L', i.cumulativeRoi.value),
      i.paybackMonths.value,
      moneyValue(i.npv.micro),
    ];
    setIrrCell(row.getCell('P'), i.irr.value, PCT);
    n++;
  }
  const p = r.portfolio;
  const s = sharedPlatformRow(r);
  const sharedRow = n++;
  const shared = ws.getRow(sharedRow);
  shared.values = [
    'Shared platform (not allocated)',
    '',
    '',
    '',
    null,
    null,
    moneyValue(s.cost),
    moneyValue(s.benefit),
    null,
    moneyValue(s.projectedBenefit),
    moneyValue(s.cumulativeCost),
    moneyValue(s.cumulativeBenefit),
  ];
  shared.getCell('K').note =
    `Portfolio cumulative cost less the initiatives' cumulative cost: spend with no initiative up to ${r.period.end}.`;
  // Every NPV of the report is discounted to the same month, so the rows add up to the portfolio's. The
  // shared platform's cell is the portfolio NPV less the initiatives' (it differs from the model's own
  // shared-platform NPV only by their separate roundings to the micro-unit), so the SUM is the portfolio NPV.
  const sharedNpv = BigInt(p.npv.micro) - sumMicros(r.initiatives.map((i) => i.npv.micro));
  shared.getCell('O').value = moneyValue(sharedNpv);
  shared.getCell('O').note =
    'The shared platform’s costs discounted to the same month as every NPV in this pack (the portfolio’s ' +
    'first month with a cash flow): the initiatives’ NPVs and this add up to the portfolio NPV.';

  const totalRow = n;
  if (totalRow !== initiativesTotalRow(r)) throw new Error('Initiatives sheet layout changed');
  const totals = initiativeTotals(r);
  const sum = (col: (typeof SUMMED)[number], key: keyof typeof totals) =>
    moneySum(`${col}2:${col}${sharedRow}`, [totals[key]]);
  const total = ws.getRow(totalRow);
  total.values = [
    'Portfolio',
    '',
    '',
    '',
    null,
    null,
    sum('G', 'cost'),
    sum('H', 'benefit'),
    roi(totalRow, 'G', 'H', p.roi.value),
    sum('J', 'projectedBenefit'),
    sum('K', 'cumulativeCost'),
    sum('L', 'cumulativeBenefit'),
    roi(totalRow, 'K', 'L', p.cumulativeRoi.value),
    null,
    moneySum(`O2:O${sharedRow}`, [BigInt(p.npv.micro)]),
  ];
  setIrrCell(total.getCell('P'), p.irr.value, PCT);
  total.font = TOTAL_FONT;
  formatCells(
    ws,
    { from: 2, to: totalRow },
    {
      E: INT,
      F: DATE,
      ...Object.fromEntries([...SUMMED, 'O'].map((c) => [c, money])),
      I: PCT,
      M: PCT,
      N: INT,
    },
  );
  fitColumns(ws, { max: 40 });
  return ws;
}
