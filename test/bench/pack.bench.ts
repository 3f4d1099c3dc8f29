/**
 * Pack benchmark: the full PDF briefing pack as an export prints it (build the pack data once, open the
 * print view served from dist/renderer, hand it that data, draw every section and chart, print with
 * Chromium's print engine) as a ratio to the same Chromium
 * printing a one-page blank document in the same run (target ≤ 5×); the Excel pack's time (target < 2 s on
 * the large workspace); the PowerPoint deck's time as a ratio to the workbook's in the same run (target ≤ 2×
 * on the demo workspace). Both for the demo workspace and a large one.
 *
 *   npx tsx test/bench/pack.bench.ts [--large FILE] [--rounds 5]
 *
 * --large: a workspace built by `npx tsx test/bench/report.bench.ts --keep FILE` (1,000,000 spend lines,
 * 200 initiatives); without it only the demo workspace is measured.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { generateDemo } from '../../electron/demo/generate';
import { chromiumRenderer, launchChromium, rendererDir } from '../../electron/pack/chromium';
import { loadPackData, slimPackData } from '../../electron/pack/data';
import { buildDeck } from '../../electron/pack/pptx/deck';
import { buildWorkbook } from '../../electron/pack/xlsx/workbook';
import { reportPeriods } from '../../electron/report/buildReport';
import { initWorkspace, openWorkspace, type Workspace } from '../../electron/store/workspace';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const ROUNDS = Number(flag('rounds') ?? 5);
const DATE = '2026-10-12';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const min = (xs: number[]) => Math.min(...xs);
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function blankPrint(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  await page.close();
}

interface Row {
  name: string;
  blank: number[];
  pdf: number[];
  pages: number;
  xlsx: number[];
  pptx: number[];
  data: number[];
}

async function measure(name: string, ws: Workspace, browser: Browser): Promise<Row> {
  const period = reportPeriods(ws.db).defaultPeriod!;
  // What exportPack does for the PDF: one build of the pack data, handed to the printer.
  const printer = chromiumRenderer({ browser });
  const printPack = () =>
    printer.render({ data: slimPackData(loadPackData(ws.db, period)), packDate: DATE, pdf: true });
  const row: Row = { name, blank: [], pdf: [], pages: 0, xlsx: [], pptx: [], data: [] };
  // Warm-up: one of each.
  await blankPrint(browser);
  const warm = await printPack();
  const pdfFile = path.join(os.tmpdir(), `caio-pack-bench-${process.pid}.pdf`);
  fs.writeFileSync(pdfFile, warm.pdf!);
  row.pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))?.[1] ?? 0,
  );
  fs.rmSync(pdfFile);
  const data0 = loadPackData(ws.db, period);
  await buildWorkbook(data0, warm.charts, DATE);
  await buildDeck(data0, DATE);
  for (let r = 0; r < ROUNDS; r++) {
    row.blank.push(await time(() => blankPrint(browser)));
    row.pdf.push(await time(printPack));
    let data = data0;
    row.data.push(await time(async () => (data = loadPackData(ws.db, period))));
    row.xlsx.push(await time(() => buildWorkbook(data, warm.charts, DATE)));
    row.pptx.push(await time(() => buildDeck(data, DATE)));
  }
  return row;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(rendererDir(), 'print.html')))
    throw new Error('Build the renderer first: npm run build:renderer');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caio-pack-bench-'));
  // A private copy of the built renderer: a rebuild elsewhere during the run must not pull it away.
  fs.cpSync(rendererDir(), path.join(dir, 'renderer'), { recursive: true });
  process.env.CAIO_RENDERER_DIR = path.join(dir, 'renderer');
  const demo = initWorkspace(path.join(dir, 'demo.sqlite'));
  generateDemo(demo.db);
  const browser = await launchChromium();
  const rows: Row[] = [];
  try {
    rows.push(await measure('demo (9 initiatives, 922 spend lines)', demo, browser));
    const large = flag('large');
    if (large) {
      const ws = openWorkspace(large);
      const lines = ws.db.prepare('SELECT count(*) FROM spend').pluck().get() as number;
      const inits = ws.db.prepare('SELECT count(*) FROM initiatives').pluck().get() as number;
      rows.push(
        await measure(
          `large (${inits} initiatives, ${lines.toLocaleString('en-US')} spend lines)`,
          ws,
          browser,
        ),
      );
      ws.close();
    }
  } finally {
    await browser.close();
    demo.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`rounds: ${ROUNDS} (after one warm-up each); times are min / median`);
  console.log(
    '| workspace | pages | blank 1-page print | PDF pack | ratio (min/min) | ratio (median/median) | pack data | XLSX | PPTX | PPTX ÷ XLSX (min/min, median/median) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  let fail = false;
  for (const r of rows) {
    const ratioMin = min(r.pdf) / min(r.blank);
    const ratioMed = median(r.pdf) / median(r.blank);
    if (ratioMin > 5) fail = true;
    if (r.name.startsWith('large') && min(r.xlsx) + min(r.data) > 2000) fail = true;
    const deckRatio = min(r.pptx) / min(r.xlsx);
    if (r.name.startsWith('demo') && deckRatio > 2) fail = true;
    console.log(
      `| ${r.name} | ${r.pages} | ${ms(min(r.blank))} / ${ms(median(r.blank))} | ${ms(min(r.pdf))} / ${ms(median(r.pdf))} | **${ratioMin.toFixed(1)}×** | ${ratioMed.toFixed(1)}× | ${ms(min(r.data))} / ${ms(median(r.data))} | ${ms(min(r.xlsx))} / ${ms(median(r.xlsx))} | ${ms(min(r.pptx))} / ${ms(median(r.pptx))} | **${deckRatio.toFixed(2)}×** / ${(median(r.pptx) / median(r.xlsx)).toFixed(2)}× |`,
    );
  }
  if (fail) {
    console.error(
      'Above target: PDF ≤ 5× the blank print, XLSX (with its data) < 2 s on the large workspace, PPTX ≤ 2× the XLSX on the demo.',
    );
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
