import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FormulaEvaluator } from './formulaEval';

/** The evaluator the workbook tests recompute formulas with: Excel's rules where the pack relies on them. */
describe('formulaEval', () => {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('Data');
  a.getCell('A1').value = 10;
  a.getCell('A2').value = 4;
  a.getCell('A3').value = { formula: 'A1-A2', result: 999 }; // a wrong cached result is never read
  a.getCell('A4').value = 'On track';
  a.getCell('A5').value = '';
  a.getCell('B1').value = 0;
  const b = wb.addWorksheet('Other sheet');
  b.getCell('C3').value = { formula: "SUM(Data!A1:A3)+'Other sheet'!C4", result: 0 };
  b.getCell('C4').value = 1;
  b.getCell('C5').value = 'on TRACK';
  const ev = new FormulaEvaluator(wb);
  const at = (formula: string) => ev.evaluate('Data', formula);

  it('recomputes referenced formulas instead of reading their cached results', () => {
    expect(at('A3')).toBe(6);
    expect(at("'Other sheet'!C3")).toBe(21);
    expect(at('(A1-A2)/A2')).toBe(1.5);
    expect(at('-A2*2+A1/-5')).toBe(-10);
    expect(at('A1-A2-A2')).toBe(2); // left to right
  });

  it('blanks, "" and zero compare as Excel does; IF, OR, IFERROR, COUNTIF', () => {
    expect(at('C9=0')).toBe(true);
    expect(at('C9=""')).toBe(true);
    expect(at('B1=""')).toBe(false);
    expect(at('A5=""')).toBe(true);
    expect(at('IF(B1=0,"",A1/B1)')).toBe('');
    expect(at('IF(OR(C9="",C9=0),"",A1/C9)')).toBe('');
    expect(at('A1/B1')).toEqual({ error: '#DIV/0!' });
    expect(at('IFERROR(A1/B1,-1)')).toBe(-1);
    expect(at('A4+1')).toEqual({ error: '#VALUE!' });
    expect(ev.evaluate('Other sheet', 'COUNTIF(Data!A:A,"On track")+COUNTIF(C:C,"On track")')).toBe(2);
  });

  it('refuses what it does not know rather than guessing', () => {
    expect(() => at('VLOOKUP(A1,A1:A2,1)')).toThrow(/not supported/);
    expect(() => at('A1^2')).toThrow();
    expect(() => at('COUNTIF(A:A,">1")')).toThrow(/only equality/);
    expect(() => at('A1+')).toThrow();
  });
});
