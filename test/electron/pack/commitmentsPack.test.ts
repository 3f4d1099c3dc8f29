import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { buildReport } from '../../../electron/report/buildReport';
import type { ReportModel } from '../../../shared/report';
import { OUTPUT_DIR } from '../../helpers/browser';
import { tempWorkspace } from '../../helpers/tempWorkspace';
import { openZip, paragraphsText, partsMatching, text as partText } from './deckXml';
import { pdfText, renderPages, usdWhole } from './helpers';
import { FormulaEvaluator } from './formulaEval';
import { cellMicro, evalMoney, formulaOf } from './workbookHelpers';

const PERIOD = 'FY2026-Q3';
const name = (ext: string) => `AI Board Briefing ${PERIOD}.${ext}`;

describe('commitments in the pack (demo workspace): PDF section, workbook sheet and deck slide, parsed back', () => {
  const ws = tempWorkspace({ demo: true });
  const out = path.join(ws.dir, 'pack');
  let report: ReportModel;
  let pdf: string;

  beforeAll(async () => {
    report = buildReport(ws.db, PERIOD);
    const file = ws.file;
    ws.close();
    const code = await runCli(
      [
        'pack',
        '--db',
        file,
        '--period',
        PERIOD,
        '--out',
        out,
        '--pdf',
        '--xlsx',
        '--pptx',
        '--allow-uncommented-red',
      ],
      { out: () => undefined, err: () => undefined },
    );
    expect(code).toBe(0);
    pdf = pdfText(path.join(out, name('pdf'))).replace(/\s+/g, ' ');
  }, 240_000);

  it('the demo has a credit running out early and an under-used commitment', () => {
    expect(report.commitments.map((c) => c.outcome)).toContain('runs_out_early');
    expect(report.commitments.map((c) => c.outcome)).toContain('under_used');
  });

  it('PDF: the section lists each commitment in whole units (as its board pages) and every warning in full', () => {
    expect(pdf).toContain('Commitments and prepaid credits');
    for (const c of report.commitments) {
      expect(pdf).toContain(c.vendor);
      for (const m of [c.amount, c.used, c.remaining, c.monthlyRate])
        expect(pdf).toContain(usdWhole(m.micro / 1e6));
      if (c.warning) expect(pdf).toContain(c.warning);
    }
    // A person looks at the page: render the pages holding the section.
    const pages = renderPages(path.join(out, name('pdf')), path.join(OUTPUT_DIR, 'pack'), 'commitments', 80);
    expect(pages.length).toBeGreaterThan(0);
  });

  it('workbook: the Commitments sheet holds the model figures; remaining and unused share recompute', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, name('xlsx')));
    const sheet = wb.getWorksheet('Commitments')!;
    const recalc = new FormulaEvaluator(wb);
    expect(sheet.getRow(1).getCell(9).value).toBe('Remaining');
    report.commitments.forEach((c, k) => {
      const n = k + 2;
      const row = sheet.getRow(n);
      expect(row.getCell(1).value).toBe(c.vendor);
      expect(cellMicro(row.getCell(7).value)).toBe(BigInt(c.amount.micro));
      expect(cellMicro(row.getCell(8).value)).toBe(BigInt(c.used.micro));
      const remaining = formulaOf(row.getCell(9));
      expect(remaining.formula).toBe(`G${n}-H${n}`);
      expect(evalMoney(wb, 'Commitments', remaining.formula)).toBe(BigInt(c.remaining.micro));
      expect(cellMicro(row.getCell(12).value)).toBe(BigInt(c.projectedUnused.micro));
      const share = formulaOf(row.getCell(13));
      expect(share.formula).toBe(`IF(G${n}=0,"",L${n}/G${n})`);
      expect(recalc.evaluate('Commitments', share.formula)).toBeCloseTo(c.projectedUnusedShare, 12);
      expect(row.getCell(15).value).toBe(c.warning ?? '');
      const runOut = row.getCell(11).value as Date | null;
      expect(runOut ? runOut.toISOString().slice(0, 10) : null).toBe(c.runOutDate);
    });
  });

  it('deck: a commitments slide with each row and the warnings, its notes explaining every figure', async () => {
    const zip = await openZip(fs.readFileSync(path.join(out, name('pptx'))));
    const slides = partsMatching(zip, /^ppt\/slides\/slide\d+\.xml$/);
    let found: string | null = null;
    for (const s of slides) {
      const t = paragraphsText(await partText(zip, s));
      if (t.includes('Commitments and prepaid credits')) found = s;
    }
    expect(found).not.toBeNull();
    const slide = paragraphsText(await partText(zip, found!));
    for (const c of report.commitments) {
      expect(slide).toContain(usdWhole(c.remaining.micro / 1e6));
      if (c.warning) expect(slide).toContain(c.warning);
    }
    const notesName = `ppt/notesSlides/notesSlide${found!.match(/slide(\d+)\.xml$/)![1]}.xml`;
    const notes = paragraphsText(await partText(zip, notesName));
    expect(notes).toContain('run-out date = as-of date + remaining ÷ daily rate');
    expect(notes).toContain('Demo data: commitments');
  });
});
