import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { buildReport } from '../../../electron/report/buildReport';
import type { ReportModel } from '../../../shared/report';
import { tempWorkspace } from '../../helpers/tempWorkspace';
import { FormulaEvaluator } from './formulaEval';
import { pdfText, usdWhole } from './helpers';
import { cellMicro, evalMoney, formulaOf, rowOf } from './workbookHelpers';

const PERIOD = 'FY2026-Q3';

describe('the pack’s assumptions and sensitivity: PDF section and workbook sheet, parsed back', () => {
  const ws = tempWorkspace({ demo: true });
  const out = path.join(ws.dir, 'pack');
  let report: ReportModel;
  let text: string;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    report = buildReport(ws.db, PERIOD);
    const file = ws.file;
    ws.close();
    const code = await runCli(['pack', '--db', file, '--period', PERIOD, '--out', out, '--pdf', '--xlsx'], {
      out: () => undefined,
      err: () => undefined,
    });
    expect(code).toBe(0);
    text = pdfText(path.join(out, `AI Board Briefing ${PERIOD}.pdf`)).replace(/\s+/g, ' ');
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, `AI Board Briefing ${PERIOD}.xlsx`));
  }, 240_000);
  afterAll(() => undefined);

  it('the PDF has the section, the bands in whole units, every register entry and the break-even table', () => {
    const s = report.sensitivity;
    expect(text).toContain('Assumptions and sensitivity');
    expect(text).toContain(`seed ${s.seed}`);
    expect(text).toContain(`${usdWhole(s.npv.p10.micro / 1e6)} – ${usdWhole(s.npv.p90.micro / 1e6)}`);
    expect(text).toContain('What moves NPV most');
    for (const e of report.assumptionRegister) {
      expect(text).toContain(usdWhole(e.low.micro / 1e6));
      expect(text).toContain(usdWhole(e.high.micro / 1e6));
    }
    expect(text).toContain('Break-even by initiative');
  });

  it('the workbook’s Assumptions sheet: register values, spreads and swings as formulas that recompute exactly', () => {
    const sheet = wb.getWorksheet('Assumptions')!;
    expect(sheet).toBeDefined();
    const recalc = new FormulaEvaluator(wb);
    report.assumptionRegister.forEach((e, k) => {
      const row = sheet.getRow(k + 2);
      expect(row.getCell('B').value).toBe(e.initiative);
      expect(cellMicro(row.getCell('E').value)).toBe(BigInt(e.low.micro));
      expect(cellMicro(row.getCell('G').value)).toBe(BigInt(e.high.micro));
      const width = formulaOf(row.getCell('H'));
      expect(width.formula).toBe(`G${k + 2}-E${k + 2}`);
      expect(evalMoney(wb, 'Assumptions', width.formula)).toBe(BigInt(e.high.micro - e.low.micro));
      expect(row.getCell('O').value).toBe(e.evidenceAgeDays);
    });
    const npv = rowOf(sheet, 'Portfolio NPV to date');
    expect(cellMicro(sheet.getCell(`C${npv}`).value)).toBe(BigInt(report.sensitivity.npv.p10.micro));
    expect(cellMicro(sheet.getCell(`E${npv}`).value)).toBe(BigInt(report.sensitivity.npv.p90.micro));
    expect(evalMoney(wb, 'Assumptions', formulaOf(sheet.getCell(`F${npv}`)).formula)).toBe(
      BigInt(report.sensitivity.npv.p90.micro - report.sensitivity.npv.p10.micro),
    );
    const first = rowOf(sheet, 'Assumption (tornado)') + 1;
    report.sensitivity.drivers.forEach((d, k) => {
      const swing = formulaOf(sheet.getCell(`E${first + k}`));
      // Recomputed from the cells read back (IF over them), to the micro-unit.
      const v = recalc.evaluate('Assumptions', swing.formula) as number;
      expect(Math.round(v * 1e6)).toBe(Math.abs(d.npvHigh.micro - d.npvLow.micro));
      expect(sheet.getCell(`A${first + k}`).value).toBe(d.assumption);
    });
    const be = rowOf(sheet, 'Initiative (break-even)') + 1;
    const i = report.initiatives.find((x) => x.cumulativeCost.micro !== 0)!;
    expect(sheet.getCell(`A${be}`).value).toBe(i.name);
    expect(evalMoney(wb, 'Assumptions', formulaOf(sheet.getCell(`D${be}`)).formula)).toBe(
      BigInt(i.breakEven.margin.micro),
    );
  });
});
