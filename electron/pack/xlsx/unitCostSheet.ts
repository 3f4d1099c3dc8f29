import type ExcelJS from 'exceljs';
import type { PackData } from '../../../shared/export/packTypes';
import type { UnitCostPoint } from '../../../shared/report';
import { formatCells, moneyFormula, moneyValue } from './cells';
import { addTableSheet, fitColumns } from './sheet';
import { INT, PCT, TOTAL_FONT, kpiFormat, moneyFormat } from './styles';

/** Cost per key action is a unit cost: 4 decimals, as the Inference Cost per Key Action KPI. */
const UNIT_COST = { unit: 'currency', direction: 'lower', target: 0, tolerance: null } as const;

/**
 * Inference cost per key action (model_api + compute spend ÷ key actions served) by month of the quarter,
 * for the quarter (its months summed by formula) and the quarter before, with the change: each cost per
 * action a live formula over the cells beside it.
 */
export function unitCostSheet(wb: ExcelJS.Workbook, data: PackData): ExcelJS.Worksheet {
  const r = data.report;
  const u = r.unitEconomics;
  const ws = addTableSheet(
    wb,
    'Unit economics',
    ['Period', 'Inference cost', 'Key actions', 'Cost per key action'],
    data.settings,
  );
  const perAction = (row: number, p: UnitCostPoint): ExcelJS.CellFormulaValue => ({
    formula: `IF(OR(C${row}="",C${row}=0),"",B${row}/C${row})`,
    result: p.costPerAction ?? '',
  });
  let n = 2;
  for (const m of u.months) {
    ws.getRow(n).values = [m.period, moneyValue(m.inferenceCost), m.keyActions, perAction(n, m)];
    n++;
  }
  const last = n - 1;
  const q = n++;
  ws.getRow(q).values = [
    r.period.label,
    moneyFormula(`SUM(B2:B${last})`, BigInt(u.quarter.inferenceCost)),
    u.quarter.keyActions === null ? null : { formula: `SUM(C2:C${last})`, result: u.quarter.keyActions },
    perAction(q, u.quarter),
  ];
  ws.getRow(q).font = TOTAL_FONT;
  const prev = n++;
  ws.getRow(prev).values = [
    r.period.previous,
    moneyValue(u.previousQuarter.inferenceCost),
    u.previousQuarter.keyActions,
    perAction(prev, u.previousQuarter),
  ];
  const change = n;
  ws.getRow(change).values = [
    'Change in cost per key action',
    null,
    null,
    {
      formula: `IF(OR(D${prev}="",D${prev}=0,D${q}=""),"",(D${q}-D${prev})/D${prev})`,
      result: u.qoqChange ?? '',
    },
  ];
  formatCells(
    ws,
    { from: 2, to: prev },
    { B: moneyFormat(r.currency), C: INT, D: kpiFormat(UNIT_COST, r.currency) },
  );
  formatCells(ws, { from: change, to: change }, { D: PCT });
  fitColumns(ws, { max: 36 });
  return ws;
}
