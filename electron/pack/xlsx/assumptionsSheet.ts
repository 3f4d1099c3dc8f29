import type ExcelJS from 'exceljs';
import type { PackData } from '../../../shared/export/packTypes';
import { safeText, safeTextOrEmpty } from '../../../shared/export/safeText';
import { formatCells, moneyFormula, moneyValue } from './cells';
import { addTableSheet, fitColumns, isoToDate, styleHeaderRow } from './sheet';
import { DATE, INT, PCT, TOTAL_FONT, moneyFormat } from './styles';

const REGISTER = [
  'Assumption', // A
  'Initiative', // B
  'Realized / projected', // C
  'Benefit lines', // D
  'Low', // E
  'Stated (base)', // F
  'High', // G
  'Range width', // H  = G − E
  'Low vs stated', // I  = (E − F) / F
  'High vs stated', // J  = (G − F) / F
  'Confidence', // K
  'Owner', // L
  'Source', // M
  'Evidence date', // N
  'Evidence age at period end (days)', // O
  'Edited in the app', // P
];

const ratio = (part: number, whole: number): number | '' => (whole === 0 ? '' : part / whole);

/**
 * The assumption register, the sensitivity bands and the tornado's swings, and each initiative's break-even:
 * amounts as values (the bands are the Monte Carlo's results), spreads, widths, swings and break-even as
 * formulas over them.
 */
export function assumptionsSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const s = r.sensitivity;
  const money = moneyFormat(r.currency);
  const ws = addTableSheet(wb, 'Assumptions', REGISTER, data.settings, 1, 1);
  let n = 2;
  for (const e of r.assumptionRegister) {
    const row = ws.getRow(n);
    const pct = (x: 'E' | 'G', micro: number) => ({
      formula: `IF(F${n}=0,"",(${x}${n}-F${n})/F${n})`,
      result: ratio(micro - e.base.micro, e.base.micro),
    });
    row.values = [
      e.assumption === null ? 'No assumption named' : safeText(e.assumption),
      safeText(e.initiative),
      e.realized ? 'Realized' : 'Projected',
      e.lines,
      moneyValue(e.low.micro),
      moneyValue(e.base.micro),
      moneyValue(e.high.micro),
      moneyFormula(`G${n}-E${n}`, e.high.micro - e.low.micro),
      pct('E', e.low.micro),
      pct('G', e.high.micro),
      e.confidence === 'several' ? 'mixed' : (e.confidence ?? ''),
      e.owner === 'several' ? 'several' : safeTextOrEmpty(e.owner),
      e.source === 'several' ? 'several' : safeTextOrEmpty(e.source),
      e.evidenceDate ? isoToDate(e.evidenceDate) : null,
      e.evidenceAgeDays,
      e.editedAt ? isoToDate(e.editedAt.slice(0, 10)) : null,
    ];
    n++;
  }
  const lastRegister = n - 1;
  formatCells(
    ws,
    { from: 2, to: lastRegister },
    { D: INT, E: money, F: money, G: money, H: money, I: PCT, J: PCT, N: DATE, O: INT, P: DATE },
  );

  // Bands: the draws' percentiles as values; their widths as formulas.
  n += 1;
  const bandsHeader = n;
  styleHeaderRow(ws.getRow(bandsHeader), [
    'Sensitivity',
    'As stated',
    '10th percentile',
    'Median',
    '90th percentile',
    'Band width (90th − 10th)',
  ]);
  const npvRow = ws.getRow(bandsHeader + 1);
  npvRow.values = [
    'Portfolio NPV to date',
    moneyValue(r.portfolio.npv.micro),
    moneyValue(s.npv.p10.micro),
    moneyValue(s.npv.p50.micro),
    moneyValue(s.npv.p90.micro),
    moneyFormula(`E${bandsHeader + 1}-C${bandsHeader + 1}`, s.npv.p90.micro - s.npv.p10.micro),
  ];
  const roiRow = ws.getRow(bandsHeader + 2);
  const roiValues = [
    r.portfolio.cumulativeRoi.value,
    s.cumulativeRoi.p10.value,
    s.cumulativeRoi.p50.value,
    s.cumulativeRoi.p90.value,
  ];
  roiRow.values = [
    'Cumulative portfolio ROI',
    ...roiValues.map((v) => v ?? ''),
    {
      formula: `IF(OR(C${bandsHeader + 2}="",E${bandsHeader + 2}=""),"",E${bandsHeader + 2}-C${bandsHeader + 2})`,
      result: roiValues[1] === null || roiValues[3] === null ? '' : roiValues[3]! - roiValues[1]!,
    },
  ];
  formatCells(
    ws,
    { from: bandsHeader + 1, to: bandsHeader + 1 },
    { B: money, C: money, D: money, E: money, F: money },
  );
  formatCells(ws, { from: bandsHeader + 2, to: bandsHeader + 2 }, { B: PCT, C: PCT, D: PCT, E: PCT, F: PCT });
  const method = ws.getRow(bandsHeader + 3);
  method.values = [
    `Method: ${s.method}; ${s.draws} draws; seed ${s.seed}; ${s.rangedLines} ranged realized lines.`,
  ];

  // Tornado: each assumption at its low, then its high, the rest as stated; the swing as a formula.
  n = bandsHeader + 5;
  const tornadoHeader = n;
  styleHeaderRow(ws.getRow(tornadoHeader), [
    'Assumption (tornado)',
    'Initiative',
    'NPV at its low',
    'NPV at its high',
    'Swing |high − low|',
  ]);
  n++;
  for (const d of s.drivers) {
    ws.getRow(n).values = [
      safeText(d.assumption),
      safeText(d.initiative ?? d.initiatives.join(', ')),
      moneyValue(d.npvLow.micro),
      moneyValue(d.npvHigh.micro),
      moneyFormula(`IF(D${n}>=C${n},D${n}-C${n},C${n}-D${n})`, Math.abs(d.npvHigh.micro - d.npvLow.micro)),
    ];
    n++;
  }
  formatCells(ws, { from: tornadoHeader + 1, to: n - 1 }, { C: money, D: money, E: money });

  // Break-even: how far cumulative realized benefit could fall before cumulative ROI is zero.
  n += 1;
  const beHeader = n;
  styleHeaderRow(ws.getRow(beHeader), [
    'Initiative (break-even)',
    'Cumulative realized benefit',
    'Cumulative cost',
    'Could fall by (benefit − cost)',
    'As a share of benefit',
  ]);
  n++;
  for (const i of r.initiatives) {
    if (i.cumulativeCost.micro === 0) continue;
    ws.getRow(n).values = [
      safeText(i.name),
      moneyValue(i.cumulativeBenefit.micro),
      moneyValue(i.cumulativeCost.micro),
      moneyFormula(`B${n}-C${n}`, i.breakEven.margin.micro),
      { formula: `IF(B${n}<=0,"",(B${n}-C${n})/B${n})`, result: i.breakEven.share.value ?? '' },
    ];
    n++;
  }
  formatCells(ws, { from: beHeader + 1, to: n - 1 }, { B: money, C: money, D: money, E: PCT });
  ws.getRow(bandsHeader + 1).font = TOTAL_FONT;
  fitColumns(ws, { max: 44, wrap: [1, 13] });
  return ws;
}
