import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/contract';
import type { PackExportResult } from '../../../shared/export/packTypes';
import { microToMajor } from '../../../shared/money';
import type { ReportModel } from '../../../shared/report';
import { runCli } from '../../../electron/cli/main';
import { commitImport } from '../../../electron/import/run';
import { chromiumRenderer } from '../../../electron/pack/chromium';
import { exportPack } from '../../../electron/pack/export';
import { sha256File } from '../../../electron/pack/hash';
import { buildReport } from '../../../electron/report/buildReport';
import { toReportJson, type ReportJson } from '../../../electron/report/json';
import { createService } from '../../../electron/service/service';
import { UploadStore } from '../../../electron/service/uploads';
import { setCommentary } from '../../../electron/store/commentary';
import { updateSettings } from '../../../electron/store/settings';
import { OUTPUT_DIR } from '../../helpers/browser';
import { tempDir, tempWorkspace } from '../../helpers/tempWorkspace';
import { pct1, pdfFonts, pdfInfo, pdfText, renderPages, usdWhole } from './helpers';

const EVIL = "=cmd|' /C calc'!A0";
const PERIOD = 'FY2026-Q3';
/** Commentary as people write it: the symbols must reach the PDF as written, not as "<=" or "->". */
const SYMBOL_NOTE = 'Target ≤ $4.00 next quarter; deflection ≥ 60% → review ≠ cut.';
const SECTION_TITLES = [
  `AI Board Briefing — ${PERIOD}`,
  'Executive summary',
  'KPI scorecard',
  'Portfolio value',
  'Spend and budget',
  'Risk and governance',
  'Next-quarter priorities',
  'Changes since the last pack',
  'Appendix A — Data sources',
  'Appendix B — Metric definitions',
];

function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('briefing pack from the demo workspace (with an imported formula-injection text)', () => {
  const ws = tempWorkspace({ demo: true });
  const outDir = path.join(ws.dir, 'packs');
  let json: ReportJson;
  let model: ReportModel;
  let result: PackExportResult;
  let text: string;
  const pdfFile = () => result.files.find((f) => f.kind === 'pdf')!.path;
  const xlsxFile = () => result.files.find((f) => f.kind === 'xlsx')!.path;

  beforeAll(async () => {
    const evil = path.join(tempDir(), '@evil-spend.csv');
    fs.writeFileSync(
      evil,
      `date,amount,currency,category,vendor,description\n2026-08-15,100.00,USD,model_api,"${EVIL.replace(/"/g, '""')}",x\n`,
    );
    await commitImport(ws.db, { path: evil, name: '@evil-spend.csv' });
    // The demo comments every red KPI; take one away so the preflight has something to block.
    setCommentary(ws.db, { period: PERIOD, scope: 'kpi', ref: 'incident_count', body: '' });
    setCommentary(ws.db, { period: PERIOD, scope: 'kpi', ref: 'token_budget_variance', body: SYMBOL_NOTE });
    model = buildReport(ws.db, PERIOD);
    json = toReportJson(model);
  }, 60_000);
  afterAll(() => ws.close());

  it('a red KPI without commentary blocks the export, and nothing is written', async () => {
    await expect(
      exportPack(
        ws,
        { period: PERIOD, pdf: false, xlsx: true, allowUncommentedRed: false, outDir },
        { render: () => Promise.reject(new Error('must not render')) },
      ),
    ).rejects.toSatisfy(
      (e) => e instanceof ApiError && e.code === 'CONFLICT' && /Incident Rate/.test(e.message),
    );
    expect(fs.existsSync(outDir) ? fs.readdirSync(outDir) : []).toEqual([]);
    const { io, err } = cliIo();
    expect(await runCli(['pack', '--db', ws.file, '--period', PERIOD, '--out', outDir], io)).toBe(1);
    expect(err.join('\n')).toMatch(/--allow-uncommented-red/);
  });

  it('the CLI writes both files with the explicit override and records a snapshot', async () => {
    const { io, out, err } = cliIo();
    const code = await runCli(
      [
        'pack',
        '--db',
        ws.file,
        '--period',
        PERIOD,
        '--out',
        outDir,
        '--allow-uncommented-red',
        '--date',
        '2026-10-12',
        '--json',
      ],
      io,
    );
    expect(err.join('\n')).toBe('');
    expect(code).toBe(0);
    result = JSON.parse(out.join('\n')) as PackExportResult;
    expect(result.files.map((f) => f.kind).sort()).toEqual(['pdf', 'xlsx']);
    expect(fs.readdirSync(outDir).sort()).toEqual([
      `AI Board Briefing ${PERIOD}.pdf`,
      `AI Board Briefing ${PERIOD}.xlsx`,
    ]);
    for (const f of result.files) expect(sha256File(f.path)).toBe(f.sha256);
    expect(result.warnings.join(' ')).toMatch(/override.*incident_count/);
    text = pdfText(pdfFile());
  }, 120_000);

  it('PDF: tagged, A4, page count, every section title, "Page N of M" on every page', () => {
    const info = pdfInfo(pdfFile());
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(`Northwind Holdings — AI Board Briefing — ${PERIOD}`);
    // A document outline with an entry per section.
    const raw = fs.readFileSync(pdfFile()).toString('latin1');
    expect(raw).toContain('/Outlines');
    for (const t of ['Executive summary', 'KPI scorecard', 'Portfolio value', 'Spend and budget'])
      expect(raw).toContain(`/Title (${t})`);
    expect(info['Page size']).toMatch(/A4/);
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(pages).toBeLessThanOrEqual(20);
    for (const title of SECTION_TITLES) expect(text).toContain(title);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} of ${pages}`);
    expect(text.split('\f').filter((p) => p.includes('Confidential — board use only')).length).toBe(pages);
    expect(text).toContain('12 October 2026');
    const pagesText = text.split('\f');
    expect(pagesText[0]).toContain('CONFIDENTIAL');
    expect(pagesText[1]).toContain('Executive summary');
  });

  it('PDF: the headline numbers equal report --json', async () => {
    const { io, out } = cliIo();
    expect(await runCli(['report', '--db', ws.file, '--period', PERIOD, '--json'], io)).toBe(0);
    const cliJson = JSON.parse(out.join('\n')) as ReportJson;
    expect(cliJson.portfolio).toEqual(json.portfolio);
    const p = json.portfolio;
    const b = json.budget;
    for (const s of [
      usdWhole(p.cost),
      usdWhole(p.benefit),
      pct1(p.roi!),
      pct1(p.cumulativeRoi!),
      usdWhole(b.budget),
      usdWhole(b.actual),
      usdWhole(b.forecastYearEnd),
      usdWhole(json.npv),
    ])
      expect(text).toContain(s);
    for (const i of json.initiatives) {
      expect(text).toContain(usdWhole(i.cost));
      expect(text).toContain(usdWhole(i.npv));
    }
    for (const c of b.byCategory) expect(text).toContain(usdWhole(c.actual));
    expect(text).toContain(EVIL); // shown as plain text in the PDF
  });

  it("PDF: the forecast's 80% range on the spend page and the forecast track record, as report --json has them", () => {
    const b = json.budget;
    expect(b.forecastRange).not.toBeNull();
    // pdftotext -layout interleaves the tiles' lines: compare the spend page's words in order, spaces collapsed.
    const page = text
      .split('\f')
      .find((p) => p.includes('Spend and budget'))!
      .replace(/\s+/g, ' ');
    expect(page).toContain(`80% range ${usdWhole(b.forecastRange!.low)} –`);
    expect(page).toContain(usdWhole(b.forecastRange!.high));
    expect(text).toContain('Forecast track record');
    expect(b.forecastTrackRecord.length).toBeGreaterThan(0);
    for (const t of b.forecastTrackRecord) {
      const line = text.split('\n').find((l) => l.includes(`${t.asOf} (${t.period})`));
      expect(line, t.period).toBeDefined();
      expect(line).toContain(usdWhole(t.forecastYearEnd));
      if (t.actualYearEnd !== null) expect(line).toContain(usdWhole(t.actualYearEnd));
    }
  });

  it('PDF: the vendor table is on one page, with its total', () => {
    const pages = text.split('\f');
    const at = pages.findIndex((p) => p.includes('Spend by vendor'));
    const page = pages[at]!;
    for (const v of model.budget.byVendor) expect(page).toContain(v.label.slice(0, 20));
    expect(page).toMatch(new RegExp(`Total\\s+\\${usdWhole(json.budget.actual)}`));
    expect(page.replace(/\s+/g, ' ')).toContain(
      'Whole US dollars; totals rounded independently from the exact amounts, so rows may not add to the total.',
    );
  });

  it('PDF: only the bundled fonts are embedded (Inter, and DejaVu Sans for ≤ ≥ ≠ →)', () => {
    const fonts = pdfFonts(pdfFile());
    const names = fonts
      .split('\n')
      .slice(2)
      .map((l) => l.split(/\s+/)[0])
      .filter(Boolean);
    expect(names.filter((n) => !/\+(Inter-|DejaVuSans$)/.test(n!))).toEqual([]);
    expect(names.some((n) => /\+Inter-/.test(n!))).toBe(true);
    expect(names.some((n) => /\+DejaVuSans$/.test(n!))).toBe(true);
  });

  it("the demo's business-case projections are whole currency units (no $216,000.01 on the board page)", () => {
    const projected = model.initiatives.filter((i) => i.projectedBenefit.micro !== 0);
    expect(projected.length).toBeGreaterThan(0);
    for (const i of projected) expect(i.projectedBenefit.micro % 1_000_000).toBe(0);
    expect(text).toContain('$216,000');
    expect(text).not.toContain('$216,000.01');
  });

  it('PDF: ≤ ≥ ≠ → written in commentary are printed as written', () => {
    // The commentary cell wraps: check each run of words as pdftotext lays the cell out.
    for (const run of ['Target ≤ $4.00 next quarter;', 'deflection ≥ 60% → review ≠'])
      expect(text).toContain(run);
    expect(text).not.toMatch(/<=|>=|->|!=/);
  });

  it('PDF pages are rendered to PNG for review', () => {
    const files = renderPages(pdfFile(), path.join(OUTPUT_DIR, 'pack'), 'demo');
    expect(files.length).toBe(Number(pdfInfo(pdfFile()).Pages));
  });

  it('XLSX: sheets, formulas with cached results equal to the model, formats, frozen headers, print setup', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxFile());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Narrative',
      'Scorecard',
      'Initiatives',
      'Initiative KPIs',
      'Assumptions',
      'Budget vs Actual',
      'Forecast Range',
      'Forecast Track Record',
      'Monthly spend',
      'Run-rate',
      'Commitments',
      'Unit economics',
      'Vendors',
      'Anomalies',
      'Sources',
      'Definitions',
    ]);
    for (const w of wb.worksheets) {
      expect(w.views[0]?.state).toBe('frozen');
      expect(w.pageSetup.orientation).toBe('landscape');
      expect(w.pageSetup.fitToWidth).toBe(1);
    }
    const ini = wb.getWorksheet('Initiatives')!;
    const names = new Map<string, number>();
    ini.eachRow((row, n) => names.set(String(row.getCell(1).value), n));
    for (const i of model.initiatives) {
      const row = ini.getRow(names.get(i.name)!);
      // Full precision (micro-units ÷ 10^6) under a 2-decimal format, so the totals' SUMs are exact.
      expect(row.getCell(7).value).toBe(i.cost.micro / 1e6);
      expect(row.getCell(8).value).toBe(i.benefit.micro / 1e6);
      const roi = row.getCell(9).value as ExcelJS.CellFormulaValue;
      expect(roi.formula).toMatch(/^IF\(G\d+=0,"",\(H\d+-G\d+\)\/G\d+\)$/);
      expect(roi.result ?? null).toBe(i.roi.value);
      expect(row.getCell(9).numFmt).toBe('0.0%');
      expect(row.getCell(7).numFmt).toContain('#,##0.00');
    }
    const budget = wb.getWorksheet('Budget vs Actual')!;
    const cat = model.budget.byCategory;
    cat.forEach((c, k) => {
      const row = budget.getRow(k + 2);
      expect(row.getCell(1).value).toBe(c.label);
      const v = row.getCell(4).value as ExcelJS.CellFormulaValue;
      expect(v.formula).toBe(`C${k + 2}-B${k + 2}`);
      expect(v.result).toBe(c.variance.micro / 1e6);
      // The formula recomputes to the cached result from the cells shown (to the cent).
      expect(Number(row.getCell(3).value) - Number(row.getCell(2).value)).toBeCloseTo(v.result as number, 2);
      const vp = row.getCell(5).value as ExcelJS.CellFormulaValue;
      expect(vp.formula).toBe(`IF(B${k + 2}=0,"",D${k + 2}/B${k + 2})`);
      expect(vp.result ?? null).toBe(c.variancePct.value);
    });
    const summary = wb.getWorksheet('Summary')!;
    const values = new Map<string, ExcelJS.CellValue>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    const cost = values.get('Portfolio cost (quarter)') as ExcelJS.CellFormulaValue;
    expect(cost.formula).toMatch(/^Initiatives!G\d+$/);
    expect(microToMajor(Math.round((cost.result as number) * 1e6))).toBe(json.portfolio.cost);
    expect((values.get('Portfolio ROI (quarter)') as ExcelJS.CellFormulaValue).result).toBe(
      model.portfolio.roi.value,
    );
    expect((values.get('Variance (actual − budget)') as ExcelJS.CellFormulaValue).result).toBe(
      model.budget.variance.micro / 1e6,
    );
    expect(values.get('Year-end forecast')).toBe(model.budget.forecastYearEnd.micro / 1e6);
    // Conditional formatting on status, charts as pictures.
    const scorecard = wb.getWorksheet('Scorecard')!;
    const cf = (scorecard as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    // Status moved from G to H when the Tolerance (±) column was added after Target.
    expect(cf.map((c) => c.ref)).toContain(`H2:H${model.kpis.length + 1}`);
    expect(summary.getImages().length).toBeGreaterThanOrEqual(2);
    expect(wb.getWorksheet('Monthly spend')!.getImages().length).toBe(1);
  });

  it('XLSX: imported text starting with = + - @ is stored inert (never a formula)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxFile());
    const cells: ExcelJS.Cell[] = [];
    wb.eachSheet((s) =>
      s.eachRow((r) =>
        r.eachCell((c) => {
          if (typeof c.value === 'string' && c.value.includes('cmd|')) cells.push(c);
          if (typeof c.value === 'string' && c.value.includes('evil-spend')) cells.push(c);
        }),
      ),
    );
    expect(cells.length).toBeGreaterThanOrEqual(2);
    for (const c of cells) {
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(String(c.value).startsWith("'")).toBe(true);
    }
    expect(cells.map((c) => c.value)).toContain(`'${EVIL}`);
    // And no cell anywhere holds a formula that came from data.
    wb.eachSheet((s) =>
      s.eachRow((r) =>
        r.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) expect(c.formula).not.toMatch(/cmd|calc/);
        }),
      ),
    );
  });

  it('snapshot: same quarter, same data → same inputs hash and figures; data change → restated', async () => {
    const render = { render: () => Promise.resolve({ pdf: null, charts: {} }) };
    const again = await exportPack(
      ws,
      {
        period: PERIOD,
        pdf: false,
        xlsx: true,
        allowUncommentedRed: true,
        outDir: path.join(ws.dir, 'again'),
      },
      render,
    );
    expect(again.snapshot.inputsSha256).toBe(result.snapshot.inputsSha256);
    expect(again.restatedSince).toBeNull();
    const stored = ws.db
      .prepare('SELECT report_json FROM pack_snapshots WHERE id IN (?, ?) ORDER BY id')
      .pluck()
      .all(result.snapshot.id, again.snapshot.id) as string[];
    expect(stored[0]).toBe(stored[1]);
    setCommentary(ws.db, {
      period: PERIOD,
      scope: 'kpi',
      ref: 'incident_count',
      body: 'Six incidents, all sev-3.',
    });
    const third = await exportPack(
      ws,
      {
        period: PERIOD,
        pdf: false,
        xlsx: true,
        allowUncommentedRed: false,
        outDir: path.join(ws.dir, 'third'),
      },
      render,
    );
    expect(third.preflight.ok).toBe(true);
    expect(third.restatedSince?.id).toBe(again.snapshot.id);
    const res = await ws.db.prepare('SELECT count(*) FROM pack_snapshots').pluck().get();
    expect(res).toBe(3);
  });

  it('"changes since the last pack" compares with the last pack of an earlier quarter', async () => {
    await exportPack(
      ws,
      {
        period: 'FY2026-Q2',
        pdf: false,
        xlsx: true,
        allowUncommentedRed: true,
        outDir: path.join(ws.dir, 'q2'),
      },
      { render: () => Promise.resolve({ pdf: null, charts: {} }) },
    );
    const late = path.join(tempDir(), 'late-invoices.csv');
    fs.writeFileSync(
      late,
      'date,amount,currency,category,vendor,description\n2026-09-20,250.00,USD,tooling,GitHub,late\n',
    );
    await commitImport(ws.db, { path: late, name: 'late-invoices.csv' });
    const data = (await createService({ ws, uploads: new UploadStore() }).call('pack.data', {
      period: PERIOD,
    })) as {
      ok: true;
      result: import('../../../shared/export/packTypes').PackData;
    };
    const ch = data.result.changes;
    expect(ch.basis).toBe('snapshot');
    expect(ch.againstPeriod).toBe('FY2026-Q2');
    expect(ch.movers.length).toBeGreaterThan(0);
    expect(ch.statusChanges.length).toBeGreaterThan(0);
    expect(ch.importedSince.map((b) => b.fileName)).toEqual(['late-invoices.csv']);
  });
});

describe('briefing pack from a workspace built from the real samples', () => {
  const ws = tempWorkspace();
  afterAll(() => ws.close());
  const SAMPLES = path.resolve(__dirname, '../../../../shared/samples');

  it('imports the FOCUS and vendor samples, then prints a pack whose numbers match the report', async () => {
    for (const f of [
      'focus/focus_1.0_sample_1000rows.csv',
      'vendors/azure_cost_mgmt_ea_actualcost_small.csv',
      'vendors/aws_legacy_cur_anonymized_sample.csv',
      'vendors/anthropic_console_cost_export_claude_api_cost_2026_02_08_to_2026_02_15.csv',
    ])
      await commitImport(ws.db, { path: path.join(SAMPLES, f), name: path.basename(f) });
    const periods = ws.db
      .prepare('SELECT DISTINCT substr(date, 1, 7) FROM spend ORDER BY 1')
      .pluck()
      .all() as string[];
    expect(periods.length).toBeGreaterThan(0);
    const { reportPeriods } = await import('../../../electron/report/buildReport');
    const period = reportPeriods(ws.db).defaultPeriod!;
    const logo = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="40" height="40" fill="#0f766e"/><text x="48" y="28" font-size="20" fill="#0f172a">SIL</text></svg>',
    ).toString('base64');
    updateSettings(ws.db, {
      pageSize: 'Letter',
      companyName: 'Sample Imports Ltd',
      logoDataUrl: `data:image/svg+xml;base64,${logo}`,
    });
    const outDir = path.join(ws.dir, 'packs');
    const result = await exportPack(
      ws,
      { period, pdf: true, xlsx: true, allowUncommentedRed: true, outDir, packDate: '2026-10-12' },
      chromiumRenderer(),
    );
    const pdf = result.files.find((f) => f.kind === 'pdf')!.path;
    const text = pdfText(pdf);
    const json = toReportJson(buildReport(ws.db, period));
    expect(text).toContain(`AI Board Briefing — ${period}`);
    expect(pdfInfo(pdf)['Page size']).toMatch(/letter/);
    // The cover is one page, confidentiality marking included, on Letter as on A4.
    const cover = text.split('\f')[0]!;
    expect(cover).toContain('CONFIDENTIAL');
    expect(text.split('\f')[1]).toContain('Executive summary');
    for (const title of SECTION_TITLES.slice(1)) expect(text).toContain(title);
    expect(text).toContain(usdWhole(json.portfolio.cost));
    expect(text).toContain(usdWhole(json.budget.actual));
    for (const b of result.files) expect(sha256File(b.path)).toBe(b.sha256);
    // The appendix lists each sample with its SHA-256.
    for (const row of ws.db.prepare('SELECT file_sha256 FROM import_batches').pluck().all() as string[])
      expect(text).toContain(row);
    renderPages(pdf, path.join(OUTPUT_DIR, 'pack'), 'samples');
  }, 180_000);
});
