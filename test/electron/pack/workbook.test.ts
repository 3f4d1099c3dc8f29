import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KPI_CATEGORIES } from '../../../shared/domain';
import { lines } from '../../../shared/export/format';
import { IRR_NOT_MEANINGFUL_NOTE, irrNotMeaningful } from '../../../shared/export/irrShown';
import type { PackData } from '../../../shared/export/packTypes';
import { STATUS_LABEL } from '../../../shared/labels';
import type { Micro } from '../../../shared/money';
import { loadPackData } from '../../../electron/pack/data';
import { buildWorkbook } from '../../../electron/pack/xlsx/workbook';
import { exportPack } from '../../../electron/pack/export';
import { tempWorkspace } from '../../helpers/tempWorkspace';
import { FormulaEvaluator, isError } from './formulaEval';
import {
  cellMicro,
  evalMoney,
  formulaOf,
  isFormula,
  modelCents,
  rowOf,
  shownCents,
  shownOf,
} from './workbookHelpers';

const PERIOD = 'FY2026-Q3';

/** The demo quarter's workbook through the real export (no chart pictures: they need the print view). */
describe('Excel pack of the demo workspace, written and parsed back', () => {
  const ws = tempWorkspace({ demo: true });
  let data: PackData;
  let wb: ExcelJS.Workbook;
  /** Recomputes the workbook's formulas from the cells read back from the file, not from cached results. */
  let recalc: FormulaEvaluator;

  beforeAll(async () => {
    const result = await exportPack(
      ws,
      {
        period: PERIOD,
        pdf: false,
        xlsx: true,
        allowUncommentedRed: true,
        outDir: path.join(ws.dir, 'packs'),
        packDate: '2026-10-12',
      },
      { render: () => Promise.resolve({ pdf: null, charts: {} }) },
    );
    data = loadPackData(ws.db, PERIOD);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result.files.find((f) => f.kind === 'xlsx')!.path);
    recalc = new FormulaEvaluator(wb);
  }, 60_000);
  afterAll(() => ws.close());

  const sheet = (name: string) => wb.getWorksheet(name)!;

  /** A total: a formula, recomputing exactly from the cells it names, shown to the cent as the PDF prints. */
  function expectTotal(sheetName: string, address: string, formula: RegExp | string, model: Micro): void {
    const cell = sheet(sheetName).getCell(address);
    const f = formulaOf(cell);
    if (typeof formula === 'string') expect(f.formula, `${sheetName}!${address}`).toBe(formula);
    else expect(f.formula, `${sheetName}!${address}`).toMatch(formula);
    expect(typeof f.result, `${sheetName}!${address} cached result`).toBe('number');
    expect(evalMoney(wb, sheetName, f.formula), `${sheetName}!${address} recomputed`).toBe(
      cellMicro(f.result),
    );
    expect(shownCents(f.result as number), `${sheetName}!${address} to the cent`).toBe(modelCents(model));
    expect(cell.numFmt).toMatch(/#,##0\.00/);
  }

  /**
   * A ratio recomputed from the cells against the model's exact figure. The cells hold amounts to the
   * micro-unit (an anomaly's baseline median can be half a micro-unit, rounded), so the two may part in the
   * 11th digit: far below the 0.1% a percentage shows, far above float noise, and any wrong formula (wrong
   * cell, wrong operation) misses by whole digits.
   */
  function expectClose(actual: number, expected: number, where: string): void {
    expect(Math.abs(actual - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      1e-9 * Math.abs(expected) + 1e-15,
    );
  }

  /** exceljs reads a cached "" (t="str" with an empty <v>) back as undefined. */
  const cachedOf = (cell: ExcelJS.Cell): unknown => formulaOf(cell).result ?? '';
  /**
   * exceljs writes a cached 0 (<v>0</v>) but reads it back as undefined too (its reader drops a falsy
   * value): a recomputed 0 against a cached "" is that, not a mismatch.
   */
  const cachedZeroLost = (cell: ExcelJS.Cell, recomputed: unknown): boolean =>
    recomputed === 0 && formulaOf(cell).result === undefined;

  /**
   * A ratio formula: the exact formula, recomputed from the cells it names (their own formulas recomputed
   * in turn) to the model's figure, "" where the model has none; and the cached result is the model's.
   */
  function expectRatio(sheetName: string, address: string, formula: string, model: number | null): void {
    const where = `${sheetName}!${address}`;
    const cell = sheet(sheetName).getCell(address);
    expect(formulaOf(cell).formula, where).toBe(formula);
    const recomputed = recalc.evaluate(sheetName, formula);
    if (model === null) {
      expect(recomputed, `${where} recomputed`).toBe('');
      expect(cachedOf(cell), `${where} cached`).toBe('');
      return;
    }
    expect(typeof recomputed, `${where} recomputed: ${JSON.stringify(recomputed)}`).toBe('number');
    expectClose(recomputed as number, model, `${where} recomputed from the cells vs the model`);
    if (!cachedZeroLost(cell, model)) expect(cachedOf(cell), `${where} cached`).toBe(model);
  }

  /** Column number of a header in row 1. */
  function headerCol(w: ExcelJS.Worksheet, header: string): number {
    let col = 0;
    w.getRow(1).eachCell((c, n) => {
      if (c.value === header) col = n;
    });
    if (!col) throw new Error(`${w.name}: no header "${header}"`);
    return col;
  }

  function expectHeaderRow(row: ExcelJS.Row, labels: string[]): void {
    const from = labels.length === row.cellCount ? 1 : 2;
    labels.forEach((label, i) => {
      const cell = row.getCell(from + i);
      expect(cell.value).toBe(label);
      expect(cell.font?.bold).toBe(true);
      expect(cell.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FF1E3A8A' } });
      expect(cell.numFmt ?? 'General').toBe('General');
    });
  }

  it('money cells hold the exact figure (micro-units ÷ 10^6), shown to the cent', () => {
    const ini = sheet('Initiatives');
    let subCent = 0;
    for (const i of data.report.initiatives) {
      const row = ini.getRow(rowOf(ini, i.name));
      for (const [col, micro] of [
        ['G', i.cost.micro],
        ['H', i.benefit.micro],
        ['J', i.projectedBenefit.micro],
        ['K', i.cumulativeCost.micro],
        ['L', i.cumulativeBenefit.micro],
        ['O', i.npv.micro],
      ] as const) {
        expect(row.getCell(col).value).toBe(micro / 1e6);
        expect(row.getCell(col).numFmt).toBe('"$"#,##0.00;[Red]-"$"#,##0.00');
        if (micro % 10_000 !== 0) subCent++;
      }
    }
    // The demo's amounts carry sub-cent digits (that is why cents-rounded cells did not add up).
    expect(subCent).toBeGreaterThan(10);
  });

  it('Unit economics: months, quarter (a SUM of them) and the quarter before, cost per action as live formulas', () => {
    const u = data.report.unitEconomics;
    const ws = sheet('Unit economics');
    const q = u.months.length + 2;
    expectTotal('Unit economics', `B${q}`, `SUM(B2:B${q - 1})`, u.quarter.inferenceCost);
    expect(formulaOf(ws.getCell(`C${q}`)).result).toBe(u.quarter.keyActions);
    for (const [n, p] of [...u.months, u.quarter, u.previousQuarter].map((p, i) => [i + 2, p] as const)) {
      const f = formulaOf(ws.getCell(`D${n}`));
      expect(f.formula).toBe(`IF(OR(C${n}="",C${n}=0),"",B${n}/C${n})`);
      expect(f.result).toBe(p.costPerAction);
      // The formula over the cells gives the cached result (to float precision).
      const cost = Number(shownOf(ws.getCell(`B${n}`)));
      const actions = Number(shownOf(ws.getCell(`C${n}`)));
      expect(cost / actions).toBeCloseTo(p.costPerAction!, 12);
      expect(ws.getCell(`D${n}`).numFmt).toMatch(/0\.0000$/);
    }
    expect(formulaOf(ws.getCell(`D${q + 2}`)).result).toBe(u.qoqChange);
  });

  it('Anomalies: each of the model, largest first, its deviation a formula over amount and baseline', () => {
    const ws = sheet('Anomalies');
    const anomalies = data.report.anomalies;
    expect(anomalies.length).toBeGreaterThan(0);
    anomalies.forEach((a, i) => {
      const n = i + 2;
      expect(ws.getCell(`A${n}`).value).toBe(a.month);
      expect(ws.getCell(`C${n}`).value).toBe(a.label);
      expect(cellMicro(ws.getCell(`D${n}`).value)).toBe(BigInt(a.amount));
      expect(formulaOf(ws.getCell(`F${n}`)).formula).toBe(`D${n}-E${n}`);
      expect(evalMoney(wb, 'Anomalies', `D${n}-E${n}`)).toBe(
        cellMicro(formulaOf(ws.getCell(`F${n}`)).result),
      );
      expect(shownCents(formulaOf(ws.getCell(`F${n}`)).result as number)).toBe(modelCents(a.deviation));
    });
  });

  it('every formula in the workbook, recomputed from the cells it names, gives its cached result', () => {
    let count = 0;
    const kinds = new Set<string>();
    for (const w of wb.worksheets)
      w.eachRow((row) =>
        row.eachCell((cell) => {
          if (!isFormula(cell)) return;
          const where = `${w.name}!${cell.address}`;
          const { formula } = formulaOf(cell);
          const recomputed = recalc.evaluate(w.name, formula);
          const cached = cachedOf(cell);
          expect(isError(recomputed), `${where} = ${formula}: ${JSON.stringify(recomputed)}`).toBe(false);
          if (typeof cached === 'number') {
            expect(typeof recomputed, `${where} = ${formula}`).toBe('number');
            expectClose(recomputed as number, cached, `${where} = ${formula}`);
          } else if (!cachedZeroLost(cell, recomputed))
            expect(recomputed, `${where} = ${formula}`).toBe(cached);
          kinds.add(formula.replace(/\$?[A-Z]+\$?\d+/g, 'ref').replace(/\d+/g, 'n'));
          count++;
        }),
      );
    // The demo's pack: sums, differences, references across sheets, ratios with their guards, counts.
    expect(count).toBeGreaterThan(100);
    expect(kinds.size).toBeGreaterThan(10);
  });

  it('ROI, cumulative ROI, variance %, quarter-on-quarter, cost per action and deviation %: recomputed from the cells, the model’s figures', () => {
    const r = data.report;
    const p = r.portfolio;
    const b = r.budget;
    const checked = new Set<string>();
    const ratio = (sheetName: string, address: string, formula: string, model: number | null) => {
      expectRatio(sheetName, address, formula, model);
      checked.add(`${sheetName}!${address}`);
    };
    const roi = (n: number, cost: string, benefit: string) =>
      `IF(${cost}${n}=0,"",(${benefit}${n}-${cost}${n})/${cost}${n})`;
    const pctOf = (n: number) => `IF(B${n}=0,"",D${n}/B${n})`;

    const ini = sheet('Initiatives');
    for (const i of r.initiatives) {
      const n = rowOf(ini, i.name);
      ratio('Initiatives', `I${n}`, roi(n, 'G', 'H'), i.roi.value);
      ratio('Initiatives', `M${n}`, roi(n, 'K', 'L'), i.cumulativeRoi.value);
    }
    expect(r.initiatives.some((i) => i.roi.value === null)).toBe(true); // a "" case: no cost this quarter
    const t = rowOf(ini, 'Portfolio');
    ratio('Initiatives', `I${t}`, roi(t, 'G', 'H'), p.roi.value);
    ratio('Initiatives', `M${t}`, roi(t, 'K', 'L'), p.cumulativeRoi.value);

    const sum = sheet('Summary');
    const at = (label: string) => rowOf(sum, label);
    const summaryRoi = (cost: string, benefit: string) =>
      `IF(B${at(cost)}=0,"",(B${at(benefit)}-B${at(cost)})/B${at(cost)})`;
    ratio(
      'Summary',
      `B${at('Portfolio ROI (quarter)')}`,
      summaryRoi('Portfolio cost (quarter)', 'Realized benefit (quarter)'),
      p.roi.value,
    );
    ratio(
      'Summary',
      `B${at('Cumulative ROI')}`,
      summaryRoi('Cumulative cost', 'Cumulative realized benefit'),
      p.cumulativeRoi.value,
    );
    const budget = at('Budget (quarter)');
    ratio(
      'Summary',
      `B${at('Variance %')}`,
      `IF(B${budget}=0,"",B${at('Variance (actual − budget)')}/B${budget})`,
      b.variancePct.value,
    );
    const annual = at(`Annual budget FY${r.period.fiscalYear}`);
    ratio(
      'Summary',
      `B${at('Forecast variance %')}`,
      `IF(B${annual}=0,"",B${at('Forecast variance')}/B${annual})`,
      b.forecastVariancePct.value,
    );

    const bud = sheet('Budget vs Actual');
    b.byCategory.forEach((c, k) => ratio('Budget vs Actual', `E${k + 2}`, pctOf(k + 2), c.variancePct.value));
    const total = rowOf(bud, 'Total');
    ratio('Budget vs Actual', `E${total}`, pctOf(total), b.variancePct.value);
    const fy = rowOf(bud, 'Full fiscal year');
    ratio('Budget vs Actual', `E${fy}`, pctOf(fy), b.forecastVariancePct.value);

    b.monthly.forEach((m, i) => {
      if (m.actual === null) return;
      ratio(
        'Monthly spend',
        `E${i + 2}`,
        pctOf(i + 2),
        m.budget === 0 ? null : (m.actual - m.budget) / m.budget,
      );
    });

    const u = r.unitEconomics;
    const q = u.months.length + 2;
    [...u.months, u.quarter, u.previousQuarter].forEach((pt, k) =>
      ratio(
        'Unit economics',
        `D${k + 2}`,
        `IF(OR(C${k + 2}="",C${k + 2}=0),"",B${k + 2}/C${k + 2})`,
        pt.costPerAction,
      ),
    );
    ratio(
      'Unit economics',
      `D${q + 2}`,
      `IF(OR(D${q + 1}="",D${q + 1}=0,D${q}=""),"",(D${q}-D${q + 1})/D${q + 1})`,
      u.qoqChange,
    );
    expect(u.qoqChange).not.toBeNull();

    r.anomalies.forEach((a, k) =>
      ratio('Anomalies', `G${k + 2}`, `IF(E${k + 2}=0,"",F${k + 2}/E${k + 2})`, a.deviationPct),
    );

    // The assumption register's spreads around the stated amount, and each initiative's break-even share.
    r.assumptionRegister.forEach((e, k) => {
      const n = k + 2;
      const spread = (x: 'E' | 'G', micro: number) =>
        ratio(
          'Assumptions',
          `${x === 'E' ? 'I' : 'J'}${n}`,
          `IF(F${n}=0,"",(${x}${n}-F${n})/F${n})`,
          e.base.micro === 0 ? null : (micro - e.base.micro) / e.base.micro,
        );
      spread('E', e.low.micro);
      spread('G', e.high.micro);
    });
    const assumptions = sheet('Assumptions');
    const be = rowOf(assumptions, 'Initiative (break-even)') + 1;
    r.initiatives
      .filter((i) => i.cumulativeCost.micro !== 0)
      .forEach((i, k) =>
        ratio(
          'Assumptions',
          `E${be + k}`,
          `IF(B${be + k}<=0,"",(B${be + k}-C${be + k})/B${be + k})`,
          i.breakEven.share.value,
        ),
      );
    r.budget.forecastTrackRecord.forEach((t, k) =>
      ratio(
        'Forecast Track Record',
        `E${k + 2}`,
        `IF(ISNUMBER(D${k + 2}),IF(D${k + 2}=0,"",(C${k + 2}-D${k + 2})/D${k + 2}),"")`,
        t.errorPct.value,
      ),
    );
    r.commitments.forEach((c, k) =>
      ratio('Commitments', `M${k + 2}`, `IF(G${k + 2}=0,"",L${k + 2}/G${k + 2})`, c.projectedUnusedShare),
    );

    // Every division in the workbook is one of the above.
    const divisions: string[] = [];
    for (const w of wb.worksheets)
      w.eachRow((row) =>
        row.eachCell((cell) => {
          if (isFormula(cell) && formulaOf(cell).formula.includes('/'))
            divisions.push(`${w.name}!${cell.address}`);
        }),
      );
    expect(divisions.filter((d) => !checked.has(d))).toEqual([]);
    expect(checked.size).toBe(divisions.length);
  });

  it('Narrative: the summary, decisions, risks and priorities the PDF prints, one row per paragraph or bullet', () => {
    const ws = sheet('Narrative');
    const text = (scope: string) =>
      data.commentary.find((c) => c.scope === scope && c.period === data.period)?.body;
    const rows: [string | null, string][] = [];
    ws.eachRow((row, n) => {
      if (n > 1) rows.push([(row.getCell(1).value as string | null) ?? null, String(row.getCell(2).value)]);
    });
    for (const [scope, title] of [
      ['decisions', 'Decisions requested'],
      ['risks', 'Key risks'],
    ] as const) {
      const expected = lines(text(scope));
      expect(expected.length).toBeGreaterThan(0); // the demo writes both
      const at = rows.findIndex(([t]) => t === title);
      expect(rows.slice(at, at + expected.length).map(([, v]) => v)).toEqual(expected);
    }
    expect(rows.map(([t]) => t).filter(Boolean)).toEqual([
      'Executive summary',
      'Decisions requested',
      'Key risks',
      'Priorities for next quarter',
    ]);
  });

  it('Initiative KPIs: every initiative KPI of the model, one row each, valued, scored and sourced as the model has it', () => {
    const r = data.report;
    const ws = sheet('Initiative KPIs');
    const expected = r.initiatives.flatMap((i) => i.kpis.map((k) => ({ i, k })));
    expect(expected.length).toBeGreaterThan(5); // the demo's owners report KPIs for several initiatives
    expected.forEach(({ i, k }, n) => {
      const row = ws.getRow(n + 2);
      expect(row.getCell(1).value).toBe(i.name);
      expect(row.getCell(2).value).toBe(k.name);
      expect(row.getCell(3).value ?? null).toBe(k.value);
      expect(row.getCell(4).value).toBe(k.target);
      expect(row.getCell(7).value).toBe(STATUS_LABEL[k.status]);
      expect(row.getCell(10).value).toBe(k.observationCount);
      expect(row.getCell(11).value).toBe(k.batchIds.map((b) => `#${b}`).join(', '));
      if (k.unit === 'ratio' && k.value !== null) expect(row.getCell(3).numFmt).toMatch(/%$/);
    });
    expect(ws.getRow(expected.length + 2).getCell(1).value ?? null).toBeNull();
  });

  it('Initiatives: the shared platform row is filled and the portfolio row sums the rows above', () => {
    const r = data.report;
    const p = r.portfolio;
    const ini = sheet('Initiatives');
    const s = rowOf(ini, 'Shared platform (not allocated)');
    const t = rowOf(ini, 'Portfolio');
    expect(s).toBe(r.initiatives.length + 2);
    expect(t).toBe(s + 1);
    const shared = ini.getRow(s);
    expect(cellMicro(shared.getCell('G').value)).toBe(BigInt(p.sharedPlatformCost.micro));
    const initiativesCum = r.initiatives.reduce((a, i) => a + BigInt(i.cumulativeCost.micro), 0n);
    expect(cellMicro(shared.getCell('K').value)).toBe(BigInt(p.cumulativeCost.micro) - initiativesCum);
    expect(cellMicro(shared.getCell('K').value)).toBeGreaterThan(0n);
    expect(shared.getCell('K').note).toBeTruthy();
    // Benefit lines always belong to an initiative: the shared platform has none, shown as 0.
    for (const col of ['H', 'J', 'L']) expect(shared.getCell(col).value).toBe(0);
    // Every NPV is discounted to the same month: the shared platform's is the model's (to the micro-units of
    // its separate rounding), and the rows add up to the portfolio's.
    const sharedNpv = cellMicro(shared.getCell('O').value);
    expect(Math.abs(Number(sharedNpv - BigInt(p.sharedPlatformNpv.micro)))).toBeLessThanOrEqual(
      r.initiatives.length + 1,
    );
    expect(sharedNpv).toBeLessThan(0n);
    expect(String(shared.getCell('O').note)).toMatch(/add up to the portfolio NPV/);

    expectTotal('Initiatives', `G${t}`, `SUM(G2:G${s})`, p.cost.micro);
    expectTotal('Initiatives', `H${t}`, `SUM(H2:H${s})`, p.benefit.micro);
    expectTotal('Initiatives', `J${t}`, `SUM(J2:J${s})`, p.projectedBenefit.micro);
    expectTotal('Initiatives', `K${t}`, `SUM(K2:K${s})`, p.cumulativeCost.micro);
    expectTotal('Initiatives', `L${t}`, `SUM(L2:L${s})`, p.cumulativeBenefit.micro);
    expectTotal('Initiatives', `O${t}`, `SUM(O2:O${s})`, p.npv.micro);
    // ROI formulas over the totals, their cached results the model's.
    expect(formulaOf(ini.getCell(`I${t}`)).result).toBe(p.roi.value);
    expect(formulaOf(ini.getCell(`M${t}`)).result).toBe(p.cumulativeRoi.value);
  });

  it('Budget vs Actual: the total row is a sum; the year-end forecast has its own header row', () => {
    const b = data.report.budget;
    const bud = sheet('Budget vs Actual');
    const t = rowOf(bud, 'Total');
    expect(t).toBe(b.byCategory.length + 2);
    expectTotal('Budget vs Actual', `B${t}`, `SUM(B2:B${t - 1})`, b.budget.micro);
    expectTotal('Budget vs Actual', `C${t}`, `SUM(C2:C${t - 1})`, b.actual.micro);
    expectTotal('Budget vs Actual', `D${t}`, `C${t}-B${t}`, b.variance.micro);
    b.byCategory.forEach((c, k) =>
      expectTotal('Budget vs Actual', `D${k + 2}`, `C${k + 2}-B${k + 2}`, c.variance.micro),
    );
    const header = bud.getRow(rowOf(bud, `Year-end forecast FY${data.report.period.fiscalYear}`));
    expectHeaderRow(header, ['Budget', 'Forecast', 'Variance', 'Variance %', 'Status']);
    const fy = rowOf(bud, 'Full fiscal year');
    expect(fy).toBe(header.number + 1);
    expectTotal('Budget vs Actual', `D${fy}`, `C${fy}-B${fy}`, b.forecastVariance.micro);
    expect(bud.getCell(`E${fy}`).numFmt).toBe('0.0%');
    const ytd = rowOf(bud, 'Year to date');
    expectTotal('Budget vs Actual', `D${ytd}`, `C${ytd}-B${ytd}`, b.ytdActual.micro - b.ytdBudget.micro);
    // Only the two tables of the same columns: run-rate and vendors have their own sheets.
    expect(bud.rowCount).toBe(ytd);
  });

  it('Forecast Range: σ, half-width and both ends are formulas over the values; recomputed, they are the model’s cents', () => {
    const range = data.report.budget.forecastRange!;
    const f = sheet('Forecast Range');
    const byLabel = new Map<string, number>();
    f.eachRow((row, n) => byLabel.set(String(row.getCell(1).value), n));
    const at = (label: string) => `B${byLabel.get(label)!}`;
    expect(formulaOf(f.getCell(at('Low end (80%)'))).formula).toMatch(/^MAX\(B\d+,ROUND\(B\d+-B\d+,2\)\)$/);
    expect(formulaOf(f.getCell(at('High end (80%)'))).formula).toMatch(/^MAX\(B\d+,ROUND\(B\d+\+B\d+,2\)\)$/);
    const sigmaCell = [...byLabel.keys()].find((k) => k.startsWith('σ of the monthly actuals'))!;
    expect(formulaOf(f.getCell(at(sigmaCell))).formula).toMatch(/^STDEV\.S\(B\d+:B\d+\)$/);
    // The month cells are the model's window, as values (bands as values).
    for (const m of range.months)
      expect(cellMicro(f.getCell(at(`Actual ${m.month}`)).value)).toBe(BigInt(m.actual));
    const low = recalc.evaluate(
      'Forecast Range',
      formulaOf(f.getCell(at('Low end (80%)'))).formula,
    ) as number;
    const high = recalc.evaluate(
      'Forecast Range',
      formulaOf(f.getCell(at('High end (80%)'))).formula,
    ) as number;
    expect(shownCents(low)).toBe(modelCents(range.low.micro));
    expect(shownCents(high)).toBe(modelCents(range.high.micro));
    const sigma = recalc.evaluate('Forecast Range', formulaOf(f.getCell(at(sigmaCell))).formula) as number;
    expect(Math.abs(sigma - range.sigma / 1e6)).toBeLessThan(1e-6);
  });

  it('Forecast Track Record: one row per earlier quarter end, values as the model, the error a formula', () => {
    const t = sheet('Forecast Track Record');
    const rows = data.report.budget.forecastTrackRecord;
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((e, i) => {
      const n = i + 2;
      expect(t.getCell(`A${n}`).value).toBe(e.asOf);
      expect(t.getCell(`B${n}`).value).toBe(e.period);
      expect(cellMicro(t.getCell(`C${n}`).value)).toBe(BigInt(e.forecastYearEnd.micro));
      if (e.actualYearEnd) expect(cellMicro(t.getCell(`D${n}`).value)).toBe(BigInt(e.actualYearEnd.micro));
      else expect(t.getCell(`D${n}`).value).toBe(`FY${e.fiscalYear} not complete`);
      const error = recalc.evaluate('Forecast Track Record', formulaOf(t.getCell(`E${n}`)).formula);
      if (e.errorPct.value === null) expect(error).toBe('');
      else expect(Math.abs((error as number) - e.errorPct.value)).toBeLessThan(1e-9);
    });
    // The demo has a complete previous fiscal year: at least one row with an actual and an error.
    expect(rows.some((e) => e.errorPct.value !== null)).toBe(true);
  });

  it('Run-rate and Vendors: their own sheets, header frozen; the run-rate portfolio row is the model’s, the vendor total a sum', () => {
    const rr = data.report.runRate;
    const run = sheet('Run-rate');
    expectHeaderRow(run.getRow(1), [
      'Category',
      'Monthly burn',
      'Annual budget',
      'Year to date',
      'Budget runs out',
      'Status',
    ]);
    const last = rowOf(run, rr.portfolio.label);
    expect(last).toBe(rr.byCategory.length + 2);
    // The model's portfolio figures: its annual budget counts budget lines without a category too, which
    // no run-rate row carries (a review found a SUM of the rows showing 0 against a budget of 3,000.00).
    expect(cellMicro(run.getCell(`B${last}`).value)).toBe(BigInt(rr.portfolio.monthlyBurn.micro));
    expect(cellMicro(run.getCell(`C${last}`).value)).toBe(BigInt(rr.portfolio.annualBudget.micro));
    expect(cellMicro(run.getCell(`D${last}`).value)).toBe(BigInt(rr.portfolio.ytdActual.micro));
    expect(String(run.getCell(`C${last}`).note)).toMatch(/without a category included/);
    [...rr.byCategory, rr.portfolio].forEach((l, k) => {
      const e = run.getCell(`E${k + 2}`);
      if (l.exhaustionMonth === null) expect(e.value ?? null).toBeNull();
      else {
        expect((e.value as Date).toISOString().slice(0, 7)).toBe(l.exhaustionMonth);
        expect(e.numFmt).toBe('mmm yyyy');
      }
      expect(typeof run.getCell(`F${k + 2}`).value).toBe('string');
    });
    const ven = sheet('Vendors');
    expectHeaderRow(ven.getRow(1), ['Vendor', `Actual, ${PERIOD}`, 'Lines']);
    const vendors = data.report.budget.byVendor;
    const t = rowOf(ven, 'Total');
    expect(t).toBe(vendors.length + 2);
    vendors.forEach((v, k) => {
      expect(ven.getCell(`B${k + 2}`).value).toBe(v.actual.micro / 1e6);
      expect(ven.getCell(`C${k + 2}`).value).toBe(v.lineCount);
      expect(ven.getCell(`C${k + 2}`).numFmt).toBe('#,##0');
    });
    // The vendors add up to the quarter's actual spend.
    expectTotal('Vendors', `B${t}`, `SUM(B2:B${t - 1})`, data.report.budget.actual.micro);
    for (const name of ['Budget vs Actual', 'Run-rate', 'Vendors']) {
      expect(sheet(name).views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet(name).pageSetup.printTitlesRow).toBe('1:1');
    }
  });

  it('no cell holding text carries a number format, in any sheet', () => {
    const offenders: string[] = [];
    for (const w of wb.worksheets)
      w.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && cell.numFmt && cell.numFmt !== 'General')
            offenders.push(`${w.name}!${cell.address} "${cell.value}" ${cell.numFmt}`);
        }),
      );
    expect(offenders).toEqual([]);
  });

  it('Monthly spend: cumulative columns are running sums equal to the model to the micro-unit', () => {
    const months = data.report.budget.monthly;
    const m = sheet('Monthly spend');
    months.forEach((month, i) => {
      const n = i + 2;
      const prev = (col: string, of: string) => (i === 0 ? `${of}${n}` : `${col}${n - 1}+${of}${n}`);
      expectTotal('Monthly spend', `F${n}`, prev('F', 'B'), month.cumulativeBudget);
      expect(cellMicro(formulaOf(m.getCell(`F${n}`)).result)).toBe(BigInt(month.cumulativeBudget));
      if (month.cumulativeActual === null) {
        expect(m.getCell(`G${n}`).value ?? null).toBeNull();
      } else {
        expectTotal('Monthly spend', `G${n}`, prev('G', 'C'), month.cumulativeActual);
        expect(cellMicro(formulaOf(m.getCell(`G${n}`)).result)).toBe(BigInt(month.cumulativeActual));
      }
    });
    expect(months.some((month) => month.cumulativeActual === null)).toBe(true);
  });

  it('Summary: totals refer to the sheet that adds them up, with the same cached result', () => {
    const { portfolio: p, budget: b } = data.report;
    const sum = sheet('Summary');
    const cases: [string, RegExp, Micro][] = [
      ['Portfolio cost (quarter)', /^Initiatives!G\d+$/, p.cost.micro],
      ['Realized benefit (quarter)', /^Initiatives!H\d+$/, p.benefit.micro],
      ['Cumulative cost', /^Initiatives!K\d+$/, p.cumulativeCost.micro],
      ['Cumulative realized benefit', /^Initiatives!L\d+$/, p.cumulativeBenefit.micro],
      ['Projected benefit (quarter, not in ROI)', /^Initiatives!J\d+$/, p.projectedBenefit.micro],
      ['Budget (quarter)', /^'Budget vs Actual'!B\d+$/, b.budget.micro],
      ['Actual spend (quarter)', /^'Budget vs Actual'!C\d+$/, b.actual.micro],
      ['Variance (actual − budget)', /^B\d+-B\d+$/, b.variance.micro],
      ['Annual budget FY2026', /^'Monthly spend'!F13$/, b.annualBudget.micro],
      ['Forecast variance', /^B\d+-B\d+$/, b.forecastVariance.micro],
    ];
    for (const [label, formula, micro] of cases)
      expectTotal('Summary', `B${rowOf(sum, label)}`, formula, micro);
    // The cross-sheet references land on the totals rows.
    const ini = sheet('Initiatives');
    expect(formulaOf(sum.getCell(`B${rowOf(sum, 'Portfolio cost (quarter)')}`)).formula).toBe(
      `Initiatives!G${rowOf(ini, 'Portfolio')}`,
    );
    expect(formulaOf(sum.getCell(`B${rowOf(sum, 'Actual spend (quarter)')}`)).formula).toBe(
      `'Budget vs Actual'!C${rowOf(sheet('Budget vs Actual'), 'Total')}`,
    );
    expect(sum.getCell(`B${rowOf(sum, 'NPV to date')}`).value).toBe(p.npv.micro / 1e6);
  });

  it('IRR above 1,000% a year: "n/m" without a number format, the rate in a note; others stay percentages', () => {
    const ini = sheet('Initiatives');
    const shown: Record<string, unknown> = {};
    for (const i of data.report.initiatives) {
      const cell = ini.getCell(`P${rowOf(ini, i.name)}`);
      shown[i.name] = cell.value;
      if (irrNotMeaningful(i.irr.value)) {
        expect(cell.value).toBe('n/m');
        expect(cell.numFmt ?? 'General').toBe('General');
        expect(String(cell.note)).toContain(IRR_NOT_MEANINGFUL_NOTE);
      } else {
        expect(cell.value ?? null).toBe(i.irr.value);
        if (i.irr.value !== null) expect(cell.numFmt).toBe('0.0%');
      }
    }
    // The reviewer's three: 16,079.0%, 7,354,856.7% and 2,526.9% a year.
    expect(shown['Customer Support Copilot']).toBe('n/m');
    expect(String(ini.getCell(`P${rowOf(ini, 'Customer Support Copilot')}`).note)).toMatch(
      /^IRR 16,079\.0% a year/,
    );
    expect(String(ini.getCell(`P${rowOf(ini, 'Developer Code Assistant')}`).note)).toMatch(
      /^IRR 7,354,856\.7% a year/,
    );
    expect(String(ini.getCell(`P${rowOf(ini, 'Fraud Detection Uplift')}`).note)).toMatch(
      /^IRR 2,526\.9% a year/,
    );
    // The demo portfolio's 206.3% is meaningful: a number under the percent format.
    const sum = sheet('Summary');
    const irr = sum.getCell(`B${rowOf(sum, 'IRR (annual)')}`);
    expect(irr.value).toBe(data.report.portfolio.irr.value);
    expect(irr.numFmt).toBe('0.0%');
  });

  it("Summary's IRR above 1,000% is n/m too, with the rate in a note and in the Notes column", async () => {
    const r = data.report;
    const steep = {
      ...data,
      report: { ...r, portfolio: { ...r.portfolio, irr: { ...r.portfolio.irr, value: 12.3456 } } },
    };
    const file = path.join(ws.dir, 'steep.xlsx');
    fs.writeFileSync(file, await buildWorkbook(steep, {}, '2026-10-12'));
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const sum = back.getWorksheet('Summary')!;
    const n = rowOf(sum, 'IRR (annual)');
    expect(sum.getCell(`B${n}`).value).toBe('n/m');
    expect(sum.getCell(`B${n}`).numFmt ?? 'General').toBe('General');
    expect(String(sum.getCell(`B${n}`).note)).toBe(`IRR 1,234.6% a year. ${IRR_NOT_MEANINGFUL_NOTE}`);
    expect(sum.getCell(`C${n}`).value).toBe(`IRR 1,234.6% a year. ${IRR_NOT_MEANINGFUL_NOTE}`);
    const ini = back.getWorksheet('Initiatives')!;
    expect(ini.getCell(`P${rowOf(ini, 'Portfolio')}`).value).toBe('n/m');
  });

  it('Scorecard: rows grouped by category in the order the PDF prints them', () => {
    const sc = sheet('Scorecard');
    const kpis = data.report.kpis;
    const rows = kpis.map((_, i) => [sc.getCell(`A${i + 2}`).value, sc.getCell(`B${i + 2}`).value]);
    // The PDF's scorecard (renderer/src/print/sections/Scorecard.tsx): KPI_CATEGORIES, report order within.
    const pdfOrder = KPI_CATEGORIES.flatMap((cat) => kpis.filter((k) => k.category === cat)).map((k) => [
      k.category,
      k.name,
    ]);
    expect(rows).toEqual(pdfOrder);
    const categories = rows.map(([c]) => c as string);
    const blocks = categories.filter((c, i) => i === 0 || c !== categories[i - 1]);
    expect(blocks).toEqual([...new Set(categories)]);
    expect(blocks).toEqual(KPI_CATEGORIES.filter((c) => categories.includes(c)));
    // The reviewer's case: Adoption Rate sat between Platform rows.
    const adoption = rows.findIndex(([, name]) => name === 'Model/Feature Adoption Rate');
    expect(rows[adoption - 1]![0]).toBe('Governance & risk');
    expect(rows[adoption + 1]![0]).toBe('Adoption & talent');
  });

  it('Scorecard: a ratio KPI with a target (band: tolerance) below 1% shows 3 decimals, others 1', () => {
    const sc = sheet('Scorecard');
    const byName = new Map<string, ExcelJS.Row>();
    sc.eachRow((r, n) => n > 1 && byName.set(String(r.getCell('B').value), r));
    let fine = 0;
    for (const k of data.report.kpis.filter((x) => x.unit === 'ratio')) {
      const scale = k.direction === 'band' ? (k.tolerance ?? k.target) : k.target;
      const want = Math.abs(scale) < 0.01 ? '0.000%' : '0.0%';
      if (want === '0.000%') fine++;
      const r = byName.get(k.name)!;
      // Value, target, amber, previous quarter and every history quarter.
      const cols = [
        'Value',
        'Target',
        'Amber threshold',
        'Previous quarter',
        ...k.history.map((h) => h.period),
      ].map((h) => headerCol(sc, h));
      for (const c of cols) expect(r.getCell(c).numFmt, `${k.name} ${c}`).toBe(want);
    }
    expect(fine).toBe(1);
    const safety = byName.get('Safety Violation Rate')!;
    expect(safety.getCell(headerCol(sc, 'Target')).value).toBe(0.001);
    expect(safety.getCell(headerCol(sc, 'Value')).numFmt).toBe('0.000%');
    // A band KPI with target 0 and ±5% tolerance keeps 1 decimal.
    expect(byName.get('Token/Compute Budget Variance')!.getCell(headerCol(sc, 'Value')).numFmt).toBe('0.0%');
  });

  it("Definitions: targets and thresholds carry their unit's format; band KPIs show their tolerance", () => {
    const def = sheet('Definitions');
    const head = rowOf(def, 'KPI');
    expectHeaderRow(def.getRow(head), [
      'KPI',
      'Definition',
      'Category',
      'Unit',
      'Direction',
      'Target',
      'Tolerance (±)',
      'Amber threshold',
      'Quarter value',
    ]);
    const unitFormat = (k: (typeof data.report.kpis)[number]): string => {
      if (k.unit === 'ratio') {
        const scale = k.direction === 'band' ? (k.tolerance ?? k.target) : k.target;
        return Math.abs(scale) < 0.01 ? '0.000%' : '0.0%';
      }
      if (k.unit === 'currency') return '"$"0.0000';
      if (k.unit === 'count') return '#,##0';
      return '#,##0.0';
    };
    data.report.kpis.forEach((k, i) => {
      const row = def.getRow(head + 1 + i);
      expect(row.getCell('A').value).toBe(k.name);
      expect(row.getCell('F').value).toBe(k.target);
      expect(row.getCell('H').value).toBe(k.amber);
      for (const c of ['F', 'G', 'H']) expect(row.getCell(c).numFmt, `${k.name} ${c}`).toBe(unitFormat(k));
      if (k.direction === 'band') {
        expect(row.getCell('G').value).toBe(k.tolerance);
        expect(String(row.getCell('G').note)).toMatch(/\|value − target\| ≤ tolerance/);
      } else expect(row.getCell('G').value ?? null).toBeNull();
    });
    const availability = def.getRow(rowOf(def, 'AI Service Availability', head));
    expect(availability.getCell('F').value).toBe(0.995);
    expect(availability.getCell('F').numFmt).toBe('0.0%');
    const tokens = def.getRow(rowOf(def, 'Token/Compute Budget Variance', head));
    expect(tokens.getCell('G').value).toBe(0.05);
  });

  it("Scorecard: from Value, Target, Tolerance and Amber (and Definitions' direction) a reader reproduces every status", () => {
    const sc = sheet('Scorecard');
    const def = sheet('Definitions');
    const col = (h: string) => headerCol(sc, h);
    const direction = new Map<string, string>();
    for (let n = rowOf(def, 'KPI') + 1; n <= def.rowCount; n++)
      direction.set(String(def.getCell(`A${n}`).value), String(def.getCell(`E${n}`).value));
    const words = { green: 'On track', amber: 'At risk', red: 'Off track', no_data: 'No data' };
    let band = 0;
    for (let n = 2; n <= data.report.kpis.length + 1; n++) {
      const row = sc.getRow(n);
      const num = (h: string) => row.getCell(col(h)).value as number | null;
      const [v, t, tol, amber] = [num('Value'), num('Target'), num('Tolerance (±)'), num('Amber threshold')];
      const dir = direction.get(String(row.getCell(col('KPI')).value));
      let status: keyof typeof words;
      if (v === null || v === undefined) status = 'no_data';
      else if (dir === 'higher') status = v >= t! ? 'green' : v >= amber! ? 'amber' : 'red';
      else if (dir === 'lower') status = v <= t! ? 'green' : v <= amber! ? 'amber' : 'red';
      else {
        band++;
        expect(tol, 'a band KPI shows its tolerance').not.toBeNull();
        expect(row.getCell(col('Tolerance (±)')).numFmt).toBe(row.getCell(col('Target')).numFmt);
        const d = Math.abs(v - t!);
        status = d <= tol! ? 'green' : d <= amber! ? 'amber' : 'red';
      }
      expect(row.getCell(col('Status')).value, String(row.getCell(col('KPI')).value)).toBe(words[status]);
    }
    expect(band).toBe(1);
    expect(col('Status')).toBe(8);
    // The Summary counts the status column (it moved from G to H).
    const sum = sheet('Summary');
    for (const [label, word] of [
      ['KPIs on track', 'On track'],
      ['KPIs at risk', 'At risk'],
      ['KPIs off track', 'Off track'],
      ['KPIs with no data', 'No data'],
    ]) {
      const f = formulaOf(sum.getCell(`B${rowOf(sum, label!)}`));
      expect(f.formula).toBe(`COUNTIF(Scorecard!H:H,"${word}")`);
      let count = 0;
      sc.eachRow((r) => (count += r.getCell('H').value === word ? 1 : 0));
      expect(f.result).toBe(count);
    }
  });

  it('wide sheets keep the row label in view: header row and first column(s) frozen', () => {
    for (const [name, xSplit, topLeftCell] of [
      ['Initiatives', 1, 'B2'],
      ['Monthly spend', 1, 'B2'],
      ['Scorecard', 2, 'C2'],
    ] as const) {
      expect(sheet(name).views[0], name).toMatchObject({ state: 'frozen', xSplit, ySplit: 1, topLeftCell });
      expect(sheet(name).pageSetup.printTitlesRow).toBe('1:1');
    }
    expect(sheet('Scorecard').getCell('B1').value).toBe('KPI');
    expect(sheet('Summary').views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 5 });
  });
});
